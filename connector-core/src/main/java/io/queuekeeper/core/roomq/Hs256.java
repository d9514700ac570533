package io.queuekeeper.core.roomq;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over ASCII text with the room secret's UTF-8 bytes as the key. Each thread
 * uses its own {@link Mac}, cloned from an initialised prototype, because a {@code Mac}
 * is not thread-safe and {@link Mac#getInstance(String)} per call is slow.
 */
final class Hs256 {

	private static final String ALGORITHM = "HmacSHA256";

	private final ThreadLocal<Mac> macs;

	Hs256(String secret) {
		byte[] keyBytes = secret.getBytes(StandardCharsets.UTF_8);
		SecretKeySpec key = new SecretKeySpec(keyBytes, ALGORITHM);
		Arrays.fill(keyBytes, (byte) 0);
		Mac prototype = newMac(key);
		this.macs = ThreadLocal.withInitial(() -> cloneOf(prototype, key));
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", ex);
		}
	}

	private static Mac cloneOf(Mac prototype, SecretKeySpec key) {
		try {
			synchronized (prototype) {
				return (Mac) prototype.clone();
			}
		}
		catch (CloneNotSupportedException ex) {
			return newMac(key);
		}
	}

	/**
	 * Returns the HMAC of the first {@code length} characters of an ASCII string.
	 */
	byte[] sign(String signingInput, int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) signingInput.charAt(i);
		}
		return this.macs.get().doFinal(bytes);
	}

}

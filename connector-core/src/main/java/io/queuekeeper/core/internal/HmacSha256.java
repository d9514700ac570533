package io.queuekeeper.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 keyed with the customer's secret, as lower-case hex. Each thread uses its
 * own {@link Mac}, initialised once, because a {@code Mac} is not thread-safe and
 * {@link Mac#getInstance(String)} per call is slow.
 */
public final class HmacSha256 {

	private static final String ALGORITHM = "HmacSHA256";

	private static final HexFormat HEX = HexFormat.of();

	private final ThreadLocal<Mac> macs;

	/**
	 * Creates a signer for the given key.
	 * @param secretKey the secret; its bytes are copied
	 * @throws IllegalStateException if the JDK offers no HMAC-SHA256, which is never
	 * silently turned into an empty signature
	 */
	public HmacSha256(String secretKey) {
		byte[] keyBytes = secretKey.getBytes(StandardCharsets.UTF_8);
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
	 * Returns the lower-case hex HMAC of the UTF-8 bytes of the message.
	 */
	public String hex(String message) {
		Mac mac = this.macs.get();
		byte[] digest = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
		return HEX.formatHex(digest);
	}

	/**
	 * Compares two ASCII strings in time that does not depend on where they differ.
	 */
	public static boolean constantTimeEquals(String expected, String actual) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

}

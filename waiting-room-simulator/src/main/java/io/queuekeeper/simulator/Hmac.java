package io.queuekeeper.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with a UTF-8 key, as lower-case hex (spec 1.3 and 9.2). Each call works on
 * its own clone of an initialised prototype, so one instance serves every thread.
 */
final class Hmac {

	private static final String ALGORITHM = "HmacSHA256";

	private final Mac prototype;

	Hmac(String key) {
		try {
			this.prototype = Mac.getInstance(ALGORITHM);
			this.prototype.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	String hex(String message) {
		return HexFormat.of().formatHex(bytes(message));
	}

	byte[] bytes(String message) {
		Mac mac;
		try {
			mac = (Mac) this.prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("HmacSHA256 provider cannot clone", ex);
		}
		return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
	}

	static boolean constantTimeEquals(String expected, String actual) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

}

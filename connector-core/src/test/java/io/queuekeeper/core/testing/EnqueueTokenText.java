package io.queuekeeper.core.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens enqueue tokens straight from the protocol description (§10.1), independently of
 * the engine's codec: the header JSON, the decrypted payload JSON, and a signature over
 * any text.
 */
public final class EnqueueTokenText {

	private EnqueueTokenText() {
	}

	/**
	 * Returns the header JSON of a token.
	 */
	public static String header(String token) {
		return new String(Base64.getUrlDecoder().decode(token.split("\\.", -1)[0]), StandardCharsets.UTF_8);
	}

	/**
	 * Returns the decrypted payload JSON of a token, or {@code ""} when it has none.
	 */
	public static String payload(String token, String secret, String tokenIdentifier) {
		String part = token.split("\\.", -1)[1];
		if (part.isEmpty()) {
			return "";
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(sha256(secret.getBytes(StandardCharsets.UTF_8)), "AES"),
					new IvParameterSpec(
							MessageDigest.getInstance("MD5").digest(tokenIdentifier.getBytes(StandardCharsets.UTF_8))));
			return new String(cipher.doFinal(Base64.getUrlDecoder().decode(part)), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Signs a header JSON and an optional payload JSON as the Java QueueToken library
	 * does.
	 */
	public static String sign(String headerJson, String payloadJson, String secret, String tokenIdentifier) {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		String signed = b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + ".";
		if (!payloadJson.isEmpty()) {
			try {
				Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
				cipher.init(Cipher.ENCRYPT_MODE,
						new SecretKeySpec(sha256(secret.getBytes(StandardCharsets.UTF_8)), "AES"),
						new IvParameterSpec(MessageDigest.getInstance("MD5")
							.digest(tokenIdentifier.getBytes(StandardCharsets.UTF_8))));
				signed += b64.encodeToString(cipher.doFinal(payloadJson.getBytes(StandardCharsets.UTF_8)));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return signed + "." + b64.encodeToString(sha256((signed + secret).getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] sha256(byte[] input) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

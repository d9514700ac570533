package io.queuekeeper.core.enqueue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jspecify.annotations.Nullable;

/**
 * Writes and reads enqueue tokens in Queue-it's QT1 format (spec 10.1):
 * {@code B64U(header) "." B64U(AES-256-CBC(payload)) "." B64U(SHA-256(signed + secret))},
 * where B64U is base64url without padding. The AES key is the SHA-256 of the secret key
 * and the IV the MD5 of the token identifier, so a token is fully determined by its
 * claims.
 *
 * <p>
 * The JSON is escaped properly (Queue-it's Java library does not escape quotes, spec 12
 * T1); for values without quotes, backslashes, control or non-ASCII characters the bytes
 * are those of Queue-it's libraries. Reading never throws for bad input: every problem is
 * an {@link EnqueueTokenError}. Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class EnqueueTokenCodec {

	/** Longest token text that is read at all; longer ones are malformed. */
	public static final int MAX_TOKEN_LENGTH = 8192;

	/** How far in the future a token may have been issued, for clocks that disagree. */
	public static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

	private static final String TYPE = "QT1";

	private static final String ENCRYPTION = "AES256";

	private static final String CIPHER = "AES/CBC/PKCS5Padding";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final byte[] secret;

	private final SecretKeySpec aesKey;

	/**
	 * Creates a codec for the secret key shared with the waiting room.
	 * @param secretKey the secret key; not empty
	 * @throws IllegalArgumentException if the secret key is empty
	 */
	public EnqueueTokenCodec(String secretKey) {
		if (secretKey.isEmpty()) {
			throw new IllegalArgumentException("secretKey must not be empty");
		}
		this.secret = secretKey.getBytes(StandardCharsets.UTF_8);
		byte[] key = digest("SHA-256", this.secret);
		this.aesKey = new SecretKeySpec(key, "AES");
		Arrays.fill(key, (byte) 0);
	}

	/**
	 * Writes a token.
	 * @param token the claims
	 * @return the token text, URL-safe
	 */
	public String encode(EnqueueToken token) {
		StringBuilder signed = new StringBuilder(512);
		signed.append(ENCODER.encodeToString(header(token).getBytes(StandardCharsets.UTF_8))).append('.');
		if (token.payload() != null) {
			byte[] payload = payload(token.payload()).getBytes(StandardCharsets.UTF_8);
			signed.append(ENCODER.encodeToString(encrypt(token.tokenIdentifier(), payload)));
		}
		String signature = signature(signed);
		return signed.append('.').append(signature).toString();
	}

	/**
	 * Reads a token and checks its structure and signature, but not its claims.
	 * @param token the token text, possibly {@code null} or garbage
	 * @return the claims, or why the token is unusable
	 * ({@link EnqueueTokenError#MALFORMED} or {@link EnqueueTokenError#SIGNATURE})
	 */
	public EnqueueTokenVerification decode(@Nullable String token) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			return EnqueueTokenVerification.refused(null, EnqueueTokenError.MALFORMED);
		}
		int first = token.indexOf('.');
		int second = (first < 0) ? -1 : token.indexOf('.', first + 1);
		if (second < 0 || token.indexOf('.', second + 1) >= 0) {
			return EnqueueTokenVerification.refused(null, EnqueueTokenError.MALFORMED);
		}
		String expected = signature(token.subSequence(0, second));
		// Compared as text, not as decoded bytes: base64 decoders ignore the spare bits
		// of the last character, so decoded bytes would accept altered signatures.
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				token.substring(second + 1).getBytes(StandardCharsets.UTF_8))) {
			return EnqueueTokenVerification.refused(null, EnqueueTokenError.SIGNATURE);
		}
		try {
			JsonNode header = readObject(DECODER.decode(token.substring(0, first)));
			String tokenIdentifier = requiredText(header, "ti");
			EnqueueTokenPayload payload = null;
			if (second > first + 1) {
				byte[] encrypted = DECODER.decode(token.substring(first + 1, second));
				payload = payload(readObject(crypt(Cipher.DECRYPT_MODE, tokenIdentifier, encrypted)));
			}
			if (!TYPE.equals(requiredText(header, "typ")) || !ENCRYPTION.equals(requiredText(header, "enc"))) {
				return EnqueueTokenVerification.refused(null, EnqueueTokenError.MALFORMED);
			}
			Long expiresAt = optionalLong(header, "exp");
			return EnqueueTokenVerification.accepted(new EnqueueToken(tokenIdentifier, requiredText(header, "c"),
					optionalText(header, "e"), Instant.ofEpochMilli(requiredLong(header, "iss")),
					(expiresAt != null) ? Instant.ofEpochMilli(expiresAt) : null, optionalText(header, "ip"),
					optionalText(header, "xff"), payload));
		}
		catch (IllegalArgumentException | GeneralSecurityException | IOException ex) {
			return EnqueueTokenVerification.refused(null, EnqueueTokenError.MALFORMED);
		}
	}

	/**
	 * Reads a token and checks it completely: structure, signature, customer, event, time
	 * window, key and bindings.
	 * @param token the token text, possibly {@code null} or garbage
	 * @param expected what the token must match
	 * @param now the current time
	 * @return the claims and, when refused, the first check that failed
	 */
	public EnqueueTokenVerification verify(@Nullable String token, EnqueueTokenExpectation expected, Instant now) {
		EnqueueTokenVerification decoded = decode(token);
		EnqueueToken claims = decoded.token();
		if (claims == null) {
			return decoded;
		}
		EnqueueTokenError error = check(claims, expected, now);
		return (error != null) ? EnqueueTokenVerification.refused(claims, error) : decoded;
	}

	private static @Nullable EnqueueTokenError check(EnqueueToken token, EnqueueTokenExpectation expected,
			Instant now) {
		if (!token.customerId().equals(expected.customerId())) {
			return EnqueueTokenError.CUSTOMER;
		}
		if (expected.eventId() != null && !expected.eventId().equals(token.eventId())) {
			return EnqueueTokenError.EVENT;
		}
		if (token.isExpiredAt(now)) {
			return EnqueueTokenError.EXPIRED;
		}
		if (token.issuedAt().isAfter(now.plus(CLOCK_SKEW))) {
			return EnqueueTokenError.NOT_YET_VALID;
		}
		if (expected.key() != null) {
			String key = (token.payload() != null) ? token.payload().key() : null;
			if (key == null || !MessageDigest.isEqual(expected.key().getBytes(StandardCharsets.UTF_8),
					key.getBytes(StandardCharsets.UTF_8))) {
				return EnqueueTokenError.KEY;
			}
		}
		if (token.ipAddress() != null && expected.ipAddress() != null
				&& !token.ipAddress().equals(expected.ipAddress())) {
			return EnqueueTokenError.IP_ADDRESS;
		}
		if (token.forwardedFor() != null && expected.forwardedFor() != null
				&& !token.forwardedFor().equals(expected.forwardedFor())) {
			return EnqueueTokenError.FORWARDED_FOR;
		}
		return null;
	}

	private static String header(EnqueueToken token) {
		StringBuilder json = new StringBuilder(256).append("{\"typ\":\"QT1\",\"enc\":\"AES256\",\"iss\":")
			.append(token.issuedAt().toEpochMilli());
		if (token.expiresAt() != null) {
			json.append(",\"exp\":").append(token.expiresAt().toEpochMilli());
		}
		JsonText.quote(json.append(",\"ti\":"), token.tokenIdentifier());
		JsonText.quote(json.append(",\"c\":"), token.customerId());
		if (token.eventId() != null) {
			JsonText.quote(json.append(",\"e\":"), token.eventId());
		}
		if (token.ipAddress() != null) {
			JsonText.quote(json.append(",\"ip\":"), token.ipAddress());
		}
		if (token.forwardedFor() != null) {
			JsonText.quote(json.append(",\"xff\":"), token.forwardedFor());
		}
		return json.append('}').toString();
	}

	private static String payload(EnqueueTokenPayload payload) {
		StringBuilder json = new StringBuilder(128).append('{');
		if (payload.relativeQuality() != null) {
			json.append("\"r\":").append(Double.toString(payload.relativeQuality()));
		}
		if (payload.key() != null) {
			JsonText.quote(separate(json).append("\"k\":"), payload.key());
		}
		if (!payload.customData().isEmpty()) {
			separate(json).append("\"cd\":{");
			boolean first = true;
			for (Map.Entry<String, String> entry : payload.customData().entrySet()) {
				if (!first) {
					json.append(',');
				}
				first = false;
				JsonText.quote(json, entry.getKey()).append(':');
				JsonText.quote(json, entry.getValue());
			}
			json.append('}');
		}
		if (payload.origin() != null) {
			JsonText.quote(separate(json).append("\"O\":"), payload.origin());
		}
		return json.append('}').toString();
	}

	private static StringBuilder separate(StringBuilder json) {
		return (json.length() > 1) ? json.append(',') : json;
	}

	private static EnqueueTokenPayload payload(JsonNode json) {
		Double relativeQuality = null;
		JsonNode r = json.get("r");
		if (r != null && !r.isNull()) {
			if (!r.isNumber()) {
				throw new IllegalArgumentException("r is not a number");
			}
			relativeQuality = r.doubleValue();
		}
		Map<String, String> customData = new LinkedHashMap<>();
		JsonNode cd = json.get("cd");
		if (cd != null && !cd.isNull()) {
			if (!cd.isObject()) {
				throw new IllegalArgumentException("cd is not an object");
			}
			for (Iterator<Map.Entry<String, JsonNode>> fields = cd.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (!field.getValue().isTextual()) {
					throw new IllegalArgumentException("cd values must be strings");
				}
				customData.put(field.getKey(), field.getValue().textValue());
			}
		}
		return new EnqueueTokenPayload(optionalText(json, "k"), relativeQuality, customData, optionalText(json, "O"));
	}

	private static JsonNode readObject(byte[] json) throws IOException {
		// Decoded to text first: Jackson's byte parser mangles escaped unpaired
		// surrogates in field names, and strict decoding refuses invalid UTF-8.
		String text = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(json))
			.toString();
		JsonNode node = JSON.readTree(text);
		if (node == null || !node.isObject()) {
			throw new IllegalArgumentException("not a JSON object");
		}
		return node;
	}

	private static String requiredText(JsonNode json, String name) {
		String value = optionalText(json, name);
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException(name + " is missing");
		}
		return value;
	}

	private static @Nullable String optionalText(JsonNode json, String name) {
		JsonNode value = json.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isTextual()) {
			throw new IllegalArgumentException(name + " is not a string");
		}
		return value.textValue();
	}

	private static long requiredLong(JsonNode json, String name) {
		Long value = optionalLong(json, name);
		if (value == null) {
			throw new IllegalArgumentException(name + " is missing");
		}
		return value;
	}

	private static @Nullable Long optionalLong(JsonNode json, String name) {
		JsonNode value = json.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw new IllegalArgumentException(name + " is not a whole number");
		}
		return value.longValue();
	}

	private String signature(CharSequence signed) {
		MessageDigest sha256 = messageDigest("SHA-256");
		sha256.update(signed.toString().getBytes(StandardCharsets.UTF_8));
		sha256.update(this.secret);
		return ENCODER.encodeToString(sha256.digest());
	}

	private byte[] crypt(int mode, String tokenIdentifier, byte[] input) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance(CIPHER);
		byte[] iv = digest("MD5", tokenIdentifier.getBytes(StandardCharsets.UTF_8));
		cipher.init(mode, this.aesKey, new IvParameterSpec(iv));
		return cipher.doFinal(input);
	}

	private byte[] encrypt(String tokenIdentifier, byte[] payload) {
		try {
			return crypt(Cipher.ENCRYPT_MODE, tokenIdentifier, payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-256-CBC is not available in this JVM", ex);
		}
	}

	private static byte[] digest(String algorithm, byte[] input) {
		return messageDigest(algorithm).digest(input);
	}

	private static MessageDigest messageDigest(String algorithm) {
		try {
			return MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(algorithm + " is not available in this JVM", ex);
		}
	}

	@Override
	public String toString() {
		return "EnqueueTokenCodec[secretKey=******]";
	}

}

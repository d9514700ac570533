package io.queuekeeper.core.roomq;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.queuekeeper.core.internal.HmacSha256;
import org.jspecify.annotations.Nullable;

/**
 * Verifies and mints RoomQ tickets: compact HS256 JWTs signed with the room secret.
 *
 * <p>
 * A ticket is accepted only when all of this holds: three base64url segments without
 * padding; a header that is a JSON object with {@code "alg":"HS256"}, an optional
 * {@code "typ":"JWT"} and no {@code crit}; a signature equal, in constant time, to the
 * HMAC of the first two segments; a payload that is a JSON object, strict UTF-8, without
 * duplicate keys; a {@code room_id} equal to the configured room; a non-empty string
 * {@code session_id}; {@code type} a string when present; {@code deadline}, {@code exp},
 * {@code nbf} and {@code iat} numbers when present; {@code exp} not reached and
 * {@code nbf} not more than {@link #NOT_BEFORE_SKEW} ahead. RoomQ's SDKs check none of
 * the room, expiry or algorithm rules; a ticket failing them is treated as no ticket.
 *
 * @since 0.1.0
 */
public final class RoomQTickets {

	/**
	 * How far a ticket's {@code nbf} may be ahead of this server's clock, for clocks that
	 * disagree slightly.
	 */
	public static final Duration NOT_BEFORE_SKEW = Duration.ofSeconds(60);

	/**
	 * How long after its {@code exp} a ticket is still accepted: not at all, because an
	 * expired credential must not admit.
	 */
	public static final Duration EXPIRY_LEEWAY = Duration.ZERO;

	/** The longest ticket that is looked at; longer values are rejected unread. */
	public static final int MAX_TOKEN_LENGTH = 4096;

	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final String HEADER = ENCODER
		.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

	private final String roomId;

	private final HmacSha256 hmac;

	private final Clock clock;

	/**
	 * Creates a verifier and minter for the room of the settings.
	 * @param settings the room settings
	 */
	public RoomQTickets(RoomQSettings settings) {
		this.roomId = settings.roomId();
		this.hmac = new HmacSha256(settings.roomSecret());
		this.clock = settings.clock();
	}

	/**
	 * Verifies a ticket with the settings' clock.
	 * @param token the compact JWT, or {@code null}
	 * @return the verified ticket, or empty when the value is missing or fails any check
	 */
	public Optional<RoomQTicket> verify(@Nullable String token) {
		return Optional.ofNullable(check(token, this.clock.instant()).ticket());
	}

	/**
	 * Mints a {@code self-sign} ticket for a visitor who has none, with the claims
	 * {@code room_id}, {@code session_id} and {@code type} in that order and the header
	 * {@code {"alg":"HS256","typ":"JWT"}}, as RoomQ's Java, Go and C# SDKs do.
	 * @param sessionId the visitor's session id
	 * @return the compact JWT
	 */
	public String mint(String sessionId) {
		ObjectNode claims = JSON.createObjectNode();
		claims.put("room_id", this.roomId);
		claims.put("session_id", sessionId);
		claims.put("type", RoomQTicket.SELF_SIGN);
		String payload;
		try {
			payload = JSON.writeValueAsString(claims);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write ticket claims", ex);
		}
		String signingInput = HEADER + "." + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		return signingInput + "." + ENCODER.encodeToString(this.hmac.message().append(signingInput).signature());
	}

	Check check(@Nullable String token, Instant now) {
		if (token == null || token.isEmpty()) {
			return Check.rejected(Rejection.MISSING);
		}
		if (token.length() > MAX_TOKEN_LENGTH) {
			return Check.rejected(Rejection.MALFORMED);
		}
		int first = token.indexOf('.');
		int second = (first >= 0) ? token.indexOf('.', first + 1) : -1;
		if (first <= 0 || second <= first + 1 || second == token.length() - 1 || token.indexOf('.', second + 1) >= 0
				|| !isBase64Url(token, 0, first) || !isBase64Url(token, first + 1, second)
				|| !isBase64Url(token, second + 1, token.length())) {
			return Check.rejected(Rejection.MALFORMED);
		}
		byte[] expected = ENCODER.encode(this.hmac.message().append(token, 0, second).signature());
		byte[] actual = token.substring(second + 1).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, actual)) {
			return Check.rejected(Rejection.BAD_SIGNATURE);
		}
		JsonNode header = readObject(token.substring(0, first));
		if (header == null) {
			return Check.rejected(Rejection.MALFORMED);
		}
		JsonNode alg = header.get("alg");
		JsonNode typ = header.get("typ");
		if (alg == null || !alg.isTextual() || !"HS256".equals(alg.textValue()) || header.has("crit")
				|| (typ != null && !(typ.isTextual() && "JWT".equalsIgnoreCase(typ.textValue())))) {
			return Check.rejected(Rejection.UNSUPPORTED_HEADER);
		}
		JsonNode claims = readObject(token.substring(first + 1, second));
		if (claims == null) {
			return Check.rejected(Rejection.MALFORMED);
		}
		return checkClaims(token, claims, now);
	}

	private Check checkClaims(String token, JsonNode claims, Instant now) {
		JsonNode room = claims.get("room_id");
		JsonNode session = claims.get("session_id");
		JsonNode type = claims.get("type");
		if (room != null && !room.isTextual()) {
			return Check.rejected(Rejection.BAD_CLAIMS);
		}
		if (room == null || !this.roomId.equals(room.textValue())) {
			return Check.rejected(Rejection.WRONG_ROOM);
		}
		if (session == null || !session.isTextual() || session.textValue().isEmpty()
				|| (type != null && !type.isTextual())) {
			return Check.rejected(Rejection.BAD_CLAIMS);
		}
		Instant deadline = null;
		Instant expires = null;
		Instant notBefore = null;
		try {
			deadline = numericDate(claims, "deadline");
			expires = numericDate(claims, "exp");
			notBefore = numericDate(claims, "nbf");
			numericDate(claims, "iat");
		}
		catch (IllegalArgumentException ex) {
			return Check.rejected(Rejection.BAD_CLAIMS);
		}
		if (expires != null && !now.isBefore(expires.plus(EXPIRY_LEEWAY))) {
			return Check.rejected(Rejection.EXPIRED);
		}
		if (notBefore != null && now.plus(NOT_BEFORE_SKEW).isBefore(notBefore)) {
			return Check.rejected(Rejection.NOT_YET_VALID);
		}
		return new Check(new RoomQTicket(token, room.textValue(), session.textValue(),
				(type != null) ? type.textValue() : null, deadline), null);
	}

	/**
	 * Reads a numeric date claim in epoch seconds, rounded down and clamped to the range
	 * of {@link Instant}.
	 * @throws IllegalArgumentException if the claim is present but not a number
	 */
	private static @Nullable Instant numericDate(JsonNode claims, String name) {
		JsonNode value = claims.get(name);
		if (value == null) {
			return null;
		}
		if (!value.isNumber()) {
			throw new IllegalArgumentException(name);
		}
		BigDecimal seconds = value.decimalValue();
		if (seconds.compareTo(BigDecimal.valueOf(Instant.MAX.getEpochSecond())) >= 0) {
			return Instant.MAX;
		}
		if (seconds.compareTo(BigDecimal.valueOf(Instant.MIN.getEpochSecond())) <= 0) {
			return Instant.MIN;
		}
		return Instant.ofEpochSecond(seconds.setScale(0, RoundingMode.FLOOR).longValueExact());
	}

	private static @Nullable JsonNode readObject(String segment) {
		if (segment.length() % 4 == 1) {
			return null;
		}
		try {
			byte[] bytes = DECODER.decode(segment);
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			JsonNode node = JSON.readTree(text);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (IllegalArgumentException | CharacterCodingException | JsonProcessingException ex) {
			return null;
		}
	}

	private static boolean isBase64Url(String value, int from, int to) {
		if (from >= to) {
			return false;
		}
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_';
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Why a value is not a usable ticket.
	 */
	enum Rejection {

		MISSING, MALFORMED, BAD_SIGNATURE, UNSUPPORTED_HEADER, WRONG_ROOM, BAD_CLAIMS, EXPIRED, NOT_YET_VALID

	}

	/**
	 * The outcome of a check: a ticket, or why there is none.
	 */
	record Check(@Nullable RoomQTicket ticket, @Nullable Rejection rejection) {

		static Check rejected(Rejection rejection) {
			return new Check(null, rejection);
		}

	}

}

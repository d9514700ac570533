package io.queuekeeper.core.enqueue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.queuekeeper.core.testing.EnqueueTokenText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.queuekeeper.core.testing.Vectors.CUSTOMER;
import static io.queuekeeper.core.testing.Vectors.EVENT;
import static io.queuekeeper.core.testing.Vectors.SECRET;
import static io.queuekeeper.core.testing.Vectors.TV19;
import static io.queuekeeper.core.testing.Vectors.TV19B;
import static io.queuekeeper.core.testing.Vectors.TV19_EXP;
import static io.queuekeeper.core.testing.Vectors.TV19_IP;
import static io.queuekeeper.core.testing.Vectors.TV19_ISS;
import static io.queuekeeper.core.testing.Vectors.TV19_PAYLOAD;
import static io.queuekeeper.core.testing.Vectors.TV19_TI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The QT1 format of spec §10.1: known answers TV-19 and TV-19b, escaping, round trips,
 * tampering and the checks of {@link EnqueueTokenCodec#verify}.
 */
class EnqueueTokenCodecTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Instant ISSUED = Instant.ofEpochMilli(TV19_ISS);

	private static final Instant EXPIRES = Instant.ofEpochMilli(TV19_EXP);

	private final EnqueueTokenCodec codec = new EnqueueTokenCodec(SECRET);

	private static EnqueueToken tv19() {
		Map<String, String> customData = Map.of("size", "medium");
		return new EnqueueToken(TV19_TI, CUSTOMER, EVENT, ISSUED, EXPIRES, TV19_IP, null,
				new EnqueueTokenPayload("XKDI42W", 0.4578, customData, null));
	}

	private static EnqueueToken tv19b() {
		return new EnqueueToken(TV19_TI, CUSTOMER, EVENT, ISSUED, null, null, null, null);
	}

	private static EnqueueToken withCustomData(String name, String value) {
		return new EnqueueToken(TV19_TI, CUSTOMER, EVENT, ISSUED, EXPIRES, null, null,
				new EnqueueTokenPayload("key", null, Map.of(name, value), null));
	}

	@Test
	void encodeWhenClaimsAreThoseOfTv19ThenMatchesTheKnownAnswer() {
		assertThat(this.codec.encode(tv19())).isEqualTo(TV19);
	}

	@Test
	void encodeWhenTokenHasNoExpiryIpOrPayloadThenMatchesTv19b() {
		assertThat(this.codec.encode(tv19b())).isEqualTo(TV19B);
	}

	@Test
	void encodeWhenPayloadIsSetThenItDecryptsToTheSpecPayloadJson() {
		assertThat(EnqueueTokenText.payload(this.codec.encode(tv19()), SECRET, TV19_TI)).isEqualTo(TV19_PAYLOAD);
	}

	@Test
	void decodeWhenTokenIsTv19ThenReturnsItsClaims() {
		EnqueueTokenVerification decoded = this.codec.decode(TV19);
		assertThat(decoded.valid()).isTrue();
		assertThat(decoded.token()).isEqualTo(tv19());
	}

	@Test
	void decodeWhenTokenIsTv19bThenHasNoPayloadAndNoExpiry() {
		EnqueueTokenVerification decoded = this.codec.decode(TV19B);
		assertThat(decoded.token()).isEqualTo(tv19b());
		assertThat(decoded.token().payload()).isNull();
		assertThat(decoded.token().expiresAt()).isNull();
	}

	@Test
	void encodeWhenForwardedForAndOriginAreSetThenTheyFollowIpAndCustomData() {
		EnqueueToken token = new EnqueueToken(TV19_TI, CUSTOMER, EVENT, ISSUED, EXPIRES, TV19_IP, "198.51.100.1",
				new EnqueueTokenPayload("k1", 1.0, Map.of("a", "b"), EnqueueTokenPayload.ORIGIN_INVITE_ONLY));
		String encoded = this.codec.encode(token);
		assertThat(EnqueueTokenText.header(encoded)).endsWith(",\"ip\":\"203.0.113.7\",\"xff\":\"198.51.100.1\"}");
		assertThat(EnqueueTokenText.payload(encoded, SECRET, TV19_TI))
			.isEqualTo("{\"r\":1.0,\"k\":\"k1\",\"cd\":{\"a\":\"b\"},\"O\":\"InviteOnly\"}");
		assertThat(this.codec.decode(encoded).token()).isEqualTo(token);
	}

	@Test
	void encodeWhenPayloadIsEmptyThenEncryptsAnEmptyObject() {
		EnqueueToken token = new EnqueueToken(TV19_TI, CUSTOMER, null, ISSUED, null, null, null,
				new EnqueueTokenPayload(null, null, Map.of(), null));
		String encoded = this.codec.encode(token);
		assertThat(EnqueueTokenText.payload(encoded, SECRET, TV19_TI)).isEqualTo("{}");
		assertThat(EnqueueTokenText.header(encoded)).doesNotContain("\"e\"");
		assertThat(this.codec.decode(encoded).token()).isEqualTo(token);
	}

	@ParameterizedTest
	@ValueSource(strings = { "say \"hi\"", "back\\slash", "\"", "\\", "\\\"", "line\nbreak\r\ttab",
			"\u0000\u001f\u007f", "caf\u00e9 \u00fc\u00df \u65e5\u672c", "emoji \ud83c\udf9f\ufe0f",
			"lone \ud800 surrogate", "\u2028\u2029", "</script>", "{\"k\":\"injected\"}" })
	void encodeWhenCustomDataHasSpecialCharactersThenPayloadIsValidJsonWithTheSameText(String value) throws Exception {
		String name = "n" + value;
		String encoded = this.codec.encode(withCustomData(name, value));
		String payload = EnqueueTokenText.payload(encoded, SECRET, TV19_TI);
		JsonNode json = JSON.readTree(payload);
		assertThat(json.get("k").textValue()).isEqualTo("key");
		assertThat(json.get("cd").size()).isEqualTo(1);
		assertThat(json.get("cd").get(name).textValue()).isEqualTo(value);
		assertThat(payload).isEqualTo(new String(payload.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
				java.nio.charset.StandardCharsets.US_ASCII));
		assertThat(this.codec.decode(encoded).token()).isEqualTo(withCustomData(name, value));
	}

	@Test
	void encodeWhenHeaderValuesHaveQuotesThenHeaderIsValidJsonWithTheSameText() throws Exception {
		EnqueueToken token = new EnqueueToken("ti\"x", "c\\y", "e\"},\"c\":\"other", ISSUED, EXPIRES, "1.2.3.4\"",
				"a, b\u00e9", null);
		String encoded = this.codec.encode(token);
		JsonNode header = JSON.readTree(EnqueueTokenText.header(encoded));
		assertThat(header.get("ti").textValue()).isEqualTo("ti\"x");
		assertThat(header.get("c").textValue()).isEqualTo("c\\y");
		assertThat(header.get("e").textValue()).isEqualTo("e\"},\"c\":\"other");
		assertThat(header.get("ip").textValue()).isEqualTo("1.2.3.4\"");
		assertThat(header.get("xff").textValue()).isEqualTo("a, b\u00e9");
		assertThat(this.codec.decode(encoded).token()).isEqualTo(token);
	}

	@Test
	void encodeWhenCustomDataHasSeveralEntriesThenKeepsTheirOrder() {
		Map<String, String> customData = new LinkedHashMap<>();
		customData.put("z", "1");
		customData.put("a", "2");
		customData.put("m", "3");
		EnqueueToken token = new EnqueueToken(TV19_TI, CUSTOMER, EVENT, ISSUED, EXPIRES, null, null,
				new EnqueueTokenPayload(null, null, customData, null));
		String encoded = this.codec.encode(token);
		assertThat(EnqueueTokenText.payload(encoded, SECRET, TV19_TI))
			.isEqualTo("{\"cd\":{\"z\":\"1\",\"a\":\"2\",\"m\":\"3\"}}");
	}

	@Test
	void encodeWhenRelativeQualityIsSmallThenWritesJavaDoubleText() {
		EnqueueToken token = new EnqueueToken(TV19_TI, CUSTOMER, EVENT, ISSUED, EXPIRES, null, null,
				new EnqueueTokenPayload(null, 1.0E-5, Map.of(), null));
		String encoded = this.codec.encode(token);
		assertThat(EnqueueTokenText.payload(encoded, SECRET, TV19_TI)).isEqualTo("{\"r\":1.0E-5}");
		assertThat(this.codec.decode(encoded).token()).isEqualTo(token);
	}

	@Test
	void decodeWhenAnyCharacterIsChangedThenRefusesTheToken() {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=";
		int checked = 0;
		for (int i = 0; i < TV19.length(); i++) {
			for (char replacement : new char[] { alphabet.charAt((alphabet.indexOf(TV19.charAt(i)) + 1) % 64),
					(char) (TV19.charAt(i) ^ 1) }) {
				if (replacement == TV19.charAt(i)) {
					continue;
				}
				String tampered = TV19.substring(0, i) + replacement + TV19.substring(i + 1);
				EnqueueTokenVerification result = this.codec.decode(tampered);
				assertThat(result.valid()).as("position %d -> %s", i, replacement).isFalse();
				assertThat(result.token()).isNull();
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(2 * TV19.length() - 10);
	}

	@Test
	void decodeWhenAnyDecodedByteIsFlippedThenRefusesTheToken() {
		String[] parts = TV19.split("\\.", -1);
		java.util.Base64.Decoder decoder = java.util.Base64.getUrlDecoder();
		java.util.Base64.Encoder encoder = java.util.Base64.getUrlEncoder().withoutPadding();
		int checked = 0;
		for (int part = 0; part < 3; part++) {
			byte[] bytes = decoder.decode(parts[part]);
			for (int i = 0; i < bytes.length; i++) {
				for (int bit = 0; bit < 8; bit++) {
					byte[] flipped = bytes.clone();
					flipped[i] ^= (byte) (1 << bit);
					String[] copy = parts.clone();
					copy[part] = encoder.encodeToString(flipped);
					assertThat(this.codec.decode(String.join(".", copy)).valid()).isFalse();
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(8 * 200);
	}

	@Test
	void decodeWhenSignedWithAnotherSecretThenSignatureError() {
		String other = new EnqueueTokenCodec(SECRET + "x").encode(tv19());
		assertThat(this.codec.decode(other).error()).isEqualTo(EnqueueTokenError.SIGNATURE);
	}

	@Test
	void decodeWhenSignatureHasPaddingOrDifferentCaseThenSignatureError() {
		assertThat(this.codec.decode(TV19 + "=").error()).isEqualTo(EnqueueTokenError.SIGNATURE);
		int dot = TV19.lastIndexOf('.');
		String upper = TV19.substring(0, dot) + TV19.substring(dot).toUpperCase(java.util.Locale.ROOT);
		assertThat(this.codec.decode(upper).error()).isEqualTo(EnqueueTokenError.SIGNATURE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ".", "..", "...", "a.b", "a.b.c.d", "header..", "\u00e9.\u00e9.\u00e9" })
	void decodeWhenStructureIsWrongThenRefusesWithoutClaims(String token) {
		EnqueueTokenVerification result = this.codec.decode(token);
		assertThat(result.valid()).isFalse();
		assertThat(result.token()).isNull();
		assertThat(result.error()).isIn(EnqueueTokenError.MALFORMED, EnqueueTokenError.SIGNATURE);
	}

	@Test
	void decodeWhenTokenIsNullOrTooLongThenMalformed() {
		assertThat(this.codec.decode(null).error()).isEqualTo(EnqueueTokenError.MALFORMED);
		String huge = "a".repeat(EnqueueTokenCodec.MAX_TOKEN_LENGTH) + "..x";
		assertThat(this.codec.decode(huge).error()).isEqualTo(EnqueueTokenError.MALFORMED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"typ\":\"QT2\",\"enc\":\"AES256\",\"iss\":1,\"ti\":\"t\",\"c\":\"c\"}",
			"{\"typ\":\"QT1\",\"enc\":\"none\",\"iss\":1,\"ti\":\"t\",\"c\":\"c\"}",
			"{\"typ\":\"QT1\",\"enc\":\"AES256\",\"ti\":\"t\",\"c\":\"c\"}",
			"{\"typ\":\"QT1\",\"enc\":\"AES256\",\"iss\":\"1\",\"ti\":\"t\",\"c\":\"c\"}",
			"{\"typ\":\"QT1\",\"enc\":\"AES256\",\"iss\":1.5,\"ti\":\"t\",\"c\":\"c\"}",
			"{\"typ\":\"QT1\",\"enc\":\"AES256\",\"iss\":99999999999999999999,\"ti\":\"t\",\"c\":\"c\"}",
			"{\"typ\":\"QT1\",\"enc\":\"AES256\",\"iss\":1,\"c\":\"c\"}",
			"{\"typ\":\"QT1\",\"enc\":\"AES256\",\"iss\":1,\"ti\":\"t\"}",
			"{\"typ\":\"QT1\",\"enc\":\"AES256\",\"iss\":1,\"ti\":\"t\",\"c\":\"c\",\"e\":7}",
			"{\"typ\":\"QT1\",\"enc\":\"AES256\",\"iss\":1,\"ti\":\"t\",\"c\":\"c\",\"c\":\"d\"}",
			"{\"typ\":\"QT1\",\"enc\":\"AES256\",\"iss\":1,\"ti\":\"t\",\"c\":\"c\"} {}", "[]", "null", "",
			"{\"typ\":\"QT1\"" })
	void decodeWhenSignedHeaderIsNotAValidQt1HeaderThenMalformed(String header) {
		String token = EnqueueTokenText.sign(header, "", SECRET, "t");
		assertThat(this.codec.decode(token).error()).isEqualTo(EnqueueTokenError.MALFORMED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"r\":\"high\"}", "{\"k\":1}", "{\"cd\":[]}", "{\"cd\":{\"a\":1}}", "{\"O\":true}",
			"[1]", "not json", "{\"k\":\"a\",\"k\":\"b\"}" })
	void decodeWhenSignedPayloadIsNotAValidPayloadThenMalformed(String payload) {
		String header = "{\"typ\":\"QT1\",\"enc\":\"AES256\",\"iss\":1,\"ti\":\"t\",\"c\":\"c\"}";
		String token = EnqueueTokenText.sign(header, payload, SECRET, "t");
		assertThat(this.codec.decode(token).error()).isEqualTo(EnqueueTokenError.MALFORMED);
	}

	@Test
	void decodeWhenPayloadIsEncryptedWithAnotherIdentifierThenMalformed() {
		String header = "{\"typ\":\"QT1\",\"enc\":\"AES256\",\"iss\":1,\"ti\":\"t\",\"c\":\"c\"}";
		String token = EnqueueTokenText.sign(header, "{\"k\":\"some longer key to span blocks\"}", SECRET, "u");
		EnqueueTokenVerification result = this.codec.decode(token);
		assertThat(result.valid()).isFalse();
		assertThat(result.token()).isNull();
	}

	@Test
	void decodeWhenSignedByTheSpecAlgorithmWithUnknownFieldsThenAcceptsAndIgnoresThem() {
		String header = "{\"typ\":\"QT1\",\"enc\":\"AES256\",\"iss\":5,\"ti\":\"t\",\"c\":\"c\",\"new\":[1]}";
		String token = EnqueueTokenText.sign(header, "{\"r\":2,\"k\":\"a\",\"x\":{}}", SECRET, "t");
		EnqueueTokenVerification result = this.codec.decode(token);
		assertThat(result.valid()).isTrue();
		assertThat(result.token().payload()).isEqualTo(new EnqueueTokenPayload("a", 2.0, Map.of(), null));
	}

	@Test
	void verifyWhenEverythingMatchesThenAccepts() {
		EnqueueTokenExpectation expected = EnqueueTokenExpectation.of(CUSTOMER, EVENT)
			.withKey("XKDI42W")
			.withIpAddress(TV19_IP);
		EnqueueTokenVerification result = this.codec.verify(TV19, expected, ISSUED);
		assertThat(result.valid()).isTrue();
		assertThat(result.error()).isNull();
	}

	@Test
	void verifyWhenAtExpiryThenAcceptsAndOneMillisecondLaterExpired() {
		EnqueueTokenExpectation expected = EnqueueTokenExpectation.of(CUSTOMER, EVENT);
		assertThat(this.codec.verify(TV19, expected, EXPIRES.minusSeconds(1)).valid()).isTrue();
		assertThat(this.codec.verify(TV19, expected, EXPIRES).valid()).isTrue();
		EnqueueTokenVerification late = this.codec.verify(TV19, expected, EXPIRES.plusMillis(1));
		assertThat(late.error()).isEqualTo(EnqueueTokenError.EXPIRED);
		assertThat(late.token()).isEqualTo(tv19());
		assertThat(this.codec.verify(TV19, expected, EXPIRES.plusSeconds(1)).error())
			.isEqualTo(EnqueueTokenError.EXPIRED);
	}

	@Test
	void verifyWhenTokenHasNoExpiryThenNeverExpires() {
		EnqueueTokenExpectation expected = EnqueueTokenExpectation.of(CUSTOMER, EVENT);
		assertThat(this.codec.verify(TV19B, expected, Instant.parse("2999-01-01T00:00:00Z")).valid()).isTrue();
	}

	@Test
	void verifyWhenIssuedBeyondClockSkewThenNotYetValid() {
		EnqueueTokenExpectation expected = EnqueueTokenExpectation.of(CUSTOMER, EVENT);
		Instant skewEdge = ISSUED.minus(EnqueueTokenCodec.CLOCK_SKEW);
		assertThat(this.codec.verify(TV19, expected, skewEdge).valid()).isTrue();
		assertThat(this.codec.verify(TV19, expected, skewEdge.minusMillis(1)).error())
			.isEqualTo(EnqueueTokenError.NOT_YET_VALID);
	}

	@Test
	void verifyWhenCustomerOrEventDiffersThenRefuses() {
		assertThat(this.codec.verify(TV19, EnqueueTokenExpectation.of("other", EVENT), ISSUED).error())
			.isEqualTo(EnqueueTokenError.CUSTOMER);
		assertThat(this.codec.verify(TV19, EnqueueTokenExpectation.of(CUSTOMER, "SummerSale"), ISSUED).error())
			.isEqualTo(EnqueueTokenError.EVENT);
		assertThat(this.codec.verify(TV19, EnqueueTokenExpectation.of(CUSTOMER, null), ISSUED).valid()).isTrue();
		EnqueueToken noEvent = new EnqueueToken(TV19_TI, CUSTOMER, null, ISSUED, EXPIRES, null, null, null);
		assertThat(this.codec.verify(this.codec.encode(noEvent), EnqueueTokenExpectation.of(CUSTOMER, EVENT), ISSUED)
			.error()).isEqualTo(EnqueueTokenError.EVENT);
	}

	@Test
	void verifyWhenKeyDiffersOrIsMissingThenKeyError() {
		EnqueueTokenExpectation base = EnqueueTokenExpectation.of(CUSTOMER, EVENT);
		assertThat(this.codec.verify(TV19, base.withKey("XKDI42w"), ISSUED).error()).isEqualTo(EnqueueTokenError.KEY);
		assertThat(this.codec.verify(TV19, base.withKey(""), ISSUED).error()).isEqualTo(EnqueueTokenError.KEY);
		assertThat(this.codec.verify(TV19B, base.withKey("XKDI42W"), ISSUED).error()).isEqualTo(EnqueueTokenError.KEY);
	}

	@Test
	void verifyWhenIpBindingDiffersThenIpError() {
		EnqueueTokenExpectation base = EnqueueTokenExpectation.of(CUSTOMER, EVENT);
		assertThat(this.codec.verify(TV19, base.withIpAddress("203.0.113.8"), ISSUED).error())
			.isEqualTo(EnqueueTokenError.IP_ADDRESS);
		assertThat(this.codec.verify(TV19, base.withIpAddress("203.0.113.70"), ISSUED).error())
			.isEqualTo(EnqueueTokenError.IP_ADDRESS);
		assertThat(this.codec.verify(TV19, base.withIpAddress(" 203.0.113.7"), ISSUED).error())
			.isEqualTo(EnqueueTokenError.IP_ADDRESS);
		assertThat(this.codec.verify(TV19, base, ISSUED).valid()).as("not checked without a client IP").isTrue();
		assertThat(this.codec.verify(TV19B, base.withIpAddress("198.51.100.1"), ISSUED).valid())
			.as("an unbound token fits any IP")
			.isTrue();
	}

	@Test
	void verifyWhenForwardedForBindingDiffersThenForwardedForError() {
		EnqueueToken bound = new EnqueueToken(TV19_TI, CUSTOMER, EVENT, ISSUED, EXPIRES, null, "198.51.100.1, 10.0.0.1",
				null);
		String token = this.codec.encode(bound);
		EnqueueTokenExpectation base = EnqueueTokenExpectation.of(CUSTOMER, EVENT);
		assertThat(this.codec.verify(token, base.withForwardedFor("198.51.100.1, 10.0.0.1"), ISSUED).valid()).isTrue();
		assertThat(this.codec.verify(token, base.withForwardedFor("198.51.100.1"), ISSUED).error())
			.isEqualTo(EnqueueTokenError.FORWARDED_FOR);
	}

	@Test
	void verifyWhenTokenIsMalformedThenReportsMalformedFirst() {
		assertThat(this.codec.verify("garbage", EnqueueTokenExpectation.of(CUSTOMER, EVENT), ISSUED).error())
			.isEqualTo(EnqueueTokenError.MALFORMED);
	}

	@Test
	void constructorWhenSecretIsEmptyThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EnqueueTokenCodec(""));
	}

	@Test
	void toStringWhenCalledThenHidesTheSecret() {
		assertThat(this.codec.toString()).doesNotContain(SECRET).contains("******");
	}

	@Test
	void payloadWhenRelativeQualityIsNotFiniteThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EnqueueTokenPayload(null, Double.NaN, Map.of(), null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EnqueueTokenPayload(null, Double.POSITIVE_INFINITY, Map.of(), null));
	}

	@Test
	void tokenWhenTimesHaveNanosecondsThenTruncatesToMilliseconds() {
		EnqueueToken token = new EnqueueToken("t", "c", null, Instant.ofEpochSecond(1, 123_456_789), null, null, null,
				null);
		assertThat(token.issuedAt()).isEqualTo(Instant.ofEpochMilli(1123));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EnqueueToken("t", "c", null, Instant.MAX, null, null, null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EnqueueToken("", "c", null, Instant.EPOCH, null, null, null, null));
	}

}

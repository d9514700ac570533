package io.queuekeeper.core.enqueue;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.queuekeeper.core.testing.EnqueueTokenText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static io.queuekeeper.core.testing.Vectors.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arbitrary claims round-trip through the codec, arbitrary text never makes it throw, and
 * no single-character change of a genuine token is accepted.
 */
class EnqueueTokenCodecPropertyTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String TOKEN_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

	private final EnqueueTokenCodec codec = new EnqueueTokenCodec(SECRET);

	@Property(tries = 500)
	void decodeWhenClaimsAreArbitraryThenReturnsTheSameClaims(@ForAll("tokens") EnqueueToken token) {
		String encoded = this.codec.encode(token);
		assertThat(encoded).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]{43}");
		EnqueueTokenVerification decoded = this.codec.decode(encoded);
		assertThat(decoded.error()).isNull();
		assertThat(decoded.token()).isEqualTo(token);
	}

	@Property(tries = 300)
	void encodeWhenTextIsArbitraryThenHeaderAndPayloadAreValidJsonWithTheSameText(@ForAll("text") String value,
			@ForAll("text") String name) throws Exception {
		EnqueueToken token = new EnqueueToken("ti", "c", value, Instant.EPOCH, null, value, null,
				new EnqueueTokenPayload(value, null, Map.of(name, value), value));
		String encoded = this.codec.encode(token);
		JsonNode header = JSON.readTree(EnqueueTokenText.header(encoded));
		assertThat(header.get("e").textValue()).isEqualTo(value);
		assertThat(header.get("ip").textValue()).isEqualTo(value);
		JsonNode payload = JSON.readTree(EnqueueTokenText.payload(encoded, SECRET, "ti"));
		assertThat(payload.get("k").textValue()).isEqualTo(value);
		assertThat(payload.get("cd").get(name).textValue()).isEqualTo(value);
		assertThat(payload.get("O").textValue()).isEqualTo(value);
	}

	@Property(tries = 1000)
	void verifyWhenTextIsArbitraryThenRefusesWithoutThrowing(@ForAll("garbage") String text) {
		EnqueueTokenVerification result = this.codec.verify(text, EnqueueTokenExpectation.of("c", "e"), Instant.EPOCH);
		assertThat(result.valid()).isFalse();
		assertThat(result.error()).isIn(EnqueueTokenError.MALFORMED, EnqueueTokenError.SIGNATURE);
	}

	@Property(tries = 300)
	void decodeWhenOneCharacterOfAGenuineTokenChangesThenRefuses(@ForAll("tokens") EnqueueToken token,
			@ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll("tokenCharacters") char replacement) {
		String encoded = this.codec.encode(token);
		int at = position % encoded.length();
		if (encoded.charAt(at) == replacement) {
			replacement = (replacement == 'A') ? 'B' : 'A';
		}
		String tampered = encoded.substring(0, at) + replacement + encoded.substring(at + 1);
		EnqueueTokenVerification result = this.codec.decode(tampered);
		assertThat(result.valid()).isFalse();
		assertThat(result.token()).isNull();
	}

	@Provide
	Arbitrary<EnqueueToken> tokens() {
		Arbitrary<String> text = text();
		Arbitrary<String> nonEmpty = text.filter((value) -> !value.isEmpty());
		Arbitrary<Instant> times = Arbitraries.longs().map(Instant::ofEpochMilli);
		Arbitrary<EnqueueTokenPayload> payloads = Combinators
			.combine(text.injectNull(0.3), Arbitraries.doubles().injectNull(0.3),
					Arbitraries.maps(text, text).ofMaxSize(4), text.injectNull(0.5))
			.as(EnqueueTokenPayload::new);
		return Combinators
			.combine(nonEmpty, nonEmpty, text.injectNull(0.2), times, times.injectNull(0.3), text.injectNull(0.5),
					text.injectNull(0.5), payloads.injectNull(0.3))
			.as(EnqueueToken::new);
	}

	@Provide
	Arbitrary<String> text() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
				Arbitraries.strings().withChars("\"\\/{}:,\u0000\n\u00e9\ud83c\udf9f\ud800ab").ofMaxLength(12),
				Arbitraries.strings().all().ofMaxLength(8));
	}

	@Provide
	Arbitrary<String> garbage() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
				Arbitraries.strings().withChars(TOKEN_CHARACTERS).ofMaxLength(200),
				Arbitraries.strings()
					.withChars(TOKEN_CHARACTERS.replace(".", ""))
					.ofMaxLength(60)
					.list()
					.ofSize(3)
					.map((parts) -> String.join(".", parts)));
	}

	@Provide
	Arbitrary<Character> tokenCharacters() {
		return Arbitraries.of(TOKEN_CHARACTERS.chars().mapToObj((c) -> (char) c).toList());
	}

}

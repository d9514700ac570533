package io.queuekeeper.core.token;

import java.nio.charset.StandardCharsets;

import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.internal.HmacSha256;
import io.queuekeeper.core.testing.Encoding;
import io.queuekeeper.core.testing.TestRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SessionCookies#store} writes values that form encoding leaves unchanged straight
 * into bytes; whatever the values, the cookie must be the one the general encoder writes,
 * and must read back as valid with the values stored.
 */
class SessionCookiesStorePropertyTests {

	private static final String SECRET = "secret-for-store-property-tests";

	private static final int VALIDITY_MINUTES = 20;

	/** Characters form encoding leaves as they are. */
	private static final String PLAIN = "aAzZ09-._*";

	/**
	 * Characters form encoding changes, beyond ASCII too ({@code \u212a} is the Kelvin
	 * sign, which lower-cases to an ASCII {@code k}).
	 */
	private static final String ENCODED = " ~%+&=ü\u212a/";

	private final SessionCookies cookies = new SessionCookies(new HmacSha256(SECRET));

	@Property(tries = 3000)
	void storeWhenAnyValuesThenSameAsEncodedValueAndReadsBack(@ForAll("values") String eventId,
			@ForAll("values") String queueId, @ForAll("fixedValidities") @Nullable String fixedValidity,
			@ForAll("values") String redirectType, @ForAll("issueTimes") long issued,
			@ForAll @IntRange(min = 0, max = 59) int secondsLater) {
		CookieInstruction stored = this.cookies.store(eventId, queueId, fixedValidity, redirectType, null, true, false,
				issued);
		String encoded = this.cookies.encodedValue(eventId, queueId, fixedValidity, redirectType, issued);
		boolean plain = isPlain(eventId) && isPlain(queueId) && (fixedValidity == null || isPlain(fixedValidity))
				&& isPlain(redirectType);
		Statistics.label("values").collect(plain ? "plain" : "encoded");
		assertThat(stored.value()).isEqualTo(encoded);
		assertThat(stored.name()).isEqualTo(SessionCookies.name(eventId));
		assertThat(stored.value()).isEqualTo(expectedValue(eventId, queueId, fixedValidity, redirectType, issued));

		TestRequest request = TestRequest.get("https://shop.example.com/drop")
			.cookie(SessionCookies.name(eventId), stored.value())
			.build();
		CookieState state = this.cookies.read(request, eventId, VALIDITY_MINUTES, true, issued + secondsLater);
		if (separatesFields(eventId, queueId, fixedValidity, redirectType)) {
			// '&' and '=' in a value split the decoded cookie into other fields: it
			// cannot be read back, and must then be rejected rather than misread.
			Statistics.label("read back").collect("not readable");
			assertThat(state).isEqualTo(CookieState.INVALID);
		}
		else {
			Statistics.label("read back").collect("readable");
			assertThat(state).isEqualTo(new CookieState(true, true, queueId, fixedValidity, redirectType));
		}
	}

	@Property(tries = 500)
	void storeWhenAnyNonNegativeIssueTimeThenSameAsEncodedValue(@ForAll("values") String queueId,
			@ForAll("values") String redirectType, @ForAll @IntRange(min = 0) long issued) {
		CookieInstruction stored = this.cookies.store("drop", queueId, null, redirectType, null, true, false,
				Long.MAX_VALUE - issued);
		assertThat(stored.value())
			.isEqualTo(this.cookies.encodedValue("drop", queueId, null, redirectType, Long.MAX_VALUE - issued));
	}

	@Property(tries = 3000)
	void isPlainWhenAnyAsciiRangeThenSameAsCheckingEachCharacter(@ForAll("asciiTexts") String text,
			@ForAll @IntRange(min = 0, max = 40) int from, @ForAll @IntRange(min = 0, max = 40) int length) {
		int start = Math.min(from, text.length());
		int end = Math.min(start + length, text.length());
		boolean expected = isPlain(text.substring(start, end));
		Statistics.label("range").collect((end - start < 8) ? "short" : "words", expected ? "plain" : "not plain");
		assertThat(SessionCookies.isPlain(text.getBytes(StandardCharsets.US_ASCII), start, end)).isEqualTo(expected);
	}

	/** Values of up to 40 characters that form encoding leaves as they are. */
	private static Arbitrary<String> plainValues() {
		return Arbitraries.strings()
			.withCharRange('a', 'z')
			.withCharRange('A', 'Z')
			.withCharRange('0', '9')
			.withChars("-._*")
			.ofMaxLength(40);
	}

	/** ASCII text, mostly plain, with any other ASCII character at times. */
	@Provide
	Arbitrary<String> asciiTexts() {
		Arbitrary<String> plain = plainValues();
		return Arbitraries.oneOf(plain, plain.map((value) -> value + "@"),
				Combinators.combine(plain, Arbitraries.chars().range((char) 0, (char) 127), plain)
					.as((before, c, after) -> before + c + after));
	}

	@Test
	void storeWhenValuesArePlainThenWritesThemUnencoded() {
		CookieInstruction stored = this.cookies.store("Drop-1", "q.1_*", "20", "queue", "", true, true, 1_782_907_200L);
		assertThat(stored.value())
			.startsWith("EventId%3DDrop-1%26QueueId%3Dq.1_*%26FixedValidityMins%3D20"
					+ "%26RedirectType%3Dqueue%26IssueTime%3D1782907200%26Hash%3D")
			.isEqualTo(this.cookies.encodedValue("Drop-1", "q.1_*", "20", "queue", 1_782_907_200L));
		assertThat(stored.domain()).isNull();
	}

	/**
	 * The cookie as the spec describes it: {@code EventId=..&QueueId=..
	 * [&FixedValidityMins=..]&RedirectType=..&IssueTime=..&Hash=..}, form-encoded, the
	 * hash over the concatenated values.
	 */
	private static String expectedValue(String eventId, String queueId, @Nullable String fixedValidity,
			String redirectType, long issued) {
		String fixed = (fixedValidity != null) ? fixedValidity : "";
		String hash = Encoding.hmacHex(SECRET, eventId + queueId + fixed + redirectType + issued);
		return Encoding.form("EventId=" + eventId + "&QueueId=" + queueId
				+ ((fixedValidity != null) ? "&FixedValidityMins=" + fixedValidity : "") + "&RedirectType="
				+ redirectType + "&IssueTime=" + issued + "&Hash=" + hash);
	}

	private static boolean separatesFields(String... values) {
		for (String value : values) {
			if (value != null && (value.indexOf('&') >= 0 || value.indexOf('=') >= 0)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isPlain(String value) {
		return value.chars().allMatch((c) -> PLAIN.indexOf(c) >= 0 || Character.isLetterOrDigit(c) && c < 0x80);
	}

	/**
	 * Plain values (most of them, as in production), values with characters that need
	 * encoding, and empty ones.
	 */
	@Provide
	Arbitrary<String> values() {
		Arbitrary<String> plain = plainValues();
		Arbitrary<String> mixed = Arbitraries.strings()
			.withChars((PLAIN + ENCODED).replace("&", "").replace("=", "").toCharArray())
			.ofMaxLength(20);
		Arbitrary<String> separating = Arbitraries.strings().withChars((PLAIN + ENCODED).toCharArray()).ofMaxLength(20);
		return Arbitraries.frequencyOf(Tuple.of(4, plain), Tuple.of(4, mixed), Tuple.of(1, separating),
				Tuple.of(1, Arbitraries.of("", "queue", "safetynet", "a b", "~", "%", "&", "=", "+", "ü", "\u212a")));
	}

	@Provide
	Arbitrary<@Nullable String> fixedValidities() {
		return Arbitraries
			.oneOf(Arbitraries.integers().between(1, 100_000).map(String::valueOf), Arbitraries.of("", " 5", "7 "))
			.injectNull(0.4);
	}

	@Provide
	Arbitrary<Long> issueTimes() {
		// Up to 18 digits, the longest issue time a cookie may carry.
		return Arbitraries.oneOf(Arbitraries.longs().between(0, 4_000_000_000L),
				Arbitraries.longs().between(0, 999_999_999_999_000_000L));
	}

}

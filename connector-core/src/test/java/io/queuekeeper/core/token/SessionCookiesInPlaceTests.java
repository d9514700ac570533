package io.queuekeeper.core.token;

import java.util.Locale;

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
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link SessionCookies#read} reads the values it writes in place, on the encoded text;
 * whatever the value, it must conclude exactly what decoding and parsing concludes.
 */
class SessionCookiesInPlaceTests {

	private static final long NOW = 1_782_907_200L;

	private static final String EVENT = "dropevent";

	private static final String SECRET = "secret-for-in-place-tests";

	private final HmacSha256 hmac = new HmacSha256(SECRET);

	private final SessionCookies cookies = new SessionCookies(this.hmac);

	@Property(tries = 5000)
	void readWhenAnyValueThenSameStateAsDecodingFirst(@ForAll("values") String raw, @ForAll boolean checkExpiry,
			@ForAll("events") String event) {
		TestRequest request = TestRequest.get("https://shop.example.com/")
			.cookie(SessionCookies.name(event), raw)
			.build();
		assertThat(this.cookies.read(request, event, 20, checkExpiry, NOW))
			.isEqualTo(this.cookies.readDecoding(raw, event, 20, checkExpiry, NOW));
	}

	@Property(tries = 5000)
	void reissueWhenAnyValidCookieThenSameAsStore(@ForAll("reissueCases") Tuple2<String, String> cookieAndEvent,
			@ForAll boolean keepFixedValidity, @ForAll boolean withDomain) {
		String raw = cookieAndEvent.get1();
		String event = cookieAndEvent.get2();
		TestRequest request = TestRequest.get("https://shop.example.com/")
			.cookie(SessionCookies.name(event), raw)
			.build();
		CookieState state = this.cookies.read(request, event, 20, true, NOW);
		Statistics.label("state").collect(!state.valid() ? "invalid" : (state.layout != null) ? "laid out" : "decoded");
		Statistics.label("fixed validity kept").collect(keepFixedValidity && state.fixedValidityMinutes() != null);
		if (!state.valid()) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> this.cookies.reissue(state, event, null, null, true, true, NOW));
			return;
		}
		String fixed = keepFixedValidity ? state.fixedValidityMinutes() : null;
		String domain = withDomain ? ".shop.example.com" : null;
		CookieInstruction reissued = this.cookies.reissue(state, event, fixed, domain, true, false, NOW + 1);
		assertThat(reissued).isEqualTo(
				this.cookies.store(event, state.queueId(), fixed, state.redirectType(), domain, true, false, NOW + 1));
	}

	@Test
	void reissueWhenStoredCookieWithoutFixedValidityThenRewritesOnlyIssueTimeAndHash() {
		CookieInstruction stored = this.cookies.store(EVENT, "q-1", null, "queue", null, true, true, NOW - 60);
		TestRequest request = TestRequest.get("https://shop.example.com/")
			.cookie(SessionCookies.name(EVENT), stored.value())
			.build();
		CookieState state = this.cookies.read(request, EVENT, 20, true, NOW);
		assertThat(state.layout).isNotNull();
		CookieInstruction reissued = this.cookies.reissue(state, EVENT, null, ".shop.example.com", true, true, NOW);
		String unchanged = stored.value().substring(0, stored.value().indexOf("IssueTime%3D"));
		assertThat(reissued.value()).startsWith(unchanged + "IssueTime%3D" + NOW + "%26Hash%3D")
			.isEqualTo(this.cookies.store(EVENT, "q-1", null, "queue", null, true, true, NOW).value());
		assertThat(reissued.domain()).isEqualTo(".shop.example.com");
	}

	@Test
	void readWhenStoredCookieThenValidInPlaceAndWhenDecoding() {
		CookieInstruction stored = this.cookies.store(EVENT, "q-1", null, "queue", null, true, true, NOW - 60);
		TestRequest request = TestRequest.get("https://shop.example.com/")
			.cookie(SessionCookies.name("DropEvent"), stored.value())
			.build();
		CookieState state = this.cookies.read(request, "DropEvent", 20, true, NOW);
		assertThat(state).isEqualTo(new CookieState(true, true, "q-1", null, "queue"));
		assertThat(this.cookies.readDecoding(stored.value(), "DropEvent", 20, true, NOW)).isEqualTo(state);
	}

	/**
	 * Genuine cookies (with queue ids that are ASCII, Latin-1 beyond ASCII, beyond
	 * Latin-1, or hold a {@code ?}, which UTF-8 encoding also writes for an unpaired
	 * surrogate), then the same with one field changed, the separators encoded
	 * differently, or arbitrary text spliced in.
	 */
	@Provide
	Arbitrary<String> values() {
		Arbitrary<String> genuine = Combinators
			.combine(Arbitraries.of("q-1", "7f3c2a1e-9b8d", "", "a b", "ü", "?", "\u0100", "\u212a"),
					Arbitraries.of("20", " 5 ", "x", ""), Arbitraries.of(true, false),
					Arbitraries.longs().between(NOW - 3000, NOW + 10))
			.as((queueId, fixed, withFixed, issued) -> this.cookies
				.store(EVENT, queueId, withFixed ? fixed : null, "queue", null, true, true, issued)
				.value());
		Arbitrary<String> noise = Arbitraries.strings()
			.withChars("%3D26dA=&+?Hash EventIdQueueIqueue0123456789abcdefüÿ\u212a\u0100\ud800".toCharArray())
			.ofMaxLength(12);
		return Combinators
			.combine(genuine, noise, Arbitraries.integers().between(0, 400), Arbitraries.integers().between(0, 4))
			.as((value, text, position, how) -> {
				int at = Math.min(position, value.length());
				return switch (how) {
					case 0 -> value;
					case 1 -> value.substring(0, at) + text + value.substring(at);
					case 2 -> value.replace("%3D", "%3d");
					case 3 -> value.replace("%26", "&").replace("%3D", "=");
					default -> value.substring(0, at) + text;
				};
			});
	}

	/**
	 * A cookie and the event it is read for: stored by the engine, with or without fixed
	 * validity, or signed as another connector might write it, with values that form
	 * decoding leaves as they are but form encoding would change, which the engine never
	 * writes unencoded; the event named in the cookie's letter case or another; and
	 * sometimes the cookie tampered with.
	 */
	@Provide
	Arbitrary<Tuple2<String, String>> reissueCases() {
		Arbitrary<String> field = Arbitraries.oneOf(
				Arbitraries.strings().withChars("q-1._*AZ".toCharArray()).ofMaxLength(8),
				Arbitraries.strings().withChars("q-1._*~!'()ü?AZ".toCharArray()).ofMaxLength(8));
		Arbitrary<String> issued = Arbitraries.longs().between(NOW - 1100, NOW).map(String::valueOf);
		Arbitrary<Tuple2<String, String>> cases = Combinators
			.combine(events(), Arbitraries.of(true, false), field, field, Arbitraries.of(null, "20", "", " 30"), issued,
					Arbitraries.of(true, false))
			.as((event, sameCase, queueId, redirectType, fixed, issueTime, stored) -> {
				String cookieEvent = sameCase ? event : event.toUpperCase(Locale.ROOT);
				if (stored) {
					return Tuple.of(this.cookies
						.store(cookieEvent, queueId, fixed, redirectType, null, true, true, Long.parseLong(issueTime))
						.value(), event);
				}
				String fixedField = (fixed != null) ? "%26FixedValidityMins%3D" + fixed : "";
				return Tuple.of("EventId%3D" + cookieEvent + "%26QueueId%3D" + queueId + fixedField
						+ "%26RedirectType%3D" + redirectType + "%26IssueTime%3D" + issueTime + "%26Hash%3D"
						+ Encoding.hmacHex(SECRET,
								cookieEvent + queueId + ((fixed != null) ? fixed : "") + redirectType + issueTime),
						event);
			});
		Arbitrary<Tuple2<String, String>> others = Combinators.combine(values(), events()).as(Tuple::of);
		return Arbitraries.frequencyOf(Tuple.of(9, cases), Tuple.of(1, others));
	}

	@Provide
	Arbitrary<String> events() {
		return Arbitraries.of(EVENT, "DROPEVENT", "DropEvent", "drop~event", "dropevent2", "dropevenK",
				"dropevent\u212a");
	}

}

package io.queuekeeper.core.token;

import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.internal.HmacSha256;
import io.queuekeeper.core.testing.TestRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SessionCookies#read} reads the values it writes in place, on the encoded text;
 * whatever the value, it must conclude exactly what decoding and parsing concludes.
 */
class SessionCookiesInPlaceTests {

	private static final long NOW = 1_782_907_200L;

	private static final String EVENT = "dropevent";

	private final HmacSha256 hmac = new HmacSha256("secret-for-in-place-tests");

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

	@Provide
	Arbitrary<String> events() {
		return Arbitraries.of(EVENT, "DROPEVENT", "dropevent2", "dropevenK", "dropevent\u212a");
	}

}

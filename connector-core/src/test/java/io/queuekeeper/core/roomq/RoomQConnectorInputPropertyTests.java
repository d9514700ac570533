package io.queuekeeper.core.roomq;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.ResultType;
import io.queuekeeper.core.http.ResponseHeader;
import io.queuekeeper.core.testing.TestRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static io.queuekeeper.core.roomq.RoomQFixtures.COOKIE;
import static io.queuekeeper.core.roomq.RoomQFixtures.ISSUER;
import static io.queuekeeper.core.roomq.RoomQFixtures.NOW;
import static io.queuekeeper.core.roomq.RoomQFixtures.SECRET;
import static io.queuekeeper.core.roomq.RoomQFixtures.STANDARD_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds arbitrary {@code noq_t} values and cookies through {@link RoomQConnector}: every
 * call returns a well-formed decision and never throws, nothing without a valid signature
 * admits a visitor, and no {@code noq_t} displaces a cookie that admits.
 */
class RoomQConnectorInputPropertyTests {

	private static final String PAGE = "https://shop.example.com/event/42?lang=en";

	private static final String SERVING = RoomQFixtures.ticket("serving", NOW + 600);

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private final RoomQConnector connector = RoomQFixtures.connector();

	@Property(tries = 1500)
	void queueWhenTicketAndCookieAreForgedThenNeverAdmitsAndMintsAValidTicket(@ForAll("forged") String noqT,
			@ForAll("forged") String cookie, @ForAll boolean encoded, @ForAll boolean withCookie) {
		TestRequest.Builder request = TestRequest.get(PAGE + "&noq_t=" + (encoded ? encode(noqT) : noqT));
		if (withCookie) {
			request.cookie(COOKIE, cookie);
		}
		Decision decision = this.connector.queue(request.build());
		assertWellFormed(decision);
		assertThat(decision).isInstanceOf(Decision.Redirect.class);
		assertThat(((Decision.Redirect) decision).location()).startsWith(ISSUER + "?noq_t=");
		assertThat(decision.result().doRedirect()).isTrue();
		String written = decision.cookies().get(0).value();
		assertThat(this.connector.tickets().verify(written))
			.hasValueSatisfying((ticket) -> assertThat(ticket.type()).isEqualTo("self-sign"));
	}

	@Property(tries = 1000)
	void queueWhenCookieAdmitsThenAnyNoqTKeepsTheCookie(@ForAll("anyTicket") String noqT) {
		Decision decision = this.connector
			.queue(TestRequest.get(PAGE + "&noq_t=" + encode(noqT) + "&x=1").cookie(COOKIE, SERVING).build());
		assertWellFormed(decision);
		assertThat(decision.result().doRedirect()).isFalse();
		assertThat(decision.cookies().get(0).value()).isEqualTo(SERVING);
		assertThat(((Decision.Redirect) decision).location()).isEqualTo(PAGE + "&x=1");
	}

	@Property(tries = 1000)
	void leaveWhenInputIsArbitraryThenNeverThrowsAndWritesAValidSelfSignTicket(@ForAll("anyTicket") String noqT,
			@ForAll("anyTicket") String cookie) {
		Decision decision = this.connector
			.leave(TestRequest.get(PAGE + "&noq_t=" + encode(noqT)).cookie(COOKIE, cookie).build());
		assertWellFormed(decision);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.CANCEL);
		assertThat(this.connector.tickets().verify(decision.cookies().get(0).value()))
			.hasValueSatisfying((ticket) -> assertThat(ticket.type()).isEqualTo("self-sign"));
	}

	@Provide
	Arbitrary<String> anyTicket() {
		return Arbitraries.oneOf(forged(), Arbitraries.of(SERVING, RoomQFixtures.E1, RoomQFixtures.E4,
				RoomQFixtures.ticket("queue", null), RoomQFixtures.ticket("bot", NOW - 1)));
	}

	@Provide
	Arbitrary<String> forged() {
		Arbitrary<String> text = Arbitraries.strings().ofMaxLength(300);
		Arbitrary<String> segments = Arbitraries.strings().withChars(ALPHABET + "..=").ofMaxLength(300);
		Arbitrary<String> mutated = Combinators
			.combine(Arbitraries.integers().between(0, SERVING.length() - 1), Arbitraries.of(ALPHABET.toCharArray()))
			.as((index, c) -> {
				char replacement = (SERVING.charAt(index) == c) ? ((c == 'A') ? 'B' : 'A') : c;
				return SERVING.substring(0, index) + replacement + SERVING.substring(index + 1);
			});
		Arbitrary<String> claims = Combinators
			.combine(Arbitraries.of("serving", "stopped", "bot", "queue", "x"),
					Arbitraries.of("demo-room", "other-room"), Arbitraries.longs().between(NOW - 10, NOW + 10_000))
			.as((type, room, deadline) -> "{\"room_id\":\"" + room + "\",\"session_id\":\"s\",\"type\":\"" + type
					+ "\",\"deadline\":" + deadline + "}");
		Arbitrary<String> wrongKey = claims.map((payload) -> RoomQFixtures.sign(STANDARD_HEADER, payload, "wrong"));
		Arbitrary<String> algNone = claims
			.map((payload) -> RoomQFixtures.b64("{\"alg\":\"none\"}") + "." + RoomQFixtures.b64(payload) + ".");
		Arbitrary<String> otherRoom = Arbitraries.of(RoomQFixtures.sign(STANDARD_HEADER,
				"{\"room_id\":\"other-room\",\"session_id\":\"s\",\"type\":\"serving\"}", SECRET));
		return Arbitraries.oneOf(text, segments, mutated, wrongKey, algNone, otherRoom);
	}

	private static void assertWellFormed(Decision decision) {
		assertThat(decision.cookies()).hasSize(1);
		assertThat(decision.cookies().get(0).path()).isEqualTo("/");
		if (decision instanceof Decision.Redirect redirect) {
			assertThat(redirect.headers()).first().isEqualTo(new ResponseHeader("Location", redirect.location()));
			assertThat(redirect.headers()).extracting(ResponseHeader::name)
				.containsExactly("Location", "Cache-Control", "Pragma", "Expires");
			assertThat(redirect.location()).doesNotContain("\r", "\n");
		}
		else {
			assertThat(decision).isInstanceOf(Decision.Proceed.class);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

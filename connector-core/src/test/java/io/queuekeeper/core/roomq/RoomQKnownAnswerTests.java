package io.queuekeeper.core.roomq;

import java.time.Duration;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.ResultType;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.http.ResponseHeader;
import io.queuekeeper.core.testing.TestRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.queuekeeper.core.roomq.RoomQFixtures.COOKIE;
import static io.queuekeeper.core.roomq.RoomQFixtures.E1;
import static io.queuekeeper.core.roomq.RoomQFixtures.E1_NODE;
import static io.queuekeeper.core.roomq.RoomQFixtures.E1_PHP;
import static io.queuekeeper.core.roomq.RoomQFixtures.E4;
import static io.queuekeeper.core.roomq.RoomQFixtures.ISSUER;
import static io.queuekeeper.core.roomq.RoomQFixtures.NOW;
import static io.queuekeeper.core.roomq.RoomQFixtures.SESSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked examples of the RoomQ spec (§8, E1 to E6), byte for byte.
 */
class RoomQKnownAnswerTests {

	private static final String E2_URL = "https://shop.example.com/event/42?lang=en&noq_t=STALE&utm=a b";

	private static final String E3_LOCATION = ISSUER + "?noq_t=" + E1
			+ "&noq_c=demo-room&noq_r=https%3A%2F%2Fshop.example.com%2Fevent%2F42%3Flang%3Den%26utm%3Da+b";

	private final RoomQConnector connector = RoomQFixtures.connector();

	@Test
	void mintWhenExampleSessionThenEqualsTheE1Token() {
		assertThat(this.connector.tickets().mint(SESSION)).isEqualTo(E1);
	}

	@Test
	void mintWhenExampleClaimsThenIndependentSignerAgreesWithE1AndE4() {
		assertThat(RoomQFixtures.ticket("self-sign", null)).isEqualTo(E1);
		assertThat(RoomQFixtures.ticket("serving", 1700003600L)).isEqualTo(E4);
	}

	@Test
	void verifyWhenE1InEveryHeaderStyleThenSelfSignTicket() {
		for (String token : new String[] { E1, E1_PHP, E1_NODE }) {
			assertThat(this.connector.tickets().verify(token)).hasValueSatisfying((ticket) -> {
				assertThat(ticket.type()).isEqualTo("self-sign");
				assertThat(ticket.sessionId()).isEqualTo(SESSION);
				assertThat(ticket.roomId()).isEqualTo("demo-room");
				assertThat(ticket.deadline()).isNull();
			});
		}
	}

	@Test
	void verifyWhenE4ThenServingTicketWithDeadline() {
		assertThat(this.connector.tickets().verify(E4)).hasValueSatisfying((ticket) -> {
			assertThat(ticket.type()).isEqualTo("serving");
			assertThat(ticket.deadline()).hasToString("2023-11-14T23:13:20Z");
			assertThat(ticket.deadline().getEpochSecond()).isEqualTo(1700003600L);
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = {
					"https://shop.example.com/event/42?lang=en&noq_t=STALE&utm=a b"
							+ "|https://shop.example.com/event/42?lang=en&utm=a b",
					"https://s.example/p?noq_t=X|https://s.example/p",
					"https://s.example/p?noq_t=X&a=1|https://s.example/p?a=1",
					"https://s.example/p?a=1&noq_t=X&b=2|https://s.example/p?a=1&b=2",
					"https://s.example/p?a=1&NOQ_T=X&noq_t=Y|https://s.example/p?a=1" })
	void withoutTicketWhenE2UrlsThenTicketParametersAreRemoved(String url, String cleaned) {
		assertThat(TicketUrls.withoutTicket(url)).isEqualTo(cleaned);
	}

	@Test
	void withoutTicketWhenNameOnlyEndsInNoqTThenKeptUnlikeTheSdks() {
		// The SDKs turn this into ?x&a=2 (spec B5); only whole names are tickets here.
		assertThat(TicketUrls.withoutTicket("https://s.example/p?xnoq_t=1&a=2"))
			.isEqualTo("https://s.example/p?xnoq_t=1&a=2");
		assertThat(TicketUrls.withoutTicket("https://s.example/noq_t=1/p?a=2"))
			.isEqualTo("https://s.example/noq_t=1/p?a=2");
	}

	@Test
	void queueWhenFirstVisitToE2UrlThenE3RedirectWithNoCacheHeadersAndCookie() {
		Decision decision = this.connector.queue(TestRequest.get(E2_URL).build(), SESSION, null);
		assertThat(decision).isInstanceOf(Decision.Redirect.class);
		Decision.Redirect redirect = (Decision.Redirect) decision;
		assertThat(redirect.location()).isEqualTo(E3_LOCATION);
		assertThat(redirect.headers()).containsExactly(new ResponseHeader("Location", E3_LOCATION),
				new ResponseHeader("Cache-Control", "no-cache, no-store, must-revalidate, max-age=0"),
				new ResponseHeader("Pragma", "no-cache"),
				new ResponseHeader("Expires", "Fri, 01 Jan 1990 00:00:00 GMT"));
		assertThat(redirect.cookies())
			.containsExactly(new CookieInstruction(COOKIE, E1, Duration.ofHours(12), null, "/", true, true));
		assertThat(redirect.result().actionType()).isEqualTo(ResultType.QUEUE);
		assertThat(redirect.result().redirectUrl()).isEqualTo(E3_LOCATION);
		assertThat(redirect.result().queueId()).isNull();
	}

	@Test
	void queueWhenE4BeforeDeadlineThenEnters() {
		Decision decision = this.connector.queue(request(E4));
		assertThat(decision).isInstanceOf(Decision.Proceed.class);
		assertThat(decision.result().redirectType()).isEqualTo("serving");
		assertThat(decision.result().queueId()).isEqualTo(SESSION);
		assertThat(decision.cookies()).extracting(CookieInstruction::value).containsExactly(E4);
	}

	@Test
	void queueWhenE4AtDeadlineThenStillEnters() {
		assertThat(RoomQFixtures.connector(1700003600L).queue(request(E4))).isInstanceOf(Decision.Proceed.class);
	}

	@Test
	void queueWhenE4OneSecondPastDeadlineThenResubmitsTheSameTicket() {
		Decision decision = RoomQFixtures.connector(1700003601L).queue(request(E4));
		assertThat(decision).isInstanceOf(Decision.Redirect.class);
		assertThat(((Decision.Redirect) decision).location()).startsWith(ISSUER + "?noq_t=" + E4 + "&noq_c=demo-room&");
		assertThat(decision.cookies()).extracting(CookieInstruction::value).containsExactly(E4);
	}

	@Test
	void queueWhenSessionIdDiffersThenNewSelfSignTicketForThatSession() {
		Decision decision = this.connector.queue(request(E4), "user-77", null);
		String expected = RoomQFixtures.sign(RoomQFixtures.STANDARD_HEADER,
				"{\"room_id\":\"demo-room\",\"session_id\":\"user-77\",\"type\":\"self-sign\"}", RoomQFixtures.SECRET);
		assertThat(decision).isInstanceOf(Decision.Redirect.class);
		assertThat(((Decision.Redirect) decision).location()).startsWith(ISSUER + "?noq_t=" + expected + "&");
		assertThat(decision.cookies()).extracting(CookieInstruction::value).containsExactly(expected);
	}

	@Test
	void queueWhenE4SignedWithAnotherSecretThenNewSelfSignTicket() {
		RoomQConnector other = new RoomQConnector(
				RoomQSettings.of("demo-room", "another-secret", ISSUER).withClock(RoomQFixtures.clockAt(NOW)));
		Decision decision = other.queue(request(E4));
		assertThat(decision).isInstanceOf(Decision.Redirect.class);
		String token = decision.cookies().get(0).value();
		assertThat(token).isNotEqualTo(E4);
		assertThat(other.tickets().verify(token)).hasValueSatisfying((ticket) -> {
			assertThat(ticket.type()).isEqualTo("self-sign");
			assertThat(ticket.sessionId()).isNotEqualTo(SESSION);
		});
		assertThat(((Decision.Redirect) decision).location()).startsWith(ISSUER + "?noq_t=" + token + "&");
	}

	@Test
	void queueWhenE1ThenResubmitsTheSameTicket() {
		Decision decision = this.connector.queue(request(E1));
		assertThat(((Decision.Redirect) decision).location()).startsWith(ISSUER + "?noq_t=" + E1 + "&");
		assertThat(decision.result().redirectType()).isEqualTo("self-sign");
	}

	@Test
	void queueWhenQueueTicketThenResubmitsTheSameTicket() {
		String queue = RoomQFixtures.ticket("queue", null);
		Decision decision = this.connector.queue(request(queue));
		assertThat(((Decision.Redirect) decision).location()).startsWith(ISSUER + "?noq_t=" + queue + "&");
	}

	@Test
	void queueWhenStoppedTicketWithoutDeadlineThenEnters() {
		Decision decision = this.connector.queue(request(RoomQFixtures.ticket("stopped", null)));
		assertThat(decision).isInstanceOf(Decision.Proceed.class);
		assertThat(decision.result().redirectType()).isEqualTo("stopped");
	}

	@Test
	void queueWhenReturnFromQueueWithE4ThenCookieIsSetAndTicketIsStrippedE6() {
		Decision decision = this.connector
			.queue(TestRequest.get("https://shop.example.com/event/42?lang=en&noq_t=" + E4).build());
		assertThat(decision).isInstanceOf(Decision.Redirect.class);
		assertThat(((Decision.Redirect) decision).location()).isEqualTo("https://shop.example.com/event/42?lang=en");
		assertThat(decision.result().redirectUrl()).isNull();
		assertThat(decision.cookies()).extracting(CookieInstruction::value).containsExactly(E4);
		Decision next = this.connector.queue(request(decision.cookies().get(0).value()));
		assertThat(next).isInstanceOf(Decision.Proceed.class);
	}

	private static TestRequest request(String cookie) {
		return TestRequest.get("https://shop.example.com/event/42").cookie(COOKIE, cookie).build();
	}

}

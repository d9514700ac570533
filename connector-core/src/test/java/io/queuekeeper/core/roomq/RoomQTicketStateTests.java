package io.queuekeeper.core.roomq;

import java.time.Duration;
import java.util.Set;

import io.queuekeeper.core.ConnectorConfigurationException;
import io.queuekeeper.core.Decision;
import io.queuekeeper.core.ResultType;
import io.queuekeeper.core.WaitingRoomProvider;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.testing.TestRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.queuekeeper.core.roomq.RoomQFixtures.COOKIE;
import static io.queuekeeper.core.roomq.RoomQFixtures.E1;
import static io.queuekeeper.core.roomq.RoomQFixtures.ISSUER;
import static io.queuekeeper.core.roomq.RoomQFixtures.NOW;
import static io.queuekeeper.core.roomq.RoomQFixtures.SECRET;
import static io.queuekeeper.core.roomq.RoomQFixtures.SESSION;
import static io.queuekeeper.core.roomq.RoomQFixtures.STANDARD_HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every ticket state through {@link RoomQConnector}: where each ticket sends the visitor,
 * which ticket the cookie keeps, and how the query ticket and the cookie interact.
 */
class RoomQTicketStateTests {

	private static final String PAGE = "https://shop.example.com/event/42";

	private final RoomQConnector connector = RoomQFixtures.connector();

	@Test
	void queueWhenNoTicketThenMintsSelfSignTicketAndQueues() {
		Decision decision = this.connector.queue(TestRequest.get(PAGE).build());
		String token = decision.cookies().get(0).value();
		assertThat(decision).isInstanceOf(Decision.Redirect.class);
		assertThat(this.connector.tickets().verify(token)).hasValueSatisfying((ticket) -> {
			assertThat(ticket.type()).isEqualTo("self-sign");
			assertThat(ticket.sessionId()).matches("[0-9a-f-]{36}");
		});
		assertThat(decision.result().queueId()).isNull();
		assertThat(decision.result().redirectType()).isNull();
		assertThat(decision.result().eventId()).isEqualTo("demo-room");
		assertThat(decision.result().ajax()).isFalse();
	}

	@Test
	void queueWhenTwoVisitorsWithoutTicketThenDifferentSessions() {
		String first = this.connector.queue(TestRequest.get(PAGE).build()).cookies().get(0).value();
		String second = this.connector.queue(TestRequest.get(PAGE).build()).cookies().get(0).value();
		assertThat(first).isNotEqualTo(second);
	}

	@ParameterizedTest
	@ValueSource(strings = { "serving", "stopped", "bot" })
	void queueWhenAdmittedTypeWithFutureDeadlineThenEnters(String type) {
		String token = RoomQFixtures.ticket(type, NOW + 60);
		Decision decision = this.connector.queue(cookie(token));
		assertThat(decision).isInstanceOf(Decision.Proceed.class);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.QUEUE);
		assertThat(decision.result().redirectType()).isEqualTo(type);
		assertThat(decision.result().doRedirect()).isFalse();
		assertThat(decision.headers()).isEmpty();
		assertThat(decision.cookies()).extracting(CookieInstruction::value).containsExactly(token);
	}

	@ParameterizedTest
	@ValueSource(strings = { "serving", "stopped", "bot" })
	void queueWhenAdmittedTypePastDeadlineThenQueuesWithSameTicket(String type) {
		String token = RoomQFixtures.ticket(type, NOW - 1);
		Decision decision = this.connector.queue(cookie(token));
		assertThat(location(decision)).startsWith(ISSUER + "?noq_t=" + token + "&");
		assertThat(decision.result().queueId()).isEqualTo(SESSION);
	}

	@ParameterizedTest
	@ValueSource(strings = { "queue", "self-sign", "unknown", "SERVING", "Serving", "" })
	void queueWhenTicketTypeDoesNotAdmitThenQueuesWithSameTicket(String type) {
		String token = RoomQFixtures.ticket(type, NOW + 600);
		Decision decision = this.connector.queue(cookie(token));
		assertThat(location(decision)).startsWith(ISSUER + "?noq_t=" + token + "&");
		assertThat(decision.cookies()).extracting(CookieInstruction::value).containsExactly(token);
	}

	@Test
	void queueWhenTicketHasNoTypeThenQueuesWithSameTicket() {
		String token = RoomQFixtures.sign(STANDARD_HEADER,
				"{\"room_id\":\"demo-room\",\"session_id\":\"" + SESSION + "\",\"deadline\":" + (NOW + 60) + "}",
				SECRET);
		Decision decision = this.connector.queue(cookie(token));
		assertThat(location(decision)).startsWith(ISSUER + "?noq_t=" + token + "&");
		assertThat(decision.result().redirectType()).isNull();
	}

	@Test
	void queueWhenServingTicketForAnotherRoomThenNewTicketAndQueue() {
		String token = RoomQFixtures.sign(STANDARD_HEADER,
				"{\"room_id\":\"other-room\",\"session_id\":\"s\",\"type\":\"serving\"}", SECRET);
		Decision decision = this.connector.queue(cookie(token));
		assertThat(decision).isInstanceOf(Decision.Redirect.class);
		assertThat(decision.cookies().get(0).value()).isNotEqualTo(token);
		assertThat(decision.result().queueId()).isNull();
	}

	@Test
	void queueWhenServingTicketWithoutRoomThenNewTicketAndQueue() {
		String token = RoomQFixtures.sign(STANDARD_HEADER, "{\"session_id\":\"s\",\"type\":\"serving\"}", SECRET);
		assertThat(this.connector.queue(cookie(token)).cookies().get(0).value()).isNotEqualTo(token);
	}

	@Test
	void queueWhenServingTicketPastExpThenNewTicketAndQueue() {
		String token = RoomQFixtures.sign(STANDARD_HEADER,
				"{\"room_id\":\"demo-room\",\"session_id\":\"s\",\"type\":\"serving\",\"exp\":" + NOW + "}", SECRET);
		Decision decision = this.connector.queue(cookie(token));
		assertThat(decision).isInstanceOf(Decision.Redirect.class);
		assertThat(decision.cookies().get(0).value()).isNotEqualTo(token);
	}

	@Test
	void queueWhenServingTicketBeforeExpThenEnters() {
		String token = RoomQFixtures.sign(STANDARD_HEADER, "{\"room_id\":\"demo-room\",\"session_id\":\"s\","
				+ "\"type\":\"serving\",\"exp\":" + (NOW + 1) + ",\"iat\":" + (NOW - 10) + "}", SECRET);
		assertThat(this.connector.queue(cookie(token))).isInstanceOf(Decision.Proceed.class);
	}

	@Test
	void queueWhenNotBeforeIsWithinSkewThenEntersAndBeyondThenQueues() {
		long skew = RoomQTickets.NOT_BEFORE_SKEW.getSeconds();
		String within = RoomQFixtures.sign(STANDARD_HEADER, "{\"room_id\":\"demo-room\",\"session_id\":\"s\","
				+ "\"type\":\"serving\",\"nbf\":" + (NOW + skew) + "}", SECRET);
		String beyond = RoomQFixtures.sign(STANDARD_HEADER, "{\"room_id\":\"demo-room\",\"session_id\":\"s\","
				+ "\"type\":\"serving\",\"nbf\":" + (NOW + skew + 1) + "}", SECRET);
		assertThat(this.connector.queue(cookie(within))).isInstanceOf(Decision.Proceed.class);
		assertThat(this.connector.queue(cookie(beyond))).isInstanceOf(Decision.Redirect.class);
	}

	@Test
	void queueWhenSessionIdMatchesThenEnters() {
		String token = RoomQFixtures.ticket("serving", NOW + 60);
		assertThat(this.connector.queue(cookie(token), SESSION, null)).isInstanceOf(Decision.Proceed.class);
	}

	@Test
	void queueWhenReturnUrlGivenThenItIsTheCleanedReturnTarget() {
		Decision decision = this.connector.queue(TestRequest.request("POST", PAGE).build(), SESSION,
				"https://shop.example.com/cart?noq_t=old&step=2");
		assertThat(location(decision)).endsWith("&noq_r=https%3A%2F%2Fshop.example.com%2Fcart%3Fstep%3D2");
	}

	@Test
	void queueWhenGarbageNoqTAndAdmittingCookieThenCookieIsKept() {
		String serving = RoomQFixtures.ticket("serving", NOW + 60);
		Decision decision = this.connector
			.queue(TestRequest.get(PAGE + "?a=1&noq_t=garbage").cookie(COOKIE, serving).build());
		assertThat(location(decision)).isEqualTo(PAGE + "?a=1");
		assertThat(decision.cookies()).extracting(CookieInstruction::value).containsExactly(serving);
	}

	@Test
	void queueWhenEmptyNoqTAndAdmittingCookieThenCookieIsKept() {
		String serving = RoomQFixtures.ticket("serving", NOW + 60);
		Decision decision = this.connector.queue(TestRequest.get(PAGE + "?noq_t=").cookie(COOKIE, serving).build());
		assertThat(location(decision)).isEqualTo(PAGE);
		assertThat(decision.cookies()).extracting(CookieInstruction::value).containsExactly(serving);
	}

	@Test
	void queueWhenValidSelfSignNoqTAndAdmittingCookieThenCookieIsKept() {
		String serving = RoomQFixtures.ticket("serving", NOW + 60);
		Decision decision = this.connector
			.queue(TestRequest.get(PAGE + "?noq_t=" + E1).cookie(COOKIE, serving).build());
		assertThat(decision.result().redirectUrl()).isNull();
		assertThat(decision.cookies()).extracting(CookieInstruction::value).containsExactly(serving);
	}

	@Test
	void queueWhenGarbageNoqTAndExpiredCookieThenResubmitsTheCookieTicket() {
		String expired = RoomQFixtures.ticket("serving", NOW - 60);
		Decision decision = this.connector.queue(TestRequest.get(PAGE + "?noq_t=xyz").cookie(COOKIE, expired).build());
		assertThat(location(decision)).startsWith(ISSUER + "?noq_t=" + expired + "&")
			.endsWith("&noq_r=" + "https%3A%2F%2Fshop.example.com%2Fevent%2F42");
	}

	@Test
	void queueWhenServingNoqTAndSelfSignCookieThenEntersAndStripsTheTicket() {
		String serving = RoomQFixtures.ticket("serving", NOW + 60);
		Decision decision = this.connector
			.queue(TestRequest.get(PAGE + "?noq_t=" + serving).cookie(COOKIE, E1).build());
		assertThat(location(decision)).isEqualTo(PAGE);
		assertThat(decision.cookies()).extracting(CookieInstruction::value).containsExactly(serving);
	}

	@Test
	void queueWhenForeignSelfSignNoqTAndQueuedCookieThenCookieTicketIsKept() {
		// Spec S6: a link carrying someone else's waiting ticket must not swap the
		// visitor's identity (and place in line) for the link author's.
		String foreign = this.connector.tickets().mint("attacker-session");
		Decision decision = this.connector
			.queue(TestRequest.get(PAGE + "?noq_t=" + foreign).cookie(COOKIE, E1).build());
		assertThat(decision.cookies()).extracting(CookieInstruction::value).containsExactly(E1);
		assertThat(location(decision)).contains("noq_t=" + E1).doesNotContain(foreign);
		assertThat(decision.result().queueId()).isEqualTo(SESSION);
	}

	@Test
	void leaveWhenForeignNoqTAndQueuedCookieThenSessionOfTheCookieIsKept() {
		String foreign = this.connector.tickets().mint("attacker-session");
		Decision decision = this.connector
			.leave(TestRequest.get(PAGE + "?noq_t=" + foreign).cookie(COOKIE, E1).build());
		assertThat(decision.result().queueId()).isEqualTo(SESSION);
		assertThat(this.connector.tickets().verify(decision.cookies().get(0).value()))
			.hasValueSatisfying((ticket) -> assertThat(ticket.sessionId()).isEqualTo(SESSION));
	}

	@Test
	void queueWhenQueueNoqTOfTheSameSessionAndSelfSignCookieThenQueryTicketIsUsed() {
		String queued = RoomQFixtures.ticket("queue", null);
		Decision decision = this.connector.queue(TestRequest.get(PAGE + "?noq_t=" + queued).cookie(COOKIE, E1).build());
		assertThat(decision.cookies()).extracting(CookieInstruction::value).containsExactly(queued);
	}

	@Test
	void queueWhenCookieIsWrittenThenPathIsRootAndAttributesFollowSettings() {
		RoomQConnector custom = new RoomQConnector(
				new RoomQSettings("demo-room", SECRET, ISSUER, RoomQFixtures.clockAt(NOW), Duration.ofMinutes(30),
						".shop.example.com", false, true, Set.of("serving")));
		CookieInstruction cookie = custom.queue(TestRequest.get("http://localhost/p").build()).cookies().get(0);
		assertThat(cookie.name()).isEqualTo(COOKIE);
		assertThat(cookie.path()).isEqualTo("/");
		assertThat(cookie.maxAge()).isEqualTo(Duration.ofMinutes(30));
		assertThat(cookie.domain()).isEqualTo(".shop.example.com");
		assertThat(cookie.httpOnly()).isFalse();
		assertThat(cookie.secure()).isTrue();
		assertThat(custom.queue(cookie(RoomQFixtures.ticket("stopped", null)))).isInstanceOf(Decision.Redirect.class);
	}

	@Test
	void queueWhenPlainHttpRequestThenCookieIsNotSecureByDefault() {
		CookieInstruction cookie = this.connector.queue(TestRequest.get("http://localhost:8080/p").build())
			.cookies()
			.get(0);
		assertThat(cookie.secure()).isFalse();
		assertThat(cookie.httpOnly()).isTrue();
		assertThat(cookie.toSetCookieHeader("Lax")).startsWith(COOKIE + "=")
			.endsWith("; Max-Age=43200; Path=/; HttpOnly; SameSite=Lax");
	}

	@Test
	void leaveWhenAdmittedThenCookieGetsSelfSignTicketOfTheSameSession() {
		String serving = RoomQFixtures.ticket("serving", NOW + 60);
		Decision decision = this.connector.leave(cookie(serving));
		assertThat(decision).isInstanceOf(Decision.Proceed.class);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.CANCEL);
		assertThat(decision.result().queueId()).isEqualTo(SESSION);
		assertThat(decision.cookies().get(0).value()).isEqualTo(E1);
		assertThat(this.connector.queue(cookie(E1))).isInstanceOf(Decision.Redirect.class);
	}

	@Test
	void leaveWhenNoTicketThenNewSessionAndProceeds() {
		Decision decision = this.connector.leave(TestRequest.get(PAGE + "?noq_t=bad").build());
		assertThat(location(decision)).isEqualTo(PAGE);
		assertThat(decision.result().queueId()).isNull();
		assertThat(this.connector.tickets().verify(decision.cookies().get(0).value())).isPresent();
	}

	@Test
	void protectWhenConfiguredRoomThenQueueAndCancelAreDelegated() {
		String serving = RoomQFixtures.ticket("serving", NOW + 60);
		assertThat(this.connector.name()).isEqualTo("roomq");
		assertThat(this.connector.rooms()).containsExactly("demo-room");
		assertThat(this.connector.hasRules()).isFalse();
		assertThat(this.connector.evaluate(cookie(serving))).isEmpty();
		assertThat(this.connector.protect(cookie(serving), "demo-room", WaitingRoomProvider.Action.QUEUE))
			.isInstanceOf(Decision.Proceed.class);
		assertThat(this.connector.protect(cookie(serving), "demo-room", WaitingRoomProvider.Action.CANCEL)
			.result()
			.actionType()).isEqualTo(ResultType.CANCEL);
	}

	@Test
	void protectWhenUnknownRoomThenConfigurationExceptionNamesTheProperty() {
		assertThatExceptionOfType(ConnectorConfigurationException.class)
			.isThrownBy(() -> this.connector.protect(cookie(E1), "other", WaitingRoomProvider.Action.QUEUE))
			.withMessageContaining("roomq.room-id");
	}

	@Test
	void currentTicketWhenAdmittingCookieThenReturnsItAndCookieHelperStoresIt() {
		String serving = RoomQFixtures.ticket("serving", NOW + 60);
		RoomQTicket ticket = this.connector.currentTicket(cookie(serving)).orElseThrow();
		assertThat(this.connector.admits(ticket)).isTrue();
		assertThat(ticket.toString()).doesNotContain(serving);
		CookieInstruction cookie = this.connector.ticketCookie(ticket, true);
		assertThat(cookie.value()).isEqualTo(serving);
		assertThat(cookie.secure()).isTrue();
		assertThat(this.connector.currentTicket(TestRequest.get(PAGE).build())).isEmpty();
	}

	private static TestRequest cookie(String token) {
		return TestRequest.get(PAGE).cookie(COOKIE, token).build();
	}

	private static String location(Decision decision) {
		assertThat(decision).isInstanceOf(Decision.Redirect.class);
		return ((Decision.Redirect) decision).location();
	}

}

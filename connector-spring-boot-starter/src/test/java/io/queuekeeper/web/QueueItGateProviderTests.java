package io.queuekeeper.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.ResultType;
import io.queuekeeper.core.http.ConnectorRequest;
import io.queuekeeper.core.roomq.RoomQConnector;
import io.queuekeeper.core.roomq.RoomQSettings;
import io.queuekeeper.core.testing.TestRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link QueueItGate} deciding through a provider other than Queue-it (RoomQ), and its
 * cancel hook.
 */
@ExtendWith(OutputCaptureExtension.class)
class QueueItGateProviderTests {

	private static final RoomQConnector ROOMQ = new RoomQConnector(
			RoomQSettings.of(RoomQFixtures.ROOM, RoomQFixtures.SECRET, RoomQFixtures.ISSUER)
				.withClock(RoomQFixtures.clock()));

	@Test
	void protectsWhenProviderHasNoRulesThenOnlyAnnotatedHandlers() throws Exception {
		QueueItGate gate = gate(CancelListener.NONE);
		assertThat(gate.protects(null)).isFalse();
		assertThat(gate.readsBody(null)).isFalse();
		assertThat(gate.protects(gate.protection(handler("item"), Handlers.class))).isTrue();
		assertThat(gate.provider()).isSameAs(ROOMQ);
	}

	@Test
	void decideWhenCancelThenListenerIsToldWithTheRequestOnce() throws Exception {
		List<ConnectorRequest> told = new ArrayList<>();
		QueueItGate gate = gate((request, decision) -> {
			assertThat(decision.result().actionType()).isEqualTo(ResultType.CANCEL);
			told.add(request);
		});
		ConnectorRequest leave = TestRequest.get("https://shop.example/leave")
			.cookie(RoomQFixtures.COOKIE, RoomQFixtures.E4)
			.build();
		QueueItGate.Outcome outcome = gate.decide(leave, gate.protection(handler("leave"), Handlers.class), true);
		assertThat(outcome.proceeds()).isTrue();
		assertThat(told).containsExactly(leave);
	}

	@Test
	void decideWhenQueueThenListenerIsNotTold() throws Exception {
		List<ConnectorRequest> told = new ArrayList<>();
		QueueItGate gate = gate((request, decision) -> told.add(request));
		QueueItGate.Outcome outcome = gate.decide(TestRequest.get("https://shop.example/item").build(),
				gate.protection(handler("item"), Handlers.class), true);
		assertThat(outcome.decision()).isInstanceOf(Decision.Redirect.class);
		assertThat(told).isEmpty();
	}

	@Test
	void decideWhenCancelListenerThrowsThenOutcomeIsUnchangedAndLoggedOnce(CapturedOutput output) throws Exception {
		QueueItGate gate = gate((request, decision) -> {
			throw new IllegalStateException("ticket " + RoomQFixtures.E4);
		});
		QueueProtected leave = gate.protection(handler("leave"), Handlers.class);
		for (int i = 0; i < 3; i++) {
			QueueItGate.Outcome outcome = gate.decide(TestRequest.get("https://shop.example/leave").build(), leave,
					true);
			assertThat(outcome.proceeds()).isTrue();
			assertThat(outcome.failure()).isNull();
		}
		assertThat(output.getAll().lines().filter((line) -> line.contains("cancel listener failed"))).hasSize(1);
		assertThat(output.getAll()).doesNotContain(RoomQFixtures.E4);
	}

	@Test
	void decideWhenRoomQCookieGoesOverHttpsWithoutSecureThenWarnsOnceNamingTheRoomQProperty(CapturedOutput output)
			throws Exception {
		QueueItGate gate = gate(CancelListener.NONE);
		QueueProtected item = gate.protection(handler("item"), Handlers.class);
		// The URL says http (a proxy that terminates TLS) while the request was secure.
		gate.decide(TestRequest.get("http://shop.example/item").build(), item, true);
		gate.decide(TestRequest.get("http://shop.example/item").build(), item, true);
		assertThat(output.getAll()
			.lines()
			.filter((line) -> line.contains("RoomQ ticket cookie " + RoomQFixtures.COOKIE
					+ " is sent over HTTPS without the Secure flag; set roomq.cookie.secure=true")))
			.hasSize(1);
	}

	private static QueueItGate gate(CancelListener listener) {
		return new QueueItGate(ROOMQ, ProtectionSettings.defaults(), DecisionObserver.NONE, listener);
	}

	private static Method handler(String name) throws NoSuchMethodException {
		return Handlers.class.getDeclaredMethod(name);
	}

	static class Handlers {

		@QueueProtected(RoomQFixtures.ROOM)
		String item() {
			return "item";
		}

		@QueueProtected(event = RoomQFixtures.ROOM, action = QueueProtected.Action.CANCEL)
		String leave() {
			return "leave";
		}

	}

}

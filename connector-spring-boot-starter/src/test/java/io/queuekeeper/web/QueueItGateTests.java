package io.queuekeeper.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.queuekeeper.core.ConnectorSettings;
import io.queuekeeper.core.Decision;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.QueueEventConfig;
import io.queuekeeper.core.config.IntegrationConfigParser;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.core.http.ResponseHeader;
import io.queuekeeper.core.testing.TestRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link QueueItGate}: the stack-neutral decision both adapters write, including the
 * failure policy and the measured latency.
 */
class QueueItGateTests {

	private static final QueueConnector CONNECTOR = new QueueConnector(ConnectorSettings.of("ticketania", "secret"));

	private static final QueueEvents EVENTS = new QueueEvents(
			Map.of("drop", QueueEventConfig.of("drop", "drops.queue-it.net")));

	private static final IntegrationConfigProvider BODY_CONFIG = () -> Optional.of(new IntegrationConfigParser()
		.parse("""
				{ "Version": 2, "Integrations": [ { "Name": "Body", "ActionType": "Queue", "EventId": "sale",
				  "QueueDomain": "sale.queue-it.net", "Triggers": [ { "LogicalOperator": "And", "TriggerParts": [
				    { "ValidatorType": "RequestBodyValidator", "Operator": "Contains", "ValueToCompare": "x" } ] } ] } ] }
				"""));

	@Test
	void decideWhenHandlerIsAnnotatedThenRedirectOutcomeStopsTheHandlerWith302() throws Exception {
		QueueItGate gate = new QueueItGate(CONNECTOR, null, EVENTS, ProtectionSettings.defaults());
		QueueProtected protection = gate.protection(handler(), Handlers.class);
		assertThat(gate.protects(protection)).isTrue();
		QueueItGate.Outcome outcome = gate.decide(TestRequest.get("https://shop.example/drop").build(), protection,
				true);
		assertThat(outcome.decision()).isInstanceOf(Decision.Redirect.class);
		assertThat(outcome.proceeds()).isFalse();
		assertThat(outcome.status()).isEqualTo(302);
		assertThat(outcome.failure()).isNull();
		assertThat(outcome.headers()).extracting(ResponseHeader::name).contains("Location", "Cache-Control");
		assertThat(outcome.nanos()).isPositive();
	}

	@Test
	void protectsWhenNoAnnotationAndNoConfigSourceThenRequestIsNotEvaluated() {
		QueueItGate gate = new QueueItGate(CONNECTOR, null, EVENTS, ProtectionSettings.defaults());
		assertThat(gate.protects(null)).isFalse();
		assertThat(gate.readsBody(null)).isFalse();
	}

	@Test
	void readsBodyWhenConfigHasABodyTriggerThenOnlyForUnannotatedHandlers() throws Exception {
		QueueItGate gate = new QueueItGate(CONNECTOR, BODY_CONFIG, EVENTS, ProtectionSettings.defaults());
		assertThat(gate.readsBody(null)).isTrue();
		assertThat(gate.readsBody(gate.protection(handler(), Handlers.class))).isFalse();
	}

	@Test
	void readsBodyWhenConfigSourceThrowsThenFalseAndDecideAppliesThePolicy() {
		IntegrationConfigProvider failing = () -> {
			throw new IllegalStateException("store down");
		};
		ProtectionSettings deny = new ProtectionSettings(null, 4096, FailurePolicy.DENY, false, false, Set.of());
		QueueItGate gate = new QueueItGate(CONNECTOR, failing, EVENTS, deny);
		assertThat(gate.readsBody(null)).isFalse();
		QueueItGate.Outcome outcome = gate.decide(TestRequest.get("https://shop.example/").build(), null, true);
		assertThat(outcome.decision()).isNull();
		assertThat(outcome.failure()).isEqualTo(QueueItGate.EVALUATION_FAILED);
		assertThat(outcome.proceeds()).isFalse();
		assertThat(outcome.status()).isEqualTo(503);
		assertThat(outcome.headers()).contains(new ResponseHeader(ProtectionSettings.FAILED_HEADER, "true"));
	}

	@Test
	void decideWhenNoConfigLoadedAndPolicyIsAllowThenProceedsMarked() {
		QueueItGate gate = new QueueItGate(CONNECTOR, Optional::empty, EVENTS, ProtectionSettings.defaults());
		QueueItGate.Outcome outcome = gate.decide(TestRequest.get("https://shop.example/").build(), null, false);
		assertThat(outcome.failure()).isEqualTo(QueueItGate.NO_CONFIG);
		assertThat(outcome.proceeds()).isTrue();
		assertThat(outcome.status()).isZero();
		assertThat(outcome.setCookies()).isEmpty();
		assertThat(outcome.headers()).containsExactly(new ResponseHeader(ProtectionSettings.FAILED_HEADER, "true"));
	}

	private static Method handler() throws NoSuchMethodException {
		return Handlers.class.getDeclaredMethod("drop");
	}

	static class Handlers {

		@QueueProtected("drop")
		String drop() {
			return "drop";
		}

	}

}

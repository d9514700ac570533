package io.queuekeeper.core;

import java.util.Map;
import java.util.Optional;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.testing.ConnectorFixtures;
import io.queuekeeper.core.testing.TestRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link QueueItWaitingRoom} answers exactly what {@link QueueConnector} answers.
 */
class QueueItWaitingRoomTests {

	private static final String URL = "https://shop.example.com/drop/item";

	private final QueueConnector connector = ConnectorFixtures.connector();

	private final IntegrationConfig config = ConnectorFixtures.config();

	private final QueueItWaitingRoom provider = new QueueItWaitingRoom(this.connector,
			Map.of(ConnectorFixtures.EVENT_ID, ConnectorFixtures.QUEUE_EVENT), () -> Optional.of(this.config));

	@Test
	void protectWhenQueueThenSameDecisionAsTheConnector() {
		Decision viaProvider = this.provider.protect(TestRequest.get(URL).build(), ConnectorFixtures.EVENT_ID,
				WaitingRoomProvider.Action.QUEUE);
		Decision direct = this.connector.queue(TestRequest.get(URL).build(), ConnectorFixtures.QUEUE_EVENT);
		assertThat(viaProvider).isEqualTo(direct).isInstanceOf(Decision.Redirect.class);
	}

	@Test
	void protectWhenCancelThenSameDecisionAsTheConnector() {
		Decision viaProvider = this.provider.protect(TestRequest.get(URL).build(), ConnectorFixtures.EVENT_ID,
				WaitingRoomProvider.Action.CANCEL);
		Decision direct = this.connector.cancel(TestRequest.get(URL).build(), ConnectorFixtures.CANCEL_EVENT);
		assertThat(viaProvider).isEqualTo(direct);
		assertThat(viaProvider.result().actionType()).isEqualTo(ResultType.CANCEL);
	}

	@Test
	void evaluateWhenConfigIsLoadedThenSameDecisionAsTheConnector() {
		assertThat(this.provider.name()).isEqualTo("queue-it");
		assertThat(this.provider.rooms()).containsExactly(ConnectorFixtures.EVENT_ID);
		assertThat(this.provider.hasRules()).isTrue();
		assertThat(this.provider.evaluate(TestRequest.get(URL).build()))
			.contains(this.connector.evaluate(TestRequest.get(URL).build(), this.config));
	}

	@Test
	void evaluateWhenNoConfigYetOrNoSourceThenEmpty() {
		QueueItWaitingRoom notLoaded = new QueueItWaitingRoom(this.connector, Map.of(), Optional::empty);
		QueueItWaitingRoom noSource = new QueueItWaitingRoom(this.connector, Map.of(), null);
		assertThat(notLoaded.hasRules()).isTrue();
		assertThat(notLoaded.evaluate(TestRequest.get(URL).build())).isEmpty();
		assertThat(noSource.hasRules()).isFalse();
		assertThat(noSource.evaluate(TestRequest.get(URL).build())).isEmpty();
	}

	@Test
	void protectWhenEventUnknownThenConfigurationExceptionNamesTheProperty() {
		assertThatExceptionOfType(ConnectorConfigurationException.class)
			.isThrownBy(
					() -> this.provider.protect(TestRequest.get(URL).build(), "nope", WaitingRoomProvider.Action.QUEUE))
			.withMessageContaining("queueit.events.nope.queue-domain");
	}

}

package io.queuekeeper.core.token;

import io.queuekeeper.core.ConnectorConfigurationException;
import io.queuekeeper.core.QueueEventConfig;
import io.queuekeeper.core.config.IntegrationConfigParser;
import io.queuekeeper.core.config.InvalidIntegrationConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Minimal inputs, found by {@link SessionCookiePropertyTests}, on which the engine was
 * wrong.
 */
class SessionCookieRegressionTests {

	// An event id with '&' was accepted, but it splits the '&'-separated session cookie,
	// so the cookie issued for a valid token was never readable and the visitor looped
	// through the queue. Such an id is now refused where it is configured.

	@Test
	void queueEventConfigWhenEventIdContainsAmpersandThenRejected() {
		assertThatExceptionOfType(ConnectorConfigurationException.class)
			.isThrownBy(() -> QueueEventConfig.of("a&b", "queue.example.com"))
			.withMessageContaining("eventId")
			.withMessageContaining("a&b");
	}

	@Test
	void parseWhenEventIdContainsAmpersandThenRejectedNamingTheField() {
		String json = "{\"Integrations\":[{\"Name\":\"drop\",\"ActionType\":\"Queue\",\"EventId\":\"a&b\","
				+ "\"QueueDomain\":\"queue.example.com\",\"Triggers\":[]}]}";
		assertThatExceptionOfType(InvalidIntegrationConfigException.class)
			.isThrownBy(() -> new IntegrationConfigParser().parse(json))
			.withMessageContaining("'drop'")
			.withMessageContaining("EventId");
	}

}

package io.queuekeeper.sample;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the sample starts the local waiting room, and what it tells the connector.
 */
class LocalWaitingRoomInitializerTests {

	@Test
	void enabledWhenNothingSetThenTrue() {
		assertThat(LocalWaitingRoomInitializer.enabled(new MockEnvironment())).isTrue();
	}

	@Test
	void enabledWhenRealCustomerIdSetThenFalse() {
		assertThat(
				LocalWaitingRoomInitializer.enabled(new MockEnvironment().withProperty("queueit.customer-id", "acme")))
			.isFalse();
	}

	@Test
	void enabledWhenSwitchSetThenSwitchWins() {
		assertThat(LocalWaitingRoomInitializer.enabled(new MockEnvironment().withProperty("queueit.customer-id", "acme")
			.withProperty("sample.simulator.enabled", "true"))).isTrue();
		assertThat(LocalWaitingRoomInitializer
			.enabled(new MockEnvironment().withProperty("sample.simulator.enabled", "false"))).isFalse();
	}

	@Test
	void initializeWhenDisabledThenConnectorPropertiesUntouched() {
		GenericApplicationContext context = new GenericApplicationContext();
		MockEnvironment environment = new MockEnvironment().withProperty("sample.simulator.enabled", "false");
		context.setEnvironment(environment);
		new LocalWaitingRoomInitializer().initialize(context);
		assertThat(environment.getPropertySources().contains("localWaitingRoom")).isFalse();
		assertThat(environment.containsProperty("queueit.secret-key")).isFalse();
	}

	@Test
	void initializeWhenEnabledThenPointsConnectorAtSimulatorAndStopsWithContext() {
		GenericApplicationContext context = new GenericApplicationContext();
		MockEnvironment environment = new MockEnvironment().withProperty("sample.simulator.port", "0");
		context.setEnvironment(environment);
		new LocalWaitingRoomInitializer().initialize(context);
		context.refresh();
		try {
			String url = environment.getRequiredProperty("sample.simulator.url");
			assertThat(url).matches("http://localhost:\\d+/");
			String domain = url.substring("http://".length(), url.length() - 1);
			assertThat(environment.getProperty("queueit.customer-id")).isEqualTo("sample");
			assertThat(environment.getProperty("queueit.secret-key")).hasSize(73);
			assertThat(environment.getProperty("queueit.events.drop.queue-domain")).isEqualTo(domain);
			assertThat(environment.getProperty("queueit.integration-config.url"))
				.isEqualTo(url + "status/integrationconfig/secure/sample");
			assertThat(environment.getProperty("queueit.integration-config.location")).startsWith("file:");
		}
		finally {
			context.close();
		}
	}

	@Test
	void enabledWhenRoomQAndRealRoomSecretSetThenFalse() {
		assertThat(LocalWaitingRoomInitializer.enabled(new MockEnvironment().withProperty("queueit.provider", "roomq")
			.withProperty("roomq.room-secret", "real"))).isFalse();
		assertThat(LocalWaitingRoomInitializer.enabled(new MockEnvironment().withProperty("queueit.provider", "roomq")
			.withProperty("queueit.customer-id", "acme"))).isTrue();
	}

	@Test
	void initializeWhenRoomQThenPointsRoomQAtTheSimulatorsIssuer() {
		GenericApplicationContext context = new GenericApplicationContext();
		MockEnvironment environment = new MockEnvironment().withProperty("sample.simulator.port", "0")
			.withProperty("queueit.provider", "roomq");
		context.setEnvironment(environment);
		new LocalWaitingRoomInitializer().initialize(context);
		context.refresh();
		try {
			assertThat(environment.getProperty("roomq.ticket-issuer")).matches("http://localhost:\\d+/roomq/tickets");
			assertThat(environment.getProperty("roomq.room-id")).isEqualTo(LocalWaitingRoomInitializer.ROOMQ_ROOM_ID);
			assertThat(environment.getProperty("roomq.room-secret")).hasSize(73);
			assertThat(environment.containsProperty("queueit.secret-key")).isFalse();
		}
		finally {
			context.close();
		}
	}

}

package io.queuekeeper.core;

import io.queuekeeper.core.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ConnectorSettingsTests {

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "ticket ania", "ticketania/x", "tïcketania" })
	void constructorWhenCustomerIdUnusableThenConfigurationException(String customerId) {
		assertThatExceptionOfType(ConnectorConfigurationException.class)
			.isThrownBy(() -> new ConnectorSettings(customerId, Vectors.SECRET, Vectors.clockAt(Vectors.NOW)))
			.withMessageContaining("customerId");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t" })
	void constructorWhenSecretKeyBlankThenConfigurationExceptionWithoutTheSecret(String secretKey) {
		assertThatExceptionOfType(ConnectorConfigurationException.class)
			.isThrownBy(() -> new ConnectorSettings(Vectors.CUSTOMER, secretKey, Vectors.clockAt(Vectors.NOW)))
			.withMessageContaining("secretKey");
	}

	@Test
	void constructorWhenClockMissingThenNullPointer() {
		assertThatNullPointerException()
			.isThrownBy(() -> new ConnectorSettings(Vectors.CUSTOMER, Vectors.SECRET, null));
	}

	@Test
	void toStringWhenPrintedThenSecretIsMasked() {
		ConnectorSettings settings = new ConnectorSettings(Vectors.CUSTOMER, Vectors.SECRET,
				Vectors.clockAt(Vectors.NOW));
		assertThat(settings.toString()).contains(Vectors.CUSTOMER)
			.doesNotContain(Vectors.SECRET)
			.doesNotContain("3f2b1a5c");
	}

	@Test
	void ofWhenCustomerAndSecretThenSystemUtcClock() {
		ConnectorSettings settings = ConnectorSettings.of(Vectors.CUSTOMER, Vectors.SECRET);
		assertThat(settings.clock().getZone().getId()).isIn("Z", "UTC");
		assertThat(new QueueConnector(settings).settings()).isSameAs(settings);
	}

}

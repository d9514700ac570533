package io.queuekeeper.core;

import java.time.Clock;
import java.util.Objects;
import java.util.regex.Pattern;

import io.queuekeeper.core.internal.Strings;

/**
 * The account-wide settings of a connector.
 *
 * @param customerId the Queue-it customer id
 * @param secretKey the secret key shared with the waiting room; never printed
 * @param clock the clock for token expiry and cookie issue times
 * @since 0.1.0
 */
public record ConnectorSettings(String customerId, String secretKey, Clock clock) {

	private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9._-]+");

	/**
	 * Validates the settings.
	 * @throws ConnectorConfigurationException if the customer id is blank or not a plain
	 * identifier, or the secret key is blank
	 */
	public ConnectorSettings {
		Objects.requireNonNull(clock, "clock");
		if (Strings.isBlank(customerId)) {
			throw new ConnectorConfigurationException("customerId must not be blank: set the Queue-it customer id");
		}
		if (!CUSTOMER_ID.matcher(customerId).matches()) {
			throw new ConnectorConfigurationException(
					"customerId '" + customerId + "' may only contain letters, digits, '.', '_' and '-'");
		}
		if (Strings.isBlank(secretKey)) {
			throw new ConnectorConfigurationException(
					"secretKey must not be blank: set the secret key from Queue-it GO (Account > Settings > Integration)");
		}
	}

	/**
	 * Creates settings that use the system UTC clock.
	 */
	public static ConnectorSettings of(String customerId, String secretKey) {
		return new ConnectorSettings(customerId, secretKey, Clock.systemUTC());
	}

	@Override
	public String toString() {
		return "ConnectorSettings[customerId=" + this.customerId + ", secretKey=******, clock=" + this.clock + "]";
	}

}

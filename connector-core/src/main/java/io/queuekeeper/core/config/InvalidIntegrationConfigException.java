package io.queuekeeper.core.config;

import io.queuekeeper.core.ConnectorConfigurationException;

/**
 * Thrown when an integration config document cannot be used. The message names the
 * integration (by position and name) and the field.
 *
 * @since 0.1.0
 */
public class InvalidIntegrationConfigException extends ConnectorConfigurationException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception with a message.
	 */
	public InvalidIntegrationConfigException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a message and a cause.
	 */
	public InvalidIntegrationConfigException(String message, Throwable cause) {
		super(message, cause);
	}

}

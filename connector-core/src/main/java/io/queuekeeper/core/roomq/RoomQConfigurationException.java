package io.queuekeeper.core.roomq;

import io.queuekeeper.core.ConnectorConfigurationException;

/**
 * Thrown when RoomQ settings cannot be used. Its message names the setting and never
 * contains the room secret.
 *
 * @since 0.1.0
 */
public class RoomQConfigurationException extends ConnectorConfigurationException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception with a message.
	 */
	public RoomQConfigurationException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a message and a cause.
	 */
	public RoomQConfigurationException(String message, Throwable cause) {
		super(message, cause);
	}

}

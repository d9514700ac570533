package io.queuekeeper.core;

/**
 * Thrown when settings or a configuration document cannot be used. Its message names the
 * setting or field and never contains a secret.
 *
 * @since 0.1.0
 */
public class ConnectorConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception with a message.
	 */
	public ConnectorConfigurationException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a message and a cause.
	 */
	public ConnectorConfigurationException(String message, Throwable cause) {
		super(message, cause);
	}

}

package io.queuekeeper.core;

import io.queuekeeper.core.token.TokenError;

/**
 * Is told what the engine rejected while it decided a request, for metrics. Methods run
 * on the request thread in the middle of a decision, so implementations must be fast,
 * thread-safe and must not throw. Nothing passed here is a secret or a token.
 *
 * @since 0.1.0
 */
public interface ConnectorObserver {

	/** An observer that ignores everything. */
	ConnectorObserver NONE = new ConnectorObserver() {
	};

	/**
	 * Called when a {@code queueittoken} is refused.
	 * @param eventId the event the token was checked against
	 * @param error why it was refused
	 */
	default void tokenRejected(String eventId, TokenError error) {
	}

	/**
	 * Called when a session cookie was present but could not be trusted (tampered,
	 * expired or for another event), so the visitor is not let in on it.
	 * @param eventId the event whose cookie it is
	 */
	default void cookieRejected(String eventId) {
	}

}

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

	/** Reason of a cookie that was signed and for the event, but too old. */
	String COOKIE_EXPIRED = "expired";

	/** Reason of a cookie that was malformed, tampered with or for another event. */
	String COOKIE_INVALID = "invalid";

	/**
	 * Called when a session cookie was present but could not be trusted, so the visitor
	 * is not let in on it.
	 * @param eventId the event whose cookie it is
	 * @param reason {@link #COOKIE_EXPIRED} or {@link #COOKIE_INVALID}
	 */
	default void cookieRejected(String eventId, String reason) {
	}

}

package io.queuekeeper.web;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.http.ConnectorRequest;

/**
 * Told by the {@link QueueItGate} after a request ended a visitor's session
 * ({@link QueueProtected.Action#CANCEL}), so that a provider can free the visitor's slot
 * remotely, e.g. RoomQ's leave. It runs on the request thread (or event loop) right after
 * the decision, so it must return at once: start remote work asynchronously and never
 * wait for it. What it throws is logged once and does not change the response.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface CancelListener {

	/** A listener that does nothing. */
	CancelListener NONE = (request, decision) -> {
	};

	/**
	 * Called once per cancel decision.
	 * @param request the request that cancelled, still carrying the visitor's cookies
	 * @param decision the provider's cancel decision
	 */
	void cancelled(ConnectorRequest request, Decision decision);

}

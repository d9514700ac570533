package io.queuekeeper.core;

import java.util.Optional;
import java.util.Set;

import io.queuekeeper.core.http.ConnectorRequest;

/**
 * One waiting-room vendor behind a common shape, so that the web adapters, the annotation
 * and the response handling do not know which vendor decided. Both Queue-it
 * ({@link QueueItWaitingRoom}) and NoQ RoomQ
 * ({@link io.queuekeeper.core.roomq.RoomQConnector}) implement it.
 *
 * <p>
 * Every method answers with a {@link Decision}: proceed, redirect (to the waiting room,
 * or to the same URL without a ticket parameter) or, for Queue-it's client script only,
 * an AJAX redirect. An adapter applies the cookies in order, then the headers, then the
 * status. Implementations are immutable and thread-safe, do no I/O and never block.
 *
 * @since 0.1.0
 */
public interface WaitingRoomProvider {

	/**
	 * Returns the short, stable name of the vendor, e.g. {@code queue-it} or
	 * {@code roomq}, for logs and metrics tags.
	 */
	String name();

	/**
	 * Returns the ids of the rooms (Queue-it events) this provider can protect by name.
	 */
	Set<String> rooms();

	/**
	 * Decides a request for a named room.
	 * @param request the request
	 * @param room the room (Queue-it event) id, one of {@link #rooms()}
	 * @param action whether the visitor must hold a valid session ({@code QUEUE}) or is
	 * ending it ({@code CANCEL})
	 * @return the decision
	 * @throws ConnectorConfigurationException if the room is not one of {@link #rooms()}
	 */
	Decision protect(ConnectorRequest request, String room, Action action);

	/**
	 * Whether the provider decides requests that no annotation protects, with rules it
	 * publishes itself (Queue-it's integration config). When {@code false},
	 * {@link #evaluate(ConnectorRequest)} is never needed.
	 */
	default boolean hasRules() {
		return false;
	}

	/**
	 * Decides a request that no annotation protects, with the provider's own rules.
	 * @param request the request
	 * @return the decision, or empty when the rules are not available (none loaded yet,
	 * or {@link #hasRules()} is {@code false}); an adapter applies its failure policy
	 * then
	 */
	default Optional<Decision> evaluate(ConnectorRequest request) {
		return Optional.empty();
	}

	/**
	 * Whether deciding a request that no annotation protects may need its body, because
	 * the provider's current rules test it. Providers without rules never read bodies.
	 * @return {@code true} when {@link #evaluate(ConnectorRequest)} may read the body
	 */
	default boolean readsRequestBody() {
		return false;
	}

	/**
	 * What a protected request does to the visitor's session.
	 *
	 * @since 0.1.0
	 */
	enum Action {

		/** The visitor needs a valid session, otherwise goes to the waiting room. */
		QUEUE,

		/** The visitor's session ends (Queue-it cancel, RoomQ leave). */
		CANCEL

	}

}

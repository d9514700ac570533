package io.queuekeeper.boot.roomq;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.http.ConnectorRequest;
import io.queuekeeper.core.roomq.RoomQConnector;
import io.queuekeeper.core.roomq.RoomQTicket;
import io.queuekeeper.web.CancelListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Frees a visitor's serving slot at RoomQ after a cancel ({@code @QueueProtected} with
 * {@code action = CANCEL}): the visitor's ticket is sent to RoomQ's leave operation
 * without waiting for the answer. Nothing happens when the request carries no valid
 * ticket or the ticket is not admitted (it holds no slot). A failure is logged once per
 * reason, without the ticket; the response is never affected.
 *
 * @since 0.1.0
 */
public final class RoomQLeaveListener implements CancelListener {

	private static final Log logger = LogFactory.getLog(RoomQLeaveListener.class);

	private final RoomQConnector connector;

	private final RoomQOperations operations;

	private final Set<String> logged = ConcurrentHashMap.newKeySet();

	/**
	 * Creates a listener.
	 * @param connector the engine that reads the visitor's ticket
	 * @param operations the remote operations that leave the room
	 */
	public RoomQLeaveListener(RoomQConnector connector, RoomQOperations operations) {
		this.connector = connector;
		this.operations = operations;
	}

	@Override
	public void cancelled(ConnectorRequest request, Decision decision) {
		RoomQTicket ticket = this.connector.currentTicket(request).orElse(null);
		if (ticket == null || !this.connector.admits(ticket)) {
			return;
		}
		this.operations.leave(ticket).whenComplete((ignored, error) -> {
			if (error != null) {
				failed(error);
			}
		});
	}

	private void failed(Throwable error) {
		Throwable cause = (error.getCause() != null && !(error instanceof RoomQRemoteException)) ? error.getCause()
				: error;
		String key = (cause instanceof RoomQRemoteException remote) ? remote.reason().name()
				: cause.getClass().getName();
		if (this.logged.size() < 64 && this.logged.add(key)) {
			String message = (cause instanceof RoomQRemoteException) ? cause.getMessage() : cause.getClass().getName();
			logger.warn("RoomQ leave failed (" + message + "); the visitor's cookie was replaced anyway. "
					+ "Further failures for the same reason are not logged.");
		}
	}

}

package io.queuekeeper.boot.roomq;

/**
 * Why a RoomQ remote operation failed. The message names the operation, the room and,
 * where there is one, the HTTP status; it never contains a ticket or a secret.
 *
 * @since 0.1.0
 */
public class RoomQRemoteException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	/**
	 * Creates an exception.
	 * @param reason why the operation failed
	 * @param message the message
	 * @param cause the cause, or {@code null}
	 */
	public RoomQRemoteException(Reason reason, String message, @org.jspecify.annotations.Nullable Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/**
	 * Returns why the operation failed.
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * The kinds of failure.
	 */
	public enum Reason {

		/** RoomQ answered 401: it does not accept the ticket. */
		INVALID_TICKET,

		/** RoomQ answered 404: the ticket is not being served. */
		NOT_SERVING,

		/** The status API reports the room as stopped. */
		ROOM_STOPPED,

		/** RoomQ could not be reached or did not answer in time. */
		UNAVAILABLE,

		/** RoomQ answered with an unexpected status or a body that cannot be used. */
		BAD_RESPONSE

	}

}

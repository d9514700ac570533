package io.queuekeeper.core.roomq;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A RoomQ ticket whose signature, algorithm, room and time claims were verified.
 *
 * @param token the compact JWT, exactly as received or minted; never printed
 * @param roomId the {@code room_id} claim, always the configured room
 * @param sessionId the {@code session_id} claim, the visitor's stable identity
 * @param type the {@code type} claim, or {@code null} when it is missing or not a string
 * @param deadline the end of the serving window ({@code deadline} claim), or {@code null}
 * when the ticket has none
 * @since 0.1.0
 */
public record RoomQTicket(String token, String roomId, String sessionId, @Nullable String type,
		@Nullable Instant deadline) {

	/** Type of a ticket the connector mints for a visitor without one. */
	public static final String SELF_SIGN = "self-sign";

	/** Type of a ticket RoomQ issues while the visitor waits. */
	public static final String QUEUE = "queue";

	/** Type of a ticket RoomQ issues when the visitor is admitted. */
	public static final String SERVING = "serving";

	/** Type of a ticket RoomQ issues while the room is stopped. */
	public static final String STOPPED = "stopped";

	/** Type of a ticket RoomQ issues to an allowed bot. */
	public static final String BOT = "bot";

	public RoomQTicket {
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(roomId, "roomId");
		Objects.requireNonNull(sessionId, "sessionId");
	}

	/**
	 * Whether the serving window ended before the given instant. A ticket without a
	 * deadline never ends.
	 */
	public boolean isPastDeadline(Instant now) {
		return this.deadline != null && this.deadline.isBefore(now);
	}

	@Override
	public String toString() {
		return "RoomQTicket[roomId=" + this.roomId + ", sessionId=" + this.sessionId + ", type=" + this.type
				+ ", deadline=" + this.deadline + "]";
	}

}

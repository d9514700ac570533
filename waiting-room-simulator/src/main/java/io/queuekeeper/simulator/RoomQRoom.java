package io.queuekeeper.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.queuekeeper.core.roomq.RoomQSettings;
import io.queuekeeper.core.roomq.RoomQTicket;
import io.queuekeeper.core.roomq.RoomQTickets;
import org.jspecify.annotations.Nullable;

/**
 * One RoomQ room the simulator issues tickets for: verifies incoming tickets with the
 * room secret, signs {@code queue} and {@code serving} tickets (HS256, the claims of
 * protocol spec §3.2) and remembers which place in line belongs to which
 * {@code session_id}.
 */
final class RoomQRoom {

	private static final int MAX_SESSIONS = WaitingLine.MAX_TICKETS;

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final String HEADER = BASE64URL
		.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

	private final String roomId;

	private final Hmac hmac;

	private final RoomQTickets verifier;

	private final Map<String, String> queueIds = new LinkedHashMap<>();

	RoomQRoom(String roomId, String roomSecret, String ticketIssuer, Clock clock) {
		this.roomId = roomId;
		this.hmac = new Hmac(roomSecret);
		this.verifier = new RoomQTickets(RoomQSettings.of(roomId, roomSecret, ticketIssuer).withClock(clock));
	}

	String roomId() {
		return this.roomId;
	}

	/**
	 * Returns the ticket if it is signed with this room's secret, for this room, and well
	 * formed; otherwise {@code null}.
	 */
	@Nullable RoomQTicket verify(@Nullable String token) {
		return this.verifier.verify(token).orElse(null);
	}

	String sign(String sessionId, String type, @Nullable Instant deadline) {
		StringBuilder claims = new StringBuilder("{\"room_id\":").append(json(this.roomId))
			.append(",\"session_id\":")
			.append(json(sessionId))
			.append(",\"type\":")
			.append(json(type));
		if (deadline != null) {
			claims.append(",\"deadline\":").append(deadline.getEpochSecond());
		}
		claims.append('}');
		String signingInput = HEADER + "."
				+ BASE64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
		return signingInput + "." + BASE64URL.encodeToString(this.hmac.bytes(signingInput));
	}

	synchronized @Nullable String queueId(String sessionId) {
		return this.queueIds.get(sessionId);
	}

	synchronized void remember(String sessionId, String queueId) {
		if (this.queueIds.size() >= MAX_SESSIONS) {
			// Oldest first: a forgotten visitor simply joins the line again.
			this.queueIds.remove(this.queueIds.keySet().iterator().next());
		}
		this.queueIds.put(sessionId, queueId);
	}

	synchronized void forget(String sessionId) {
		this.queueIds.remove(sessionId);
	}

	private static String json(String value) {
		StringBuilder out = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

}

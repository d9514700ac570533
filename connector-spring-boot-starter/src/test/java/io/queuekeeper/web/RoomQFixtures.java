package io.queuekeeper.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * RoomQ tickets and a loopback RoomQ backend for the adapter tests. Tickets are minted
 * here independently of the engine (plain JDK HMAC), with the inputs of the protocol
 * spec's worked examples (§8).
 */
public final class RoomQFixtures {

	/** Room id of spec §8. */
	public static final String ROOM = "demo-room";

	/** Room secret of spec §8. */
	public static final String SECRET = "example-room-secret";

	/** Ticket issuer of spec §8. */
	public static final String ISSUER = "https://tickets.roomq.example/tickets";

	/** Session id of spec §8. */
	public static final String SESSION = "3f1c2a9e-5b7d-4c1e-9a2b-0123456789ab";

	/** The fixed "now" of the tests, spec E5's first row. */
	public static final long NOW = 1_700_000_000L;

	/** Deadline of spec E4. */
	public static final long DEADLINE = 1_700_003_600L;

	/** Spec E4: a serving ticket for {@link #ROOM}, deadline {@link #DEADLINE}. */
	public static final String E4 = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb29tX2lkIjoiZGVtby1yb29tIiwic2Vzc2lvbl9pZCI6IjNmMWMyYTllLTViN2QtNGMxZS05YTJiLTAxMjM0NTY3ODlhYiIsInR5cGUiOiJzZXJ2aW5nIiwiZGVhZGxpbmUiOjE3MDAwMDM2MDB9.aAfZyNZYJRTHeUOSG3VWF601eiIV67AWYh09M2I9pyM";

	/** Name of the ticket cookie. */
	public static final String COOKIE = "be_roomq_t_" + ROOM;

	/** Properties that select RoomQ for {@link #ROOM}. */
	public static final String[] PROPERTIES = { "queueit.provider=roomq", "roomq.room-id=" + ROOM,
			"roomq.room-secret=" + SECRET, "roomq.ticket-issuer=" + ISSUER };

	private RoomQFixtures() {
	}

	/**
	 * Returns a clock fixed at {@link #NOW}.
	 */
	public static Clock clock() {
		return Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
	}

	/**
	 * Returns a clock whose every reading fails, to make the engine fail.
	 */
	public static Clock brokenClock() {
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				throw new IllegalStateException("clock unavailable");
			}

		};
	}

	/**
	 * Mints a ticket with the given claims JSON, signed with {@link #SECRET}.
	 */
	public static String ticket(String claimsJson) {
		return ticket(claimsJson, SECRET);
	}

	/**
	 * Mints a ticket with the given claims JSON and secret.
	 */
	public static String ticket(String claimsJson, String secret) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String signingInput = encoder
			.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ encoder.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return signingInput + "."
					+ encoder.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Mints a ticket of a type for a room with a deadline.
	 */
	public static String ticket(String room, String type, long deadline) {
		return ticket("{\"room_id\":\"" + room + "\",\"session_id\":\"" + SESSION + "\",\"type\":\"" + type
				+ "\",\"deadline\":" + deadline + "}");
	}

	/**
	 * A RoomQ status API and queue backend on 127.0.0.1 that records the bodies posted to
	 * {@code /queue/{room}}.
	 */
	public static final class Backend implements AutoCloseable {

		private final HttpServer server;

		/** Bodies posted to the queue backend, in arrival order. */
		public final BlockingQueue<String> posts = new LinkedBlockingQueue<>();

		public Backend() throws IOException {
			this(200);
		}

		/**
		 * Starts a backend whose queue endpoint answers with the given status.
		 * @param queueStatus the status of {@code /queue/{room}} answers
		 */
		public Backend(int queueStatus) throws IOException {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			int port = this.server.getAddress().getPort();
			this.server.createContext("/api/rooms/" + ROOM, (exchange) -> {
				byte[] body = ("{\"state\":\"running\",\"backend\":\"127.0.0.1:" + port + "\"}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			this.server.createContext("/queue/" + ROOM, (exchange) -> {
				this.posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(queueStatus, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			this.server.start();
		}

		/**
		 * Returns the properties that point the remote operations here.
		 */
		public String[] properties() {
			return new String[] { "roomq.status-api=" + statusApi(), "roomq.remote.plain-http-on-loopback=true" };
		}

		/**
		 * Returns the status API base URL.
		 */
		public String statusApi() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/api/rooms";
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

	}

}

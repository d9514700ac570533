package io.queuekeeper.boot.roomq;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.queuekeeper.boot.config.LimitedBodySubscriber;
import io.queuekeeper.boot.roomq.RoomQRemoteException.Reason;
import io.queuekeeper.core.roomq.RoomQConnector;
import io.queuekeeper.core.roomq.RoomQSettings;
import io.queuekeeper.core.roomq.RoomQTicket;
import org.jspecify.annotations.Nullable;

/**
 * The optional RoomQ remote operations: extend a serving window, leave (free the serving
 * slot), look up a ticket's serving deadline, and find the room's queue backend through
 * the status API.
 *
 * <p>
 * Every operation returns at once with a {@link CompletableFuture} that completes on the
 * JDK HTTP client's threads, so it never blocks a request thread or an event loop. Every
 * call is bounded by the connect and request timeouts, redirects are not followed and
 * response bodies are capped. Failures complete the future with a
 * {@link RoomQRemoteException}. The backend named by the status API is reused for a short
 * time (at most {@link #MAX_STATUS_CACHE_TTL}) and is always called over https, unless
 * plain http is allowed for a loopback backend (a local simulator).
 *
 * @since 0.1.0
 */
public final class RoomQOperations {

	/** The longest time a backend named by the status API is reused. */
	public static final Duration MAX_STATUS_CACHE_TTL = Duration.ofSeconds(60);

	/**
	 * Deadlines from the servings API at or above this value are epoch milliseconds,
	 * below it epoch seconds (the SDKs disagree; 10^11 seconds is in the year 5138).
	 */
	static final long MILLISECONDS_THRESHOLD = 100_000_000_000L;

	private static final int MAX_BODY_BYTES = 64 * 1024;

	private static final Pattern BACKEND = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})(?::[0-9]{1,5})?");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final RoomQConnector connector;

	private final String roomId;

	private final URI statusUri;

	private final Duration requestTimeout;

	private final Duration statusCacheTtl;

	private final boolean plainHttpOnLoopback;

	private final Clock clock;

	private final HttpClient client;

	private final AtomicReference<@Nullable CachedBackend> backend = new AtomicReference<>();

	/**
	 * Creates the operations.
	 * @param connector the engine, whose room and tickets are used
	 * @param statusApi the status API base URL; {@code /{roomId}} is appended
	 * @param connectTimeout the longest wait for a connection; positive
	 * @param requestTimeout the longest wait for a complete answer; positive
	 * @param statusCacheTtl how long a discovered backend is reused; zero to 60 seconds
	 * @param plainHttpOnLoopback whether a loopback backend is called over plain http
	 * @param clock the clock for the status cache
	 * @throws IllegalArgumentException if a duration is out of range
	 */
	public RoomQOperations(RoomQConnector connector, String statusApi, Duration connectTimeout, Duration requestTimeout,
			Duration statusCacheTtl, boolean plainHttpOnLoopback, Clock clock) {
		requirePositive("connectTimeout", connectTimeout);
		requirePositive("requestTimeout", requestTimeout);
		if (statusCacheTtl.isNegative() || statusCacheTtl.compareTo(MAX_STATUS_CACHE_TTL) > 0) {
			throw new IllegalArgumentException("statusCacheTtl must be between 0s and 60s, was " + statusCacheTtl);
		}
		this.connector = connector;
		this.roomId = connector.settings().roomId();
		this.statusUri = URI.create(RoomQSettings.checkEndpoint("statusApi", statusApi) + "/" + this.roomId);
		this.requestTimeout = requestTimeout;
		this.statusCacheTtl = statusCacheTtl;
		this.plainHttpOnLoopback = plainHttpOnLoopback;
		this.clock = Objects.requireNonNull(clock, "clock");
		this.client = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	private static void requirePositive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + value);
		}
	}

	/**
	 * Finds the room's queue backend ({@code host[:port]}) through the status API.
	 * @return the backend; fails with {@link Reason#ROOM_STOPPED} while the room is
	 * stopped
	 */
	public CompletableFuture<String> backend() {
		CachedBackend cached = this.backend.get();
		Instant now = this.clock.instant();
		if (cached != null && now.isBefore(cached.expires())) {
			return CompletableFuture.completedFuture(cached.host());
		}
		HttpRequest request = request(this.statusUri).GET().build();
		return send("status", request, (json) -> {
			String state = json.path("state").asText("");
			if ("stopped".equals(state)) {
				throw new RoomQRemoteException(Reason.ROOM_STOPPED,
						"RoomQ status: room '" + this.roomId + "' is stopped", null);
			}
			JsonNode backend = json.get("backend");
			String host = (backend != null && backend.isTextual()) ? backend.textValue() : "";
			if (!BACKEND.matcher(host).matches()) {
				throw new RoomQRemoteException(Reason.BAD_RESPONSE,
						"RoomQ status for room '" + this.roomId + "' names no usable backend", null);
			}
			this.backend.set(new CachedBackend(host, now.plus(this.statusCacheTtl)));
			return host;
		});
	}

	/**
	 * Extends the serving window of a ticket ({@code beep} with
	 * {@code extend_serving_duration}). The feature must be enabled in the RoomQ portal.
	 * @param ticket the visitor's ticket
	 * @param by how much longer the visitor may stay; whole seconds, at least one
	 * @return the new ticket RoomQ returns, verified with the room secret; store it with
	 * {@link RoomQConnector#ticketCookie(RoomQTicket, boolean)}
	 */
	public CompletableFuture<RoomQTicket> extend(RoomQTicket ticket, Duration by) {
		if (by.getSeconds() < 1) {
			return CompletableFuture.failedFuture(new IllegalArgumentException("by must be at least one second"));
		}
		ObjectNode body = body("beep", ticket);
		body.put("extend_serving_duration", by.getSeconds());
		return post("extend", body, (json) -> {
			String token = json.path("id").asText("");
			return this.connector.tickets()
				.verify(token)
				.orElseThrow(() -> new RoomQRemoteException(Reason.BAD_RESPONSE,
						"RoomQ extend for room '" + this.roomId + "' returned no valid ticket", null));
		});
	}

	/**
	 * Leaves the room: RoomQ frees the ticket's serving slot ({@code delete_serving}).
	 * The visitor's cookie is replaced locally by {@link RoomQConnector#leave}.
	 * @param ticket the visitor's ticket
	 * @return completes when RoomQ confirmed
	 */
	public CompletableFuture<Void> leave(RoomQTicket ticket) {
		return post("leave", body("delete_serving", ticket), (json) -> null);
	}

	/**
	 * Looks up when a ticket's serving window ends, as RoomQ sees it.
	 * @param ticket the visitor's ticket
	 * @return the deadline
	 */
	public CompletableFuture<Instant> servingDeadline(RoomQTicket ticket) {
		return backend().thenCompose((host) -> {
			URI uri = backendUri(host, "/rooms/" + this.roomId + "/servings/" + ticket.token());
			return send("serving lookup", request(uri).GET().build(), (json) -> {
				JsonNode deadline = json.get("deadline");
				if (deadline == null || !deadline.isNumber() || deadline.decimalValue().signum() < 0
						|| deadline.decimalValue().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
					throw new RoomQRemoteException(Reason.BAD_RESPONSE,
							"RoomQ serving lookup for room '" + this.roomId + "' returned no usable deadline", null);
				}
				long value = deadline.longValue();
				return (value >= MILLISECONDS_THRESHOLD) ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
			});
		});
	}

	private ObjectNode body(String action, RoomQTicket ticket) {
		ObjectNode body = JSON.createObjectNode();
		body.put("action", action);
		body.put("client_id", this.roomId);
		body.put("id", ticket.token());
		return body;
	}

	private <T> CompletableFuture<T> post(String operation, ObjectNode body, Function<JsonNode, T> reader) {
		return backend().thenCompose((host) -> {
			HttpRequest request = request(backendUri(host, "/queue/" + this.roomId))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build();
			return send(operation, request, reader);
		});
	}

	private URI backendUri(String host, String path) {
		String hostName = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
		String scheme = (this.plainHttpOnLoopback && RoomQSettings.isLoopback(hostName)) ? "http" : "https";
		return URI.create(scheme + "://" + host + path);
	}

	private HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri)
			.timeout(this.requestTimeout)
			.header("Accept", "application/json")
			.header("User-Agent", "Queuekeeper RoomQ connector");
	}

	private <T> CompletableFuture<T> send(String operation, HttpRequest request, Function<JsonNode, T> reader) {
		CompletableFuture<HttpResponse<byte[]>> response;
		try {
			// The client's own timeout ends at the response headers; this one also bounds
			// a body that trickles in.
			response = this.client.sendAsync(request, (info) -> new LimitedBodySubscriber(MAX_BODY_BYTES))
				.orTimeout(this.requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(failure(operation, ex));
		}
		return response.handle((answer, error) -> {
			if (error != null) {
				throw failure(operation, unwrap(error));
			}
			int status = answer.statusCode();
			if (status == 401) {
				throw new RoomQRemoteException(Reason.INVALID_TICKET,
						"RoomQ " + operation + " for room '" + this.roomId + "': 401, the ticket is not accepted",
						null);
			}
			if (status == 404) {
				throw new RoomQRemoteException(Reason.NOT_SERVING,
						"RoomQ " + operation + " for room '" + this.roomId + "': 404, the ticket is not served", null);
			}
			if (status < 200 || status > 299) {
				throw new RoomQRemoteException(Reason.BAD_RESPONSE,
						"RoomQ " + operation + " for room '" + this.roomId + "' answered " + status, null);
			}
			JsonNode json;
			try {
				json = JSON.readTree(answer.body());
			}
			catch (IOException ex) {
				throw new RoomQRemoteException(Reason.BAD_RESPONSE,
						"RoomQ " + operation + " for room '" + this.roomId + "' answered with a body that is not JSON",
						null);
			}
			if (json == null || !json.isObject()) {
				throw new RoomQRemoteException(Reason.BAD_RESPONSE,
						"RoomQ " + operation + " for room '" + this.roomId + "' answered without a JSON object", null);
			}
			return reader.apply(json);
		});
	}

	private RoomQRemoteException failure(String operation, Throwable error) {
		if (error instanceof RoomQRemoteException remote) {
			return remote;
		}
		if (hasCause(error, LimitedBodySubscriber.TooLargeException.class)) {
			return new RoomQRemoteException(Reason.BAD_RESPONSE, "RoomQ " + operation + " for room '" + this.roomId
					+ "' answered with a body over " + MAX_BODY_BYTES + " bytes", null);
		}
		if (error instanceof HttpTimeoutException || error instanceof TimeoutException) {
			return new RoomQRemoteException(Reason.UNAVAILABLE,
					"RoomQ " + operation + " for room '" + this.roomId + "' timed out", error);
		}
		if (error instanceof IOException) {
			return new RoomQRemoteException(Reason.UNAVAILABLE, "RoomQ " + operation + " for room '" + this.roomId
					+ "' failed: " + error.getClass().getSimpleName(), error);
		}
		return new RoomQRemoteException(Reason.BAD_RESPONSE,
				"RoomQ " + operation + " for room '" + this.roomId + "' failed: " + error.getClass().getSimpleName(),
				null);
	}

	private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
		for (Throwable current = error; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return true;
			}
		}
		return false;
	}

	private static Throwable unwrap(Throwable error) {
		Throwable current = error;
		while (current instanceof CompletionException && current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	private record CachedBackend(String host, Instant expires) {

	}

}

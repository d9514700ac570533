package io.queuekeeper.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.queuekeeper.core.enqueue.EnqueueTokenCodec;
import io.queuekeeper.core.enqueue.EnqueueTokenExpectation;
import io.queuekeeper.core.enqueue.EnqueueTokenPayload;
import io.queuekeeper.core.enqueue.EnqueueTokenVerification;
import io.queuekeeper.core.roomq.RoomQTicket;
import org.jspecify.annotations.Nullable;

/**
 * A local stand-in for the Queue-it side of the KnownUser v3 protocol, served on loopback
 * by the JDK's HTTP server, for development and tests. It answers:
 * <ul>
 * <li>{@code /?c=&e=&t=} the waiting room page: position in line, estimated wait, a
 * progress bar and an automatic refresh that works without JavaScript; when the visitor's
 * turn comes it redirects to {@code t} with a {@code queueittoken} signed with the secret
 * key;</li>
 * <li>{@code /error/{code}/} the page for a token the connector refused, with a way
 * back;</li>
 * <li>{@code /cancel/{customerId}/{eventId}[/{queueId}]} which takes the visitor out of
 * line and redirects to {@code r};</li>
 * <li>{@code /status/integrationconfig/secure/{customerId}} the GO platform's integration
 * config endpoint, checking the {@code api-key} header and serving a file the user
 * edits;</li>
 * <li>{@code /roomq/tickets?noq_t=&noq_c=&noq_r=} NoQ RoomQ's ticket issuer (RoomQ
 * protocol spec §4.7 and §9) for the configured rooms: it verifies the presented ticket
 * with the room secret, keeps the visitor's {@code session_id} in the same line (same
 * outflow) as the Queue-it events, and when their turn comes redirects to {@code noq_r}
 * with a {@code serving} ticket signed HS256 with the room secret.</li>
 * </ul>
 * Only the configured customer and events are served; targets must be absolute http or
 * https URLs; everything reflected in a page is HTML-escaped. Connectors reach it over
 * plain http because its queue domain is {@code localhost:<port>}.
 *
 * @since 0.1.0
 */
public final class WaitingRoomSimulator implements AutoCloseable {

	/** Largest outflow the simulator accepts, in visitors per minute. */
	public static final int MAX_OUTFLOW = 60_000;

	private static final String QUEUE_TOKEN = "queueittoken";

	private static final String GO_PATH = "/status/integrationconfig/secure/";

	private static final int REFRESH_SECONDS = 5;

	private static final String ROOMQ_ISSUER_PATH = "/roomq/tickets";

	private static final String ROOMQ_TICKET = "noq_t";

	private final String customerId;

	private final Hmac hmac;

	private final @Nullable String apiKey;

	private final Map<String, @Nullable String> events;

	private final @Nullable ConfigFile configFile;

	private final Map<String, Set<String>> inviteOnly;

	private final EnqueueTokenCodec enqueueTokens;

	private final Duration tokenValidity;

	private final Clock clock;

	private final WaitingLine line;

	private final Map<String, RoomQRoom> roomQRooms;

	private final Duration roomQServingTime;

	private final HttpServer server;

	private final ExecutorService executor;

	private WaitingRoomSimulator(Builder builder) throws IOException {
		this.customerId = builder.customerId;
		this.hmac = new Hmac(builder.secretKey);
		this.apiKey = builder.apiKey;
		this.events = new LinkedHashMap<>(builder.events);
		this.configFile = (builder.integrationConfig != null) ? new ConfigFile(builder.integrationConfig) : null;
		this.inviteOnly = Map.copyOf(builder.inviteOnly);
		this.enqueueTokens = new EnqueueTokenCodec(builder.secretKey);
		this.tokenValidity = builder.tokenValidity;
		this.clock = builder.clock;
		this.line = new WaitingLine(builder.outflowPerMinute);
		this.server = HttpServer.create(new InetSocketAddress(builder.bindAddress, builder.port), 0);
		this.roomQServingTime = builder.roomQServingTime;
		Map<String, RoomQRoom> rooms = new LinkedHashMap<>();
		builder.roomQRooms.forEach((roomId, secret) -> rooms.put(roomId,
				new RoomQRoom(roomId, secret, roomQTicketIssuer().toString(), this.clock)));
		this.roomQRooms = Map.copyOf(rooms);
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(4, (runnable) -> {
			Thread thread = new Thread(runnable, "waiting-room-simulator-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Starts building a simulator for one customer.
	 * @param customerId the customer id the connector sends as {@code c}
	 * @param secretKey the secret key shared with the connector
	 * @return the builder
	 */
	public static Builder builder(String customerId, String secretKey) {
		return new Builder(customerId, secretKey);
	}

	/**
	 * Returns the port the simulator listens on.
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Returns the queue domain to configure in the connector: {@code localhost:<port>}.
	 */
	public String queueDomain() {
		return "localhost:" + port();
	}

	/**
	 * Returns the base URL, {@code http://localhost:<port>/}.
	 */
	public URI baseUrl() {
		return URI.create("http://" + queueDomain() + "/");
	}

	/**
	 * Returns the URL of the RoomQ ticket issuer to configure as
	 * {@code roomq.ticket-issuer}: {@code http://localhost:<port>/roomq/tickets}.
	 */
	public URI roomQTicketIssuer() {
		return baseUrl().resolve(ROOMQ_ISSUER_PATH.substring(1));
	}

	/**
	 * Returns the URL of the GO integration config endpoint for this customer.
	 */
	public URI integrationConfigUrl() {
		return baseUrl().resolve(GO_PATH.substring(1) + this.customerId);
	}

	/**
	 * Changes how many visitors per minute are let in; visitors already in line keep
	 * their turn.
	 * @param outflowPerMinute visitors per minute, 1 to {@value #MAX_OUTFLOW}
	 */
	public void outflow(int outflowPerMinute) {
		this.line.outflow(outflowPerMinute);
	}

	/**
	 * Signs a {@code queueittoken} for a visitor as the waiting room does (spec 1.2 and
	 * 1.3): {@code e, q, ts, ce, rt} and the HMAC-SHA256 of those with the secret key.
	 * @param eventId the event
	 * @param queueId the visitor's queue id
	 * @return the signed token
	 */
	public String signToken(String eventId, String queueId) {
		long expiry = this.clock.instant().plus(this.tokenValidity).getEpochSecond();
		String unsigned = "e_" + eventId + "~q_" + queueId + "~ts_" + expiry + "~ce_true~rt_queue";
		return unsigned + "~h_" + this.hmac.hex(unsigned);
	}

	/**
	 * Pushes the current integration config file to a connector's push endpoint (spec
	 * 9.2).
	 * @param endpoint the connector's push URL
	 * @return the HTTP status the connector answered
	 * @throws IOException if the file cannot be read or the connector cannot be reached
	 * @throws InterruptedException if interrupted while waiting for the answer
	 * @throws IllegalStateException if no integration config file is configured
	 */
	public int pushIntegrationConfig(URI endpoint) throws IOException, InterruptedException {
		if (this.configFile == null) {
			throw new IllegalStateException("No integration config file is configured");
		}
		String document = new String(this.configFile.read(), StandardCharsets.UTF_8);
		return new IntegrationConfigPush(this.hmac).push(endpoint, document);
	}

	/**
	 * Stops the server.
	 */
	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Response response;
			try {
				response = route(exchange);
			}
			catch (BadRequestException ex) {
				response = Response.page(ex.status(), "Request refused", "<h1>Request refused</h1><p id=\"reason\">"
						+ Html.escape(Objects.requireNonNullElse(ex.getMessage(), "")) + "</p>");
			}
			catch (RuntimeException ex) {
				// A bug, not bad input: answer rather than drop the connection, and say
				// no more.
				response = Response.page(500, "Simulator error", "<h1>The waiting room simulator failed</h1><p>"
						+ Html.escape(ex.getClass().getSimpleName()) + "</p>");
			}
			send(exchange, response);
		}
	}

	private Response route(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		if (!method.equals("GET") && !method.equals("HEAD")) {
			throw new BadRequestException(405, "Only GET is supported here.");
		}
		String path = exchange.getRequestURI().getRawPath();
		Query query = Query.parse(exchange.getRequestURI().getRawQuery());
		if (path.equals("/")) {
			return queuePage(query);
		}
		String[] segments = path.substring(1).split("/", -1);
		if (segments.length == 3 && segments[0].equals("error") && segments[2].isEmpty()) {
			return errorPage(decodeSegment(segments[1]), query);
		}
		if ((segments.length == 3 || segments.length == 4) && segments[0].equals("cancel")) {
			return cancel(segments[1], segments[2], (segments.length == 4) ? segments[3] : null, query);
		}
		if (path.equals(ROOMQ_ISSUER_PATH)) {
			return roomQIssuer(query);
		}
		if (path.startsWith(GO_PATH)) {
			return integrationConfig(path.substring(GO_PATH.length()),
					exchange.getRequestHeaders().getFirst("api-key"));
		}
		throw new BadRequestException(404, "There is no page at this address.");
	}

	private Response queuePage(Query query) {
		String eventId = checkCustomerAndEvent(query.get("c"), query.get("e"));
		String target = query.get("t");
		if (target == null || target.isEmpty()) {
			target = this.events.get(eventId);
			if (target == null) {
				throw new BadRequestException("The connector sent no target URL (t) and event '" + eventId
						+ "' has no target URL of its own.");
			}
		}
		else if (!Query.isHttpUrl(target)) {
			throw new BadRequestException("The target URL (t) must be an absolute http or https URL.");
		}
		Instant now = this.clock.instant();
		String queueId = query.get("q");
		WaitingLine.Ticket ticket;
		if (queueId == null) {
			checkInvitation(eventId, query.get("enqueuetoken"), now);
			ticket = this.line.join(eventId, target, now);
			if (ticket == null) {
				throw new BadRequestException(503, "The line is full; try again later.");
			}
		}
		else {
			ticket = this.line.find(queueId);
			if (ticket == null) {
				throw new BadRequestException(
						"Unknown queue id: this place in line does not exist (any more). Open the protected page again to join the line.");
			}
			if (!ticket.eventId().equals(eventId) || !ticket.target().equals(target)) {
				throw new BadRequestException(
						"The event or target URL does not match this place in line; the address was modified.");
			}
		}
		if (ticket.admitted(now)) {
			return Response.redirect(withToken(ticket.target(), signToken(eventId, ticket.queueId())));
		}
		return waitingPage(query, eventId, ticket, now);
	}

	/**
	 * Lets a visitor join an invite-only line only with a valid enqueue token (signed
	 * with the secret key, unexpired, for this customer and event) that carries an
	 * invited key.
	 */
	private void checkInvitation(String eventId, @Nullable String token, Instant now) {
		Set<String> invited = this.inviteOnly.get(eventId);
		if (invited == null) {
			return;
		}
		if (token == null || token.isEmpty()) {
			throw new BadRequestException(403, "This waiting room is invite-only and the visitor brought no "
					+ "invitation (enqueue token). Sign in to the shop to be invited.");
		}
		EnqueueTokenVerification verification = this.enqueueTokens.verify(token,
				EnqueueTokenExpectation.of(this.customerId, eventId), now);
		if (!verification.valid() || verification.token() == null) {
			throw new BadRequestException(403, "This waiting room is invite-only and the invitation (enqueue token) "
					+ "was refused: " + verification.error() + ".");
		}
		EnqueueTokenPayload payload = verification.token().payload();
		String key = (payload != null) ? payload.key() : null;
		if (key == null || (!invited.isEmpty() && !invited.contains(key))) {
			throw new BadRequestException(403,
					"This waiting room is invite-only and the invitation (enqueue token) " + "carries no invited key.");
		}
	}

	private Response waitingPage(Query query, String eventId, WaitingLine.Ticket ticket, Instant now) {
		long waitMillis = Duration.between(now, ticket.turnAt()).toMillis();
		long waitSeconds = Math.max(1, (waitMillis + 999) / 1000);
		long totalMillis = Math.max(1, Duration.between(ticket.joinedAt(), ticket.turnAt()).toMillis());
		long progress = Math.min(100, Math.max(0, 100 * (totalMillis - waitMillis) / totalMillis));
		int position = this.line.position(ticket, now);
		String refreshUrl = "/?c=" + Query.encode(this.customerId) + "&e=" + Query.encode(eventId) + "&t="
				+ Query.encode(ticket.target()) + "&q=" + Query.encode(ticket.queueId());
		// No r: going back to a protected target would only queue the visitor again.
		String leaveUrl = "/cancel/" + Query.encode(this.customerId) + "/" + Query.encode(eventId) + "/"
				+ Query.encode(ticket.queueId());
		long refresh = Math.min(REFRESH_SECONDS, waitSeconds);
		String head = "<meta http-equiv=\"refresh\" content=\"" + refresh + ";url=" + Html.escape(refreshUrl) + "\">";
		String bodyAttributes = " data-wait-ms=\"" + waitMillis + "\" data-total-ms=\"" + totalMillis + "\"";
		String body = "<h1 id=\"title\">You are in line for " + Html.escape(eventId) + "</h1>"
				+ "<p>Your position in line: <strong id=\"position\">" + position + "</strong></p>"
				+ "<p>Estimated wait: <strong id=\"wait\">" + Html.waitText(waitSeconds) + "</strong></p>"
				+ "<div class=\"bar\" id=\"progress-bar\" role=\"progressbar\" aria-valuemin=\"0\" aria-valuemax=\"100\""
				+ " aria-valuenow=\"" + progress + "\"><div id=\"progress\" style=\"width:" + progress
				+ "%\"></div></div>" + "<p class=\"muted\">When it is your turn you go on to <code id=\"target\">"
				+ Html.escape(ticket.target()) + "</code>. This page refreshes by itself.</p>"
				+ "<p class=\"muted\">Queue id <code id=\"queue-id\">" + Html.escape(ticket.queueId()) + "</code>"
				+ (hasText(query.get("l")) ? " &middot; layout " + Html.escape(query.get("l")) : "") + "</p>"
				+ Html.link(leaveUrl, "Leave the line", "leave") + "<script>" + PROGRESS_SCRIPT + "</script>";
		return Response.page(200, "Waiting room: " + eventId, head, bodyAttributes, body);
	}

	// Animates the bar between refreshes; the meta refresh does the reloading, so the
	// page
	// behaves the same without JavaScript.
	private static final String PROGRESS_SCRIPT = "(function(){var d=document.body.dataset,w=+d.waitMs,t=+d.totalMs,"
			+ "s=Date.now(),b=document.getElementById('progress');setInterval(function(){"
			+ "var left=Math.max(0,w-(Date.now()-s));b.style.width=Math.min(100,100*(t-left)/t)+'%';},250);})();";

	private Response roomQIssuer(Query query) {
		String roomId = query.get("noq_c");
		RoomQRoom room = (roomId != null) ? this.roomQRooms.get(roomId) : null;
		if (room == null) {
			throw new BadRequestException(404,
					"Unknown room (noq_c): this ticket issuer serves " + this.roomQRooms.keySet() + ".");
		}
		String returnUrl = query.get("noq_r");
		if (returnUrl == null || !Query.isHttpUrl(returnUrl)) {
			throw new BadRequestException("The return URL (noq_r) must be an absolute http or https URL.");
		}
		Instant now = this.clock.instant();
		RoomQTicket presented = room.verify(query.get(ROOMQ_TICKET));
		// A missing, forged or foreign ticket starts a new visitor, as RoomQ would.
		String sessionId = (presented != null) ? presented.sessionId() : UUID.randomUUID().toString();
		String queueId = room.queueId(sessionId);
		WaitingLine.Ticket place = (queueId != null) ? this.line.find(queueId) : null;
		if (place == null) {
			place = this.line.join("roomq:" + room.roomId(), returnUrl, now);
			if (place == null) {
				throw new BadRequestException(503, "The line is full; try again later.");
			}
			room.remember(sessionId, place.queueId());
		}
		if (place.admitted(now)) {
			room.forget(sessionId);
			this.line.leave(place.queueId());
			String serving = room.sign(sessionId, RoomQTicket.SERVING, now.plus(this.roomQServingTime));
			return Response.redirect(withParameter(returnUrl, ROOMQ_TICKET, serving));
		}
		return roomQWaitingPage(room, sessionId, place, returnUrl, now);
	}

	private Response roomQWaitingPage(RoomQRoom room, String sessionId, WaitingLine.Ticket place, String returnUrl,
			Instant now) {
		long waitMillis = Duration.between(now, place.turnAt()).toMillis();
		long waitSeconds = Math.max(1, (waitMillis + 999) / 1000);
		long totalMillis = Math.max(1, Duration.between(place.joinedAt(), place.turnAt()).toMillis());
		long progress = Math.min(100, Math.max(0, 100 * (totalMillis - waitMillis) / totalMillis));
		int position = this.line.position(place, now);
		String refreshUrl = ROOMQ_ISSUER_PATH + "?" + ROOMQ_TICKET + "="
				+ Query.encode(room.sign(sessionId, RoomQTicket.QUEUE, null)) + "&noq_c=" + Query.encode(room.roomId())
				+ "&noq_r=" + Query.encode(returnUrl);
		long refresh = Math.min(REFRESH_SECONDS, waitSeconds);
		String head = "<meta http-equiv=\"refresh\" content=\"" + refresh + ";url=" + Html.escape(refreshUrl) + "\">";
		String bodyAttributes = " data-wait-ms=\"" + waitMillis + "\" data-total-ms=\"" + totalMillis + "\"";
		String body = "<h1 id=\"title\">You are in line for " + Html.escape(room.roomId()) + "</h1>"
				+ "<p class=\"muted\">RoomQ ticket issuer (simulated)</p>"
				+ "<p>Your position in line: <strong id=\"position\">" + position + "</strong></p>"
				+ "<p>Estimated wait: <strong id=\"wait\">" + Html.waitText(waitSeconds) + "</strong></p>"
				+ "<div class=\"bar\" id=\"progress-bar\" role=\"progressbar\" aria-valuemin=\"0\" aria-valuemax=\"100\""
				+ " aria-valuenow=\"" + progress + "\"><div id=\"progress\" style=\"width:" + progress
				+ "%\"></div></div>" + "<p class=\"muted\">When it is your turn you go on to <code id=\"target\">"
				+ Html.escape(returnUrl) + "</code>. This page refreshes by itself.</p>"
				+ "<p class=\"muted\">Session id <code id=\"queue-id\">" + Html.escape(sessionId) + "</code></p>"
				+ "<script>" + PROGRESS_SCRIPT + "</script>";
		return Response.page(200, "Waiting room: " + room.roomId(), head, bodyAttributes, body);
	}

	private Response errorPage(String code, Query query) {
		String eventId = checkCustomerAndEvent(query.get("c"), query.get("e"));
		String reason = switch (code) {
			case "hash" -> "The queue token's signature did not match: the token was modified, or the connector "
					+ "and the waiting room use different secret keys.";
			case "eventid" -> "The queue token was issued for another waiting room.";
			case "timestamp" -> "The queue token expired before it reached the site; check both clocks.";
			default -> "The connector reported an unknown error.";
		};
		String target = query.get("t");
		StringBuilder body = new StringBuilder("<h1>Something went wrong</h1><p>Error code <code id=\"code\">")
			.append(Html.escape(code))
			.append("</code></p><p id=\"reason\">")
			.append(Html.escape(reason))
			.append("</p>");
		if (target != null && Query.isHttpUrl(target)) {
			body.append(Html.link("/?c=" + Query.encode(this.customerId) + "&e=" + Query.encode(eventId) + "&t="
					+ Query.encode(target), "Join the line again", "rejoin"))
				.append(" ")
				.append(Html.link(target, "Back to the site", "back"));
		}
		else if (this.events.get(eventId) != null) {
			body.append(Html.link("/?c=" + Query.encode(this.customerId) + "&e=" + Query.encode(eventId),
					"Join the line again", "rejoin"));
		}
		return Response.page(200, "Waiting room error", "", "", body.toString());
	}

	private Response cancel(String pathCustomer, String pathEvent, @Nullable String queueId, Query query) {
		String eventId = checkCustomerAndEvent(decodeSegment(pathCustomer), decodeSegment(pathEvent));
		String queryCustomer = query.get("c");
		String queryEvent = query.get("e");
		if ((queryCustomer != null && !queryCustomer.equals(this.customerId))
				|| (queryEvent != null && !queryEvent.equals(eventId))) {
			throw new BadRequestException("The customer or event in the query does not match the address.");
		}
		String returnUrl = query.get("r");
		if (hasText(returnUrl) && !Query.isHttpUrl(returnUrl)) {
			throw new BadRequestException("The return URL (r) must be an absolute http or https URL.");
		}
		if (queueId != null && !queueId.isEmpty()) {
			this.line.leave(decodeSegment(queueId));
		}
		if (returnUrl != null && !returnUrl.isEmpty()) {
			return Response.redirect(returnUrl);
		}
		return Response.page(200, "You left the line",
				"<h1 id=\"title\">You left the line for " + Html.escape(eventId) + "</h1>");
	}

	private Response integrationConfig(String requestedCustomer, @Nullable String givenApiKey) throws IOException {
		if (!decodeSegment(requestedCustomer).equals(this.customerId)) {
			throw new BadRequestException(404, "Unknown customer.");
		}
		String expected = this.apiKey;
		if (expected == null || givenApiKey == null || !Hmac.constantTimeEquals(expected, givenApiKey)) {
			return Response.text(401, "text/plain", "Missing or wrong api-key header.");
		}
		ConfigFile file = this.configFile;
		if (file == null) {
			throw new BadRequestException(404, "No integration config has been published.");
		}
		byte[] document;
		try {
			document = file.read();
		}
		catch (IOException | UncheckedIOException ex) {
			return Response.text(503, "text/plain", "The integration config file cannot be read.");
		}
		return new Response(200, "application/json; charset=utf-8", document, null);
	}

	private String checkCustomerAndEvent(@Nullable String customer, @Nullable String eventId) {
		if (customer == null || !customer.equals(this.customerId)) {
			throw new BadRequestException(404, "Unknown customer: this waiting room only serves '" + this.customerId
					+ "'. Check queueit.customer-id.");
		}
		if (eventId == null || !this.events.containsKey(eventId)) {
			throw new BadRequestException(404, "Unknown event: this waiting room serves " + this.events.keySet() + ".");
		}
		return eventId;
	}

	private static String decodeSegment(String segment) {
		return Query.decodePathSegment(segment);
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	static String withToken(String target, String token) {
		return withParameter(target, QUEUE_TOKEN, token);
	}

	static String withParameter(String target, String name, String value) {
		int hash = target.indexOf('#');
		String base = (hash >= 0) ? target.substring(0, hash) : target;
		String fragment = (hash >= 0) ? target.substring(hash) : "";
		char separator = (base.indexOf('?') >= 0) ? '&' : '?';
		return base + separator + name + "=" + value + fragment;
	}

	private static void send(HttpExchange exchange, Response response) throws IOException {
		var headers = exchange.getResponseHeaders();
		headers.set("Cache-Control", "no-store");
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("X-Frame-Options", "DENY");
		headers.set("Referrer-Policy", "no-referrer");
		headers.set("Content-Security-Policy",
				"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'none'");
		if (response.location() != null) {
			headers.set("Location", response.location());
		}
		if (response.body().length > 0) {
			headers.set("Content-Type", response.contentType());
		}
		boolean head = exchange.getRequestMethod().equals("HEAD");
		long length = (head || response.body().length == 0) ? -1 : response.body().length;
		exchange.sendResponseHeaders(response.status(), length);
		if (length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(response.body());
			}
		}
	}

	private record Response(int status, String contentType, byte[] body, @Nullable String location) {

		static Response page(int status, String title, String body) {
			return page(status, title, "", "", body);
		}

		static Response page(int status, String title, String head, String bodyAttributes, String body) {
			return new Response(status, "text/html; charset=utf-8",
					Html.page(title, head, bodyAttributes, body).getBytes(StandardCharsets.UTF_8), null);
		}

		static Response text(int status, String contentType, String text) {
			return new Response(status, contentType + "; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), null);
		}

		static Response redirect(String location) {
			return new Response(302, "", new byte[0], location);
		}

	}

	/**
	 * Builds and starts a {@link WaitingRoomSimulator}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final String customerId;

		private final String secretKey;

		private @Nullable String apiKey;

		private final Map<String, @Nullable String> events = new LinkedHashMap<>();

		private final Map<String, Set<String>> inviteOnly = new LinkedHashMap<>();

		private @Nullable Path integrationConfig;

		private int outflowPerMinute = 60;

		private Duration tokenValidity = Duration.ofMinutes(3);

		private Clock clock = Clock.systemUTC();

		private final Map<String, String> roomQRooms = new LinkedHashMap<>();

		private Duration roomQServingTime = Duration.ofMinutes(10);

		private InetAddress bindAddress = InetAddress.getLoopbackAddress();

		private int port;

		private Builder(String customerId, String secretKey) {
			if (customerId == null || customerId.isBlank() || !isTokenSafe(customerId)) {
				throw new IllegalArgumentException("customerId must be letters, digits and '-'");
			}
			if (secretKey == null || secretKey.isBlank()) {
				throw new IllegalArgumentException("secretKey must not be blank");
			}
			this.customerId = customerId;
			this.secretKey = secretKey;
		}

		/**
		 * Serves an event whose target URL comes from the connector ({@code t}).
		 * @param eventId the event id: letters, digits and '-'
		 * @return this builder
		 */
		public Builder event(String eventId) {
			return event(eventId, null);
		}

		/**
		 * Serves an event with a target URL used when the connector sends none
		 * ({@code EventTargetUrl} redirect logic).
		 * @param eventId the event id: letters, digits and '-'
		 * @param targetUrl the event's own target URL, an absolute http or https URL, or
		 * {@code null}
		 * @return this builder
		 */
		public Builder event(String eventId, @Nullable String targetUrl) {
			// '_' and '~' would break the token's key_value~ format (spec 1.2).
			if (eventId == null || eventId.isEmpty() || !isTokenSafe(eventId)) {
				throw new IllegalArgumentException("event id must be letters, digits and '-', was '" + eventId + "'");
			}
			if (targetUrl != null && !Query.isHttpUrl(targetUrl)) {
				throw new IllegalArgumentException(
						"target URL of event '" + eventId + "' must be an absolute http(s) URL");
			}
			this.events.put(eventId, targetUrl);
			return this;
		}

		/**
		 * Makes an event invite-only: a visitor joins its line only with a valid enqueue
		 * token (spec 10) signed with the secret key, unexpired, for this customer and
		 * event, whose key is one of {@code invitedKeys} (any key when it is empty).
		 * @param eventId a registered event
		 * @param invitedKeys the keys that are let in, or none for any key
		 * @return this builder
		 */
		public Builder inviteOnly(String eventId, Set<String> invitedKeys) {
			if (!this.events.containsKey(eventId)) {
				throw new IllegalArgumentException("register event '" + eventId + "' before making it invite-only");
			}
			this.inviteOnly.put(eventId, Set.copyOf(invitedKeys));
			return this;
		}

		/**
		 * Issues RoomQ tickets for a room, signed with its room secret.
		 * @param roomId the room id ({@code noq_c}): letters, digits and '-'
		 * @param roomSecret the room secret shared with the connector
		 * @return this builder
		 */
		public Builder roomQRoom(String roomId, String roomSecret) {
			if (roomId == null || roomId.isEmpty() || !isTokenSafe(roomId)) {
				throw new IllegalArgumentException("room id must be letters, digits and '-', was '" + roomId + "'");
			}
			if (roomSecret == null || roomSecret.isBlank()) {
				throw new IllegalArgumentException("room secret of room '" + roomId + "' must not be blank");
			}
			this.roomQRooms.put(roomId, roomSecret);
			return this;
		}

		/**
		 * Sets how long a RoomQ serving ticket admits its holder (its {@code deadline});
		 * 10 minutes unless set.
		 * @param servingTime the serving window, at least one second
		 * @return this builder
		 */
		public Builder roomQServingTime(Duration servingTime) {
			if (servingTime.getSeconds() < 1) {
				throw new IllegalArgumentException("serving time must be at least one second");
			}
			this.roomQServingTime = servingTime;
			return this;
		}

		/**
		 * Sets the API key the GO endpoint requires in the {@code api-key} header;
		 * without one the endpoint refuses every request.
		 * @param apiKey the API key
		 * @return this builder
		 */
		public Builder apiKey(@Nullable String apiKey) {
			this.apiKey = (apiKey == null || apiKey.isBlank()) ? null : apiKey;
			return this;
		}

		/**
		 * Sets the integration config file served by the GO endpoint and pushed by
		 * {@link WaitingRoomSimulator#pushIntegrationConfig(URI)}; it is read again when
		 * it changes.
		 * @param file the JSON document
		 * @return this builder
		 */
		public Builder integrationConfig(@Nullable Path file) {
			this.integrationConfig = file;
			return this;
		}

		/**
		 * Sets how many visitors per minute are let in (60 unless set).
		 * @param outflowPerMinute visitors per minute, 1 to {@value #MAX_OUTFLOW}
		 * @return this builder
		 */
		public Builder outflow(int outflowPerMinute) {
			WaitingLine.interval(outflowPerMinute);
			this.outflowPerMinute = outflowPerMinute;
			return this;
		}

		/**
		 * Sets how long an issued token stays valid ({@code ts}); 3 minutes unless set.
		 * @param validity the validity, positive
		 * @return this builder
		 */
		public Builder tokenValidity(Duration validity) {
			if (validity.isNegative() || validity.isZero()) {
				throw new IllegalArgumentException("token validity must be positive");
			}
			this.tokenValidity = validity;
			return this;
		}

		/**
		 * Sets the clock (the system UTC clock unless set).
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Sets the port; 0, the default, picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be between 0 and 65535");
			}
			this.port = port;
			return this;
		}

		/**
		 * Sets the address to listen on; the loopback address unless set.
		 * @param address the address
		 * @return this builder
		 */
		public Builder bindAddress(InetAddress address) {
			this.bindAddress = Objects.requireNonNull(address, "address");
			return this;
		}

		/**
		 * Starts the simulator.
		 * @return the running simulator
		 * @throws IOException if the port cannot be bound
		 * @throws IllegalStateException if no event and no RoomQ room is configured
		 */
		public WaitingRoomSimulator start() throws IOException {
			if (this.events.isEmpty() && this.roomQRooms.isEmpty()) {
				throw new IllegalStateException("configure at least one event or RoomQ room");
			}
			return new WaitingRoomSimulator(this);
		}

		private static boolean isTokenSafe(String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
					return false;
				}
			}
			return true;
		}

	}

}

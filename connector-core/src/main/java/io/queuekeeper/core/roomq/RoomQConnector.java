package io.queuekeeper.core.roomq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.QueueEventConfig;
import io.queuekeeper.core.ResultType;
import io.queuekeeper.core.ValidationResult;
import io.queuekeeper.core.WaitingRoomProvider;
import io.queuekeeper.core.enqueue.RandomIdentifiers;
import io.queuekeeper.core.http.ConnectorRequest;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.http.ResponseHeader;
import org.jspecify.annotations.Nullable;

/**
 * The RoomQ engine: decides from the visitor's ticket whether a request enters or goes to
 * RoomQ's ticket issuer, as RoomQ's backend SDKs do, with their defects fixed.
 *
 * <p>
 * <strong>Which ticket counts.</strong> The request may carry a ticket in the query
 * parameter {@code noq_t} (RoomQ hands it back there) and in the cookie
 * {@code be_roomq_t_{roomId}}. A cookie ticket that admits wins; otherwise a valid query
 * ticket, unless the cookie holds a valid ticket of another session and the query ticket
 * does not admit; otherwise a valid cookie ticket. So a link with a forged, foreign or
 * stale {@code noq_t} never replaces a cookie that admits, and a link with someone else's
 * waiting ticket never swaps a waiting visitor's session. "Valid" is defined by
 * {@link RoomQTickets}, which also checks the room, the algorithm and {@code exp}.
 *
 * <p>
 * <strong>Decision ladder</strong> (the first matching row wins):
 * <ol>
 * <li>no valid ticket, or its {@code session_id} differs from a given session id: a new
 * {@code self-sign} ticket is minted and the visitor is sent to the issuer;</li>
 * <li>a {@code deadline} before now: the visitor is sent to the issuer with the same
 * ticket, so RoomQ recognises them;</li>
 * <li>a type among {@link RoomQSettings#admittedTypes()} ({@code serving},
 * {@code stopped}, {@code bot} by default): the visitor enters;</li>
 * <li>anything else ({@code queue}, {@code self-sign}, a missing or unknown type): the
 * visitor is sent to the issuer with the same ticket.</li>
 * </ol>
 * Every decision writes the ticket in use to the cookie ({@code Path=/}, renewed
 * lifetime). A visitor who enters with {@code noq_t} in the URL is redirected to the same
 * URL without it. Redirects carry {@code Location} and the no-cache headers.
 *
 * <p>
 * <strong>Mapping onto {@link ValidationResult}.</strong> {@code actionType} is
 * {@link ResultType#QUEUE} (or {@link ResultType#CANCEL} for a leave); {@code actionName}
 * is {@value QueueEventConfig#LOCAL_ACTION_NAME}; {@code eventId} is the room id;
 * {@code queueId} is the {@code session_id} of the visitor's valid ticket, or
 * {@code null} when a new ticket was minted; {@code redirectType} is that ticket's type
 * ({@code serving}, {@code stopped}, {@code bot}, {@code queue}, ...), the counterpart of
 * Queue-it's {@code queue}, {@code disabled} or {@code safetynet}; {@code redirectUrl} is
 * the issuer URL when the visitor must queue, otherwise {@code null}; {@code ajax} is
 * always {@code false}, because RoomQ has no AJAX protocol.
 *
 * <p>
 * Instances are immutable and thread-safe. Nothing here does I/O; the optional remote
 * operations live in the starter.
 *
 * @since 0.1.0
 */
public final class RoomQConnector implements WaitingRoomProvider {

	/** The value of {@link #name()}. */
	public static final String NAME = "roomq";

	/** The query parameter that carries a ticket. */
	public static final String TICKET_PARAMETER = TicketUrls.TICKET;

	/** The prefix of the ticket cookie's name; the room id follows. */
	public static final String COOKIE_PREFIX = "be_roomq_t_";

	private static final List<ResponseHeader> NO_CACHE = List.of(
			new ResponseHeader("Cache-Control", "no-cache, no-store, must-revalidate, max-age=0"),
			new ResponseHeader("Pragma", "no-cache"), new ResponseHeader("Expires", "Fri, 01 Jan 1990 00:00:00 GMT"));

	private final RoomQSettings settings;

	private final RoomQTickets tickets;

	private final String cookieName;

	// UUID.randomUUID() reads /dev/urandom, a blocking call on a reactive event loop.
	private final RandomIdentifiers sessionIds = new RandomIdentifiers();

	/**
	 * Creates a connector.
	 * @param settings the room settings
	 */
	public RoomQConnector(RoomQSettings settings) {
		this.settings = settings;
		this.tickets = new RoomQTickets(settings);
		this.cookieName = COOKIE_PREFIX + settings.roomId();
	}

	/**
	 * Returns the settings of this connector.
	 */
	public RoomQSettings settings() {
		return this.settings;
	}

	/**
	 * Returns the verifier and minter of this room's tickets.
	 */
	public RoomQTickets tickets() {
		return this.tickets;
	}

	/**
	 * Returns the name of the ticket cookie, {@code be_roomq_t_{roomId}}.
	 */
	public String cookieName() {
		return this.cookieName;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Set<String> rooms() {
		return Set.of(this.settings.roomId());
	}

	@Override
	public Decision protect(ConnectorRequest request, String room, Action action) {
		if (!this.settings.roomId().equals(room)) {
			throw new RoomQConfigurationException("Room '" + room + "' is not configured: roomq.room-id is '"
					+ this.settings.roomId() + "'; use that id in @QueueProtected");
		}
		return (action == Action.CANCEL) ? leave(request) : queue(request);
	}

	/**
	 * Decides a request: enter, or go to the ticket issuer.
	 * @param request the request
	 * @return the decision
	 */
	public Decision queue(ConnectorRequest request) {
		return queue(request, null, null);
	}

	/**
	 * Decides a request: enter, or go to the ticket issuer.
	 * @param request the request
	 * @param sessionId the identity the ticket must carry (e.g. a user id), or
	 * {@code null} for any
	 * @param returnUrl where RoomQ sends the visitor back, or {@code null} for the
	 * request URL; it must come from the application, never from request input
	 * @return the decision
	 */
	public Decision queue(ConnectorRequest request, @Nullable String sessionId, @Nullable String returnUrl) {
		Instant now = this.settings.clock().instant();
		String url = request.url();
		RoomQTicket ticket = current(request, url, sessionId, now);
		String token;
		if (ticket == null) {
			token = this.tickets.mint((sessionId != null) ? sessionId : this.sessionIds.get().toString());
		}
		else {
			token = ticket.token();
		}
		List<CookieInstruction> cookies = List.of(cookie(token, url));
		String queueId = (ticket != null) ? ticket.sessionId() : null;
		String type = (ticket != null) ? ticket.type() : null;
		if (ticket != null && admits(ticket, now)) {
			ValidationResult result = result(ResultType.QUEUE, queueId, type, null);
			return TicketUrls.mentionsTicket(url) ? redirect(result, TicketUrls.withoutTicket(url), cookies)
					: new Decision.Proceed(result, cookies, List.of());
		}
		String target = TicketUrls.withoutTicket((returnUrl != null) ? returnUrl : url);
		String location = TicketUrls.issuerRedirect(this.settings.ticketIssuer(), token, this.settings.roomId(),
				target);
		return redirect(result(ResultType.QUEUE, queueId, type, location), location, cookies);
	}

	/**
	 * Ends the visitor's admission locally: the cookie gets a new {@code self-sign}
	 * ticket that keeps the session id of the current valid ticket, so the next protected
	 * request goes to the issuer and RoomQ still recognises the visitor. The request
	 * itself proceeds (after a redirect that removes {@code noq_t}, if the URL has it).
	 * Freeing the slot at RoomQ is a remote operation, done off the request path with the
	 * ticket from {@link #currentTicket(ConnectorRequest)}.
	 * @param request the request
	 * @return the decision
	 */
	public Decision leave(ConnectorRequest request) {
		Instant now = this.settings.clock().instant();
		String url = request.url();
		RoomQTicket ticket = current(request, url, null, now);
		String sessionId = (ticket != null) ? ticket.sessionId() : this.sessionIds.get().toString();
		List<CookieInstruction> cookies = List.of(cookie(this.tickets.mint(sessionId), url));
		ValidationResult result = result(ResultType.CANCEL, (ticket != null) ? ticket.sessionId() : null,
				(ticket != null) ? ticket.type() : null, null);
		return TicketUrls.mentionsTicket(url) ? redirect(result, TicketUrls.withoutTicket(url), cookies)
				: new Decision.Proceed(result, cookies, List.of());
	}

	/**
	 * Returns the ticket that counts for this request, chosen as described above, or
	 * empty when it carries no valid one.
	 */
	public Optional<RoomQTicket> currentTicket(ConnectorRequest request) {
		return Optional.ofNullable(current(request, request.url(), null, this.settings.clock().instant()));
	}

	/**
	 * Whether a verified ticket admits its holder now.
	 */
	public boolean admits(RoomQTicket ticket) {
		return admits(ticket, this.settings.clock().instant());
	}

	/**
	 * Returns the cookie that stores a ticket, e.g. a new one returned by RoomQ after an
	 * extension.
	 * @param ticket the verified ticket
	 * @param secureRequest whether the request came over https, which makes the cookie
	 * Secure
	 * @return the cookie instruction
	 */
	public CookieInstruction ticketCookie(RoomQTicket ticket, boolean secureRequest) {
		return new CookieInstruction(this.cookieName, ticket.token(), this.settings.cookieMaxAge(),
				this.settings.cookieDomain(), "/", this.settings.cookieHttpOnly(),
				this.settings.cookieSecure() || secureRequest);
	}

	private @Nullable RoomQTicket current(ConnectorRequest request, String url, @Nullable String sessionId,
			Instant now) {
		RoomQTicket fromCookie = valid(request.cookie(this.cookieName), sessionId, now);
		if (fromCookie != null && admits(fromCookie, now)) {
			return fromCookie;
		}
		RoomQTicket fromQuery = valid(TicketUrls.ticket(url), sessionId, now);
		if (fromQuery == null) {
			return fromCookie;
		}
		// A link carrying someone else's waiting ticket must not swap the visitor's
		// session (spec S6): another session's ticket counts only when it admits.
		if (fromCookie != null && !fromCookie.sessionId().equals(fromQuery.sessionId()) && !admits(fromQuery, now)) {
			return fromCookie;
		}
		return fromQuery;
	}

	private @Nullable RoomQTicket valid(@Nullable String token, @Nullable String sessionId, Instant now) {
		RoomQTicket ticket = this.tickets.check(token, now).ticket();
		if (ticket == null || (sessionId != null && !sessionId.equals(ticket.sessionId()))) {
			return null;
		}
		return ticket;
	}

	private boolean admits(RoomQTicket ticket, Instant now) {
		return !ticket.isPastDeadline(now) && ticket.type() != null
				&& this.settings.admittedTypes().contains(ticket.type());
	}

	private CookieInstruction cookie(String token, String url) {
		return new CookieInstruction(this.cookieName, token, this.settings.cookieMaxAge(), this.settings.cookieDomain(),
				"/", this.settings.cookieHttpOnly(),
				this.settings.cookieSecure() || url.regionMatches(true, 0, "https:", 0, 6));
	}

	private ValidationResult result(ResultType type, @Nullable String queueId, @Nullable String ticketType,
			@Nullable String location) {
		return new ValidationResult(type, QueueEventConfig.LOCAL_ACTION_NAME, this.settings.roomId(), queueId,
				ticketType, location, false);
	}

	private static Decision redirect(ValidationResult result, String location, List<CookieInstruction> cookies) {
		List<ResponseHeader> headers = new ArrayList<>(4);
		headers.add(new ResponseHeader("Location", location));
		headers.addAll(NO_CACHE);
		return new Decision.Redirect(result, location, cookies, headers);
	}

}

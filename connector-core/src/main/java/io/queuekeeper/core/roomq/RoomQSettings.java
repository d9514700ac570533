package io.queuekeeper.core.roomq;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The settings of one RoomQ room.
 *
 * @param roomId the room id ({@code ROOM_ID}); letters, digits, {@code .}, {@code _} and
 * {@code -}, because it is part of the cookie name
 * @param roomSecret the secret shared with RoomQ that signs tickets; never printed
 * @param ticketIssuer the absolute URL of RoomQ's ticket issuer, without query or
 * fragment; {@code https}, or {@code http} on a loopback host (a local simulator)
 * @param clock the clock for deadlines and expiry
 * @param cookieMaxAge the lifetime of the ticket cookie, renewed on every decision
 * @param cookieDomain the Domain attribute of the ticket cookie, or {@code null} for a
 * host-only cookie
 * @param cookieHttpOnly whether the ticket cookie is hidden from scripts; RoomQ's
 * client-side script needs {@code false}
 * @param cookieSecure whether the ticket cookie is always Secure; it is Secure on
 * {@code https} requests in any case
 * @param admittedTypes the ticket types that let a visitor in; {@code queue} and
 * {@code self-sign} can never be among them
 * @since 0.1.0
 */
public record RoomQSettings(String roomId, String roomSecret, String ticketIssuer, Clock clock, Duration cookieMaxAge,
		@Nullable String cookieDomain, boolean cookieHttpOnly, boolean cookieSecure, Set<String> admittedTypes) {

	/** The lifetime of the ticket cookie used by every RoomQ SDK. */
	public static final Duration DEFAULT_COOKIE_MAX_AGE = Duration.ofHours(12);

	/**
	 * The ticket types admitted by default: {@code serving}, and {@code stopped} and
	 * {@code bot}, which RoomQ issues while a room is off or for allowed bots.
	 */
	public static final Set<String> DEFAULT_ADMITTED_TYPES = Set.of(RoomQTicket.SERVING, RoomQTicket.STOPPED,
			RoomQTicket.BOT);

	private static final Pattern ROOM_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

	private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

	private static final Pattern COOKIE_DOMAIN = Pattern.compile("\\.?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");

	/**
	 * Validates the settings.
	 * @throws RoomQConfigurationException naming the first unusable setting
	 */
	public RoomQSettings {
		Objects.requireNonNull(clock, "clock");
		if (roomId == null || !ROOM_ID.matcher(roomId).matches()) {
			throw new RoomQConfigurationException("roomId must be 1 to 128 letters, digits, '.', '_' or '-', was '"
					+ roomId + "': set it to the room id shown in the RoomQ portal");
		}
		if (roomSecret == null || roomSecret.isBlank()) {
			throw new RoomQConfigurationException(
					"roomSecret must not be blank: set it to the room's secret from the RoomQ portal");
		}
		ticketIssuer = checkEndpoint("ticketIssuer", ticketIssuer);
		if (cookieMaxAge == null || cookieMaxAge.isNegative() || cookieMaxAge.getSeconds() < 1) {
			throw new RoomQConfigurationException(
					"cookieMaxAge must be at least one second, e.g. 12h; was " + cookieMaxAge);
		}
		if (cookieDomain != null && cookieDomain.isBlank()) {
			cookieDomain = null;
		}
		if (cookieDomain != null && !COOKIE_DOMAIN.matcher(cookieDomain).matches()) {
			throw new RoomQConfigurationException(
					"cookieDomain '" + cookieDomain + "' is not a host name, e.g. .shop.example.com");
		}
		admittedTypes = Set.copyOf(admittedTypes);
		if (admittedTypes.contains(RoomQTicket.QUEUE) || admittedTypes.contains(RoomQTicket.SELF_SIGN)) {
			throw new RoomQConfigurationException(
					"admittedTypes must not contain '" + RoomQTicket.QUEUE + "' or '" + RoomQTicket.SELF_SIGN
							+ "': those tickets mean the visitor is still waiting; was " + admittedTypes);
		}
	}

	/**
	 * Creates settings with the defaults: the system UTC clock, a host-only, HttpOnly
	 * cookie valid for 12 hours, and {@link #DEFAULT_ADMITTED_TYPES}.
	 */
	public static RoomQSettings of(String roomId, String roomSecret, String ticketIssuer) {
		return new RoomQSettings(roomId, roomSecret, ticketIssuer, Clock.systemUTC(), DEFAULT_COOKIE_MAX_AGE, null,
				true, false, DEFAULT_ADMITTED_TYPES);
	}

	/**
	 * Returns a copy that uses another clock.
	 */
	public RoomQSettings withClock(Clock clock) {
		return new RoomQSettings(this.roomId, this.roomSecret, this.ticketIssuer, clock, this.cookieMaxAge,
				this.cookieDomain, this.cookieHttpOnly, this.cookieSecure, this.admittedTypes);
	}

	/**
	 * Checks an absolute endpoint URL: {@code https}, or {@code http} on a loopback host;
	 * no user info, query or fragment. Trailing slashes are removed.
	 * @param name the setting name for the message
	 * @param value the URL
	 * @return the URL without trailing slashes
	 * @throws RoomQConfigurationException if the URL is unusable
	 */
	public static String checkEndpoint(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new RoomQConfigurationException(name + " must not be blank: set it to the URL RoomQ gave you");
		}
		URI uri;
		try {
			uri = new URI(value.trim());
		}
		catch (URISyntaxException ex) {
			throw new RoomQConfigurationException(name + " '" + value + "' is not a valid URL", ex);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = uri.getHost();
		if (!uri.isAbsolute() || host == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw new RoomQConfigurationException(
					name + " '" + value + "' must be an absolute https URL, e.g. https://tickets.example/tickets");
		}
		if (scheme.equals("http") && !isLoopback(host)) {
			throw new RoomQConfigurationException(name + " '" + value
					+ "' must use https; plain http is accepted only for localhost, e.g. a local simulator");
		}
		if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new RoomQConfigurationException(
					name + " '" + value + "' must not have user info, a query or a fragment");
		}
		String trimmed = value.trim();
		while (trimmed.endsWith("/") && trimmed.length() > scheme.length() + 3) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed;
	}

	/**
	 * Whether a host name is {@code localhost} or a loopback address literal.
	 */
	public static boolean isLoopback(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		return lower.equals("localhost") || lower.endsWith(".localhost") || LOOPBACK_V4.matcher(lower).matches()
				|| lower.equals("[::1]") || lower.equals("::1");
	}

	@Override
	public String toString() {
		return "RoomQSettings[roomId=" + this.roomId + ", roomSecret=******, ticketIssuer=" + this.ticketIssuer
				+ ", cookieMaxAge=" + this.cookieMaxAge + ", cookieDomain=" + this.cookieDomain + ", cookieHttpOnly="
				+ this.cookieHttpOnly + ", cookieSecure=" + this.cookieSecure + ", admittedTypes=" + this.admittedTypes
				+ "]";
	}

}

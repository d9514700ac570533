package io.queuekeeper.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * The checks every event definition passes, whether it comes from GO or from code. Each
 * returns why a value is unusable, or {@code null} when it is fine.
 */
public final class EventChecks {

	// The separators of a cookie name, plus the '&' that separates the session cookie's
	// fields.
	private static final String FORBIDDEN = "()<>@,;:\\\"/[]?={}&";

	private EventChecks() {
	}

	/**
	 * Returns why the value cannot be an event id (it becomes part of a cookie name), or
	 * {@code null} when it can.
	 */
	public static @Nullable String eventIdProblem(@Nullable String eventId) {
		if (Strings.isBlank(eventId)) {
			return "must not be blank";
		}
		for (int i = 0; i < eventId.length(); i++) {
			char c = eventId.charAt(i);
			if (c <= 0x20 || c >= 0x7F || FORBIDDEN.indexOf(c) >= 0) {
				return "'" + eventId
						+ "' may only contain letters, digits and the characters allowed in a cookie name, except '&'";
			}
		}
		return null;
	}

	/**
	 * Returns why the value cannot be a queue domain, or {@code null} when it can.
	 */
	public static @Nullable String queueDomainProblem(@Nullable String queueDomain) {
		if (Strings.isBlank(queueDomain)) {
			return "must not be blank";
		}
		if (queueDomain.contains("://") || queueDomain.regionMatches(true, 0, "http:", 0, 5)
				|| queueDomain.regionMatches(true, 0, "https:", 0, 6)) {
			return "'" + queueDomain + "' must be a host name without a scheme, e.g. acme.queue-it.net";
		}
		for (int i = 0; i < queueDomain.length(); i++) {
			char c = queueDomain.charAt(i);
			if (c <= 0x20 || c == 0x7F || Character.isWhitespace(c) || c == '?' || c == '#' || c == '\\') {
				return "'" + queueDomain + "' must be a host name (optionally with a path) without spaces, '?' or '#'";
			}
		}
		return null;
	}

}

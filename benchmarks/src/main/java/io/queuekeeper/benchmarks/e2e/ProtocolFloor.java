package io.queuekeeper.benchmarks.e2e;

import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.internal.HmacSha256;
import io.queuekeeper.core.token.SessionCookies;
import org.jspecify.annotations.Nullable;

/**
 * The least that any KnownUser connector must do for a visitor with a valid session
 * cookie, done as directly as this benchmark can: find the cookie in the {@code Cookie}
 * header, check its signature, event and age, sign it again with the current time and
 * render the {@code Set-Cookie} header that carries it. No integration is matched,
 * nothing is configured, no decision is built, and only the layout the engine writes is
 * read.
 *
 * <p>
 * It serves the {@code floor+cookie} scenario of {@link EndToEndBenchmark}: what the
 * protocol itself costs a request on each stack, next to what the starter costs. Its two
 * signatures are the engine's {@link HmacSha256}, the fastest HMAC-SHA256 here, and its
 * header is rendered by the engine's {@link CookieInstruction}, so that it sends the same
 * bytes as the starter.
 */
final class ProtocolFloor {

	/** The path it serves; every other path goes on untouched. */
	static final String PATH = "/floor/hello";

	private static final String SEPARATOR = "%26";

	private static final String EQUALS = "%3D";

	private static final String HASH_FIELD = "%26Hash%3D";

	/** The fields of the engine's layout, in order: the hash is the last. */
	private static final int FIELDS = 5;

	private static final int ISSUE_TIME = 3;

	private final HmacSha256 hmac;

	private final String eventId;

	private final String cookieName;

	private final String cookiePrefix;

	private final String cookieDomain;

	private final long validitySeconds;

	/**
	 * Creates the floor of one event.
	 * @param secretKey the secret the cookies are signed with
	 * @param eventId the event of the session cookie
	 * @param cookieDomain the cookie's {@code Domain}
	 * @param validityMinutes how long a cookie stays valid after it is issued
	 */
	ProtocolFloor(String secretKey, String eventId, String cookieDomain, int validityMinutes) {
		this.hmac = new HmacSha256(secretKey);
		this.eventId = eventId;
		this.cookieName = SessionCookies.name(eventId);
		this.cookiePrefix = this.cookieName + "=";
		this.cookieDomain = cookieDomain;
		this.validitySeconds = 60L * validityMinutes;
	}

	/**
	 * Returns the {@code Set-Cookie} value that re-issues the session cookie of the
	 * {@code Cookie} header, or {@code null} when the header has none, or one that is not
	 * in the engine's layout, not signed with the secret, for another event or expired.
	 */
	@Nullable String reissue(@Nullable String cookieHeader, long nowEpochSeconds) {
		String value = cookieValue(cookieHeader);
		if (value == null) {
			return null;
		}
		int[] starts = new int[FIELDS];
		int[] ends = new int[FIELDS];
		int at = 0;
		for (int field = 0; field < FIELDS; field++) {
			int equals = value.indexOf(EQUALS, at);
			if (equals < 0) {
				return null;
			}
			starts[field] = equals + EQUALS.length();
			ends[field] = (field < FIELDS - 1) ? value.indexOf(SEPARATOR, starts[field]) : value.length();
			if (ends[field] < 0) {
				return null;
			}
			at = ends[field] + SEPARATOR.length();
		}
		HmacSha256.Message signed = this.hmac.message();
		for (int field = 0; field < FIELDS - 1; field++) {
			signed.append(value, starts[field], ends[field]);
		}
		if (!signed.signatureEquals(value, starts[FIELDS - 1], ends[FIELDS - 1])
				|| ends[0] - starts[0] != this.eventId.length() || !value.startsWith(this.eventId, starts[0])) {
			return null;
		}
		long issued = issueTime(value, starts[ISSUE_TIME], ends[ISSUE_TIME]);
		if (issued < 0 || issued + this.validitySeconds < nowEpochSeconds) {
			return null;
		}
		StringBuilder reissued = new StringBuilder(value.length() + 8).append(value, 0, starts[ISSUE_TIME])
			.append(nowEpochSeconds)
			.append(HASH_FIELD);
		HmacSha256.Message next = this.hmac.message();
		for (int field = 0; field < ISSUE_TIME; field++) {
			next.append(value, starts[field], ends[field]);
		}
		next.append(nowEpochSeconds).appendHexTo(reissued);
		return new CookieInstruction(this.cookieName, reissued.toString(), SessionCookies.MAX_AGE, this.cookieDomain,
				"/", true, true)
			.toSetCookieHeader("Lax");
	}

	/**
	 * The issue time written as 1 to 18 decimal digits, as the engine reads it (no sign),
	 * or -1.
	 */
	private static long issueTime(String value, int from, int to) {
		if (to == from || to - from > 18) {
			return -1;
		}
		long issued = 0;
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			issued = 10 * issued + (c - '0');
		}
		return issued;
	}

	/**
	 * The value of the session cookie in a {@code Cookie} header ({@code name=value}
	 * pairs separated by {@code ;} and optional spaces), or {@code null}.
	 */
	private @Nullable String cookieValue(@Nullable String header) {
		if (header == null) {
			return null;
		}
		int from = 0;
		while (from < header.length()) {
			while (from < header.length() && header.charAt(from) == ' ') {
				from++;
			}
			int end = header.indexOf(';', from);
			if (end < 0) {
				end = header.length();
			}
			if (header.startsWith(this.cookiePrefix, from)) {
				return header.substring(from + this.cookiePrefix.length(), end);
			}
			from = end + 1;
		}
		return null;
	}

}

package io.queuekeeper.core.token;

import java.time.Duration;
import java.util.Locale;

import io.queuekeeper.core.http.ConnectorRequest;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.internal.HmacSha256;
import io.queuekeeper.core.internal.Strings;
import io.queuekeeper.core.internal.UrlCodec;
import org.jspecify.annotations.Nullable;

/**
 * Reads, writes and clears the signed session cookie
 * {@code QueueITAccepted-SDFrts345E-V3_<eventId>}. Thread-safe.
 *
 * <p>
 * Unlike Queue-it's Java connector, reading fails closed: a value that cannot be decoded,
 * a non-numeric issue time or validity, or any other inconsistency makes the cookie
 * invalid. Empty values (a token without {@code q}) are accepted, so visitors returning
 * from an after-event or safety-net redirect keep their session.
 *
 * @since 0.1.0
 */
public final class SessionCookies {

	/** Prefix of the session cookie name; the event id follows verbatim. */
	public static final String NAME_PREFIX = "QueueITAccepted-SDFrts345E-V3_";

	/** Browser lifetime of every session cookie, whatever its validity. */
	public static final Duration MAX_AGE = Duration.ofDays(1);

	private static final String PATH = "/";

	private final HmacSha256 hmac;

	/**
	 * Creates the cookie codec.
	 * @param hmac the signer keyed with the customer's secret
	 */
	public SessionCookies(HmacSha256 hmac) {
		this.hmac = hmac;
	}

	/**
	 * Returns the cookie name for an event.
	 */
	public static String name(String eventId) {
		return NAME_PREFIX + eventId;
	}

	/**
	 * Reads the state of an event's session cookie.
	 * @param request the request
	 * @param eventId the event, exactly as configured (the name is case-sensitive)
	 * @param validityMinutes the validity to apply when the cookie has no fixed validity
	 * @param checkExpiry whether an expired cookie is invalid
	 * @param nowEpochSeconds the current time
	 * @return the state
	 */
	public CookieState read(ConnectorRequest request, String eventId, int validityMinutes, boolean checkExpiry,
			long nowEpochSeconds) {
		String raw = request.cookie(name(eventId));
		if (raw == null) {
			return CookieState.NOT_FOUND;
		}
		String decoded = UrlCodec.formDecodeStrict(raw);
		if (decoded == null) {
			return CookieState.INVALID;
		}
		return parse(decoded, eventId, validityMinutes, checkExpiry, nowEpochSeconds);
	}

	private CookieState parse(String value, String expectedEventId, int validityMinutes, boolean checkExpiry,
			long now) {
		String eventId = null;
		String queueId = null;
		String fixedValidity = null;
		String redirectType = null;
		String issueTime = null;
		String hash = null;
		int length = value.length();
		int start = 0;
		while (start <= length) {
			int end = value.indexOf('&', start);
			if (end < 0) {
				end = length;
			}
			int eq = value.indexOf('=', start);
			if (eq >= 0 && eq < end && hasNoOtherSeparator(value, eq + 1, end)) {
				String key = value.substring(start, eq);
				String item = value.substring(eq + 1, end);
				switch (key) {
					case "EventId" -> eventId = item;
					case "QueueId" -> queueId = item;
					case "FixedValidityMins" -> fixedValidity = item;
					case "RedirectType" -> redirectType = item;
					case "IssueTime" -> issueTime = item;
					case "Hash" -> hash = item;
					default -> {
					}
				}
			}
			start = end + 1;
		}
		if (eventId == null || queueId == null || redirectType == null || issueTime == null || hash == null) {
			return CookieState.INVALID;
		}
		String expected = this.hmac
			.hex(eventId + queueId + ((fixedValidity != null) ? fixedValidity : "") + redirectType + issueTime);
		if (!HmacSha256.constantTimeEquals(expected, hash)) {
			return CookieState.INVALID;
		}
		if (!eventId.toLowerCase(Locale.ROOT).equals(expectedEventId.toLowerCase(Locale.ROOT))) {
			return CookieState.INVALID;
		}
		long issued = parseLong(issueTime);
		if (issued < 0) {
			return CookieState.INVALID;
		}
		boolean fixed = !Strings.isBlank(fixedValidity);
		long fixedMinutes = fixed ? parseLong(fixedValidity.strip()) : 0;
		if (fixed && fixedMinutes < 0) {
			return CookieState.INVALID;
		}
		if (checkExpiry && isExpired(issued, fixed ? fixedMinutes : validityMinutes, now)) {
			return CookieState.INVALID;
		}
		return new CookieState(true, true, queueId, fixedValidity, redirectType);
	}

	private static boolean isExpired(long issued, long validityMinutes, long now) {
		try {
			return Math.addExact(issued, Math.multiplyExact(validityMinutes, 60L)) < now;
		}
		catch (ArithmeticException ex) {
			return true;
		}
	}

	private static boolean hasNoOtherSeparator(String value, int from, int end) {
		int next = value.indexOf('=', from);
		return next < 0 || next >= end;
	}

	private static long parseLong(String value) {
		if (value.isEmpty() || value.length() > 18) {
			return -1;
		}
		long result = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			result = result * 10 + (c - '0');
		}
		return result;
	}

	/**
	 * Creates the instruction that stores a session cookie issued now.
	 */
	public CookieInstruction store(String eventId, String queueId, @Nullable String fixedValidityMinutes,
			String redirectType, @Nullable String cookieDomain, boolean httpOnly, boolean secure,
			long nowEpochSeconds) {
		String issueTime = Long.toString(nowEpochSeconds);
		String fixed = (fixedValidityMinutes != null) ? fixedValidityMinutes : "";
		String hash = this.hmac.hex(eventId + queueId + fixed + redirectType + issueTime);
		// The wire value is the form-encoded "EventId=...&QueueId=...&Hash=..." text. It
		// is built already encoded: the separators are constants, the issue time and the
		// hash never need encoding, and form encoding works character by character, so
		// only the values that come from outside go through the encoder.
		StringBuilder value = new StringBuilder(192);
		value.append("EventId%3D")
			.append(UrlCodec.formEncode(eventId))
			.append("%26QueueId%3D")
			.append(UrlCodec.formEncode(queueId));
		if (fixedValidityMinutes != null) {
			value.append("%26FixedValidityMins%3D").append(UrlCodec.formEncode(fixedValidityMinutes));
		}
		value.append("%26RedirectType%3D")
			.append(UrlCodec.formEncode(redirectType))
			.append("%26IssueTime%3D")
			.append(issueTime)
			.append("%26Hash%3D")
			.append(hash);
		return new CookieInstruction(name(eventId), value.toString(), MAX_AGE, blankToNull(cookieDomain), PATH,
				httpOnly, secure);
	}

	/**
	 * Creates the instruction that deletes an event's session cookie.
	 */
	public CookieInstruction clear(String eventId, @Nullable String cookieDomain, boolean httpOnly, boolean secure) {
		return new CookieInstruction(name(eventId), "", Duration.ZERO, blankToNull(cookieDomain), PATH, httpOnly,
				secure);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return Strings.isBlank(value) ? null : value;
	}

}

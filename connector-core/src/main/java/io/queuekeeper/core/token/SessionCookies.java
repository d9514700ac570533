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

	/*
	 * The name of the last event seen, so that the requests of one event do not build the
	 * same name twice each. Immutable, so a racy read sees a whole pair or the previous
	 * one.
	 */
	private CookieName lastName = new CookieName("", NAME_PREFIX);

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

	private String cookieName(String eventId) {
		CookieName last = this.lastName;
		if (last.eventId().equals(eventId)) {
			return last.name();
		}
		String name = name(eventId);
		this.lastName = new CookieName(eventId, name);
		return name;
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
		String raw = request.cookie(cookieName(eventId));
		if (raw == null) {
			return CookieState.NOT_FOUND;
		}
		CookieState state = parseEncoded(raw, eventId, validityMinutes, checkExpiry, nowEpochSeconds);
		if (state != null) {
			return state;
		}
		return readDecoding(raw, eventId, validityMinutes, checkExpiry, nowEpochSeconds);
	}

	/**
	 * Reads a cookie value the general way, decoding it first: what {@link #read} does
	 * for the values it cannot read in place, and what it must agree with for those it
	 * can.
	 */
	CookieState readDecoding(String raw, String eventId, int validityMinutes, boolean checkExpiry,
			long nowEpochSeconds) {
		String decoded = UrlCodec.formDecodeStrict(raw);
		if (decoded == null) {
			return CookieState.INVALID;
		}
		return parse(decoded, eventId, validityMinutes, checkExpiry, nowEpochSeconds);
	}

	/**
	 * Reads the cookie as {@link #parse} does, but on the transport-encoded value and
	 * without decoding it, for the values this engine writes: text whose only escapes are
	 * the encoded separators {@code %3D} ({@code =}) and {@code %26} ({@code &}). Form
	 * decoding leaves every other character as it is, so such a value decodes to the same
	 * text with the escapes replaced, and every field is a range of it. Returns
	 * {@code null} for anything else (another escape, a {@code +}, a literal {@code =} or
	 * {@code &}), which {@link #parse} decides after decoding.
	 */
	private @Nullable CookieState parseEncoded(String raw, String expectedEventId, int validityMinutes,
			boolean checkExpiry, long now) {
		// start and end of each field's value in raw, -1 when absent
		int eventStart = -1;
		int eventEnd = -1;
		int queueStart = -1;
		int queueEnd = -1;
		int fixedStart = -1;
		int fixedEnd = -1;
		int redirectStart = -1;
		int redirectEnd = -1;
		int issueStart = -1;
		int issueEnd = -1;
		int hashStart = -1;
		int hashEnd = -1;
		int length = raw.length();
		int start = 0;
		int keyEnd = -1;
		int valueStart = -1;
		int separators = 0;
		// Separators written by this engine are always escaped; a literal one, a '+' or
		// any other escape is left to the general path. The searches are the JDK's
		// vectorised ones rather than a loop over every character.
		if (raw.indexOf('+') >= 0 || raw.indexOf('=') >= 0 || raw.indexOf('&') >= 0) {
			return null;
		}
		int i = 0;
		while (true) {
			int at = raw.indexOf('%', i);
			if (at < 0) {
				at = length;
			}
			char separator = (at == length) ? '&' : encodedSeparator(raw, at);
			if (separator == 0) {
				return null;
			}
			if (separator == '=') {
				if (separators++ == 0) {
					keyEnd = at;
					valueStart = at + 3;
				}
			}
			else {
				if (separators == 1) {
					int keyLength = keyEnd - start;
					if (isKey(raw, start, keyLength, "EventId")) {
						eventStart = valueStart;
						eventEnd = at;
					}
					else if (isKey(raw, start, keyLength, "QueueId")) {
						queueStart = valueStart;
						queueEnd = at;
					}
					else if (isKey(raw, start, keyLength, "FixedValidityMins")) {
						fixedStart = valueStart;
						fixedEnd = at;
					}
					else if (isKey(raw, start, keyLength, "RedirectType")) {
						redirectStart = valueStart;
						redirectEnd = at;
					}
					else if (isKey(raw, start, keyLength, "IssueTime")) {
						issueStart = valueStart;
						issueEnd = at;
					}
					else if (isKey(raw, start, keyLength, "Hash")) {
						hashStart = valueStart;
						hashEnd = at;
					}
				}
				start = at + 3;
				separators = 0;
			}
			if (at == length) {
				break;
			}
			i = at + 3;
		}
		if (eventStart < 0 || queueStart < 0 || redirectStart < 0 || issueStart < 0 || hashStart < 0) {
			return CookieState.INVALID;
		}
		HmacSha256.Message message = this.hmac.message()
			.append(raw, eventStart, eventEnd)
			.append(raw, queueStart, queueEnd);
		if (fixedStart >= 0) {
			message.append(raw, fixedStart, fixedEnd);
		}
		message.append(raw, redirectStart, redirectEnd).append(raw, issueStart, issueEnd);
		if (!message.signatureEquals(raw, hashStart, hashEnd)) {
			return CookieState.INVALID;
		}
		if (!sameEventIgnoringCase(raw, eventStart, eventEnd, expectedEventId)) {
			return CookieState.INVALID;
		}
		long issued = parseLong(raw, issueStart, issueEnd);
		if (issued < 0) {
			return CookieState.INVALID;
		}
		String fixedValidity = (fixedStart >= 0) ? raw.substring(fixedStart, fixedEnd) : null;
		return validate(issued, raw.substring(queueStart, queueEnd), fixedValidity,
				raw.substring(redirectStart, redirectEnd), validityMinutes, checkExpiry, now);
	}

	/**
	 * Whether the range of the text names the event in any letter case, as lower-casing
	 * both with {@link Locale#ROOT} tells; for ASCII without the lower-cased copies.
	 */
	private static boolean sameEventIgnoringCase(String raw, int from, int to, String expected) {
		if (!isAscii(expected, 0, expected.length()) || !isAscii(raw, from, to)) {
			return raw.substring(from, to).toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
		}
		return to - from == expected.length() && raw.regionMatches(true, from, expected, 0, expected.length());
	}

	private static boolean isAscii(String value, int from, int to) {
		for (int i = from; i < to; i++) {
			if (value.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	private static char encodedSeparator(String raw, int percent) {
		if (percent + 2 >= raw.length()) {
			return 0;
		}
		char hi = raw.charAt(percent + 1);
		char lo = raw.charAt(percent + 2);
		if (hi == '3' && (lo == 'D' || lo == 'd')) {
			return '=';
		}
		if (hi == '2' && lo == '6') {
			return '&';
		}
		return 0;
	}

	private static boolean isKey(String raw, int start, int length, String key) {
		return length == key.length() && raw.startsWith(key, start);
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
		long issued = parseLong(issueTime, 0, issueTime.length());
		if (issued < 0) {
			return CookieState.INVALID;
		}
		return validate(issued, queueId, fixedValidity, redirectType, validityMinutes, checkExpiry, now);
	}

	private static CookieState validate(long issued, String queueId, @Nullable String fixedValidity,
			String redirectType, int validityMinutes, boolean checkExpiry, long now) {
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
		return parseLong(value, 0, value.length());
	}

	private static long parseLong(String value, int from, int to) {
		if (to == from || to - from > 18) {
			return -1;
		}
		long result = 0;
		for (int i = from; i < to; i++) {
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
		String fixed = (fixedValidityMinutes != null) ? fixedValidityMinutes : "";
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
			.append(nowEpochSeconds)
			.append("%26Hash%3D");
		this.hmac.message()
			.append(eventId)
			.append(queueId)
			.append(fixed)
			.append(redirectType)
			.append(nowEpochSeconds)
			.appendHexTo(value);
		return new CookieInstruction(cookieName(eventId), value.toString(), MAX_AGE, blankToNull(cookieDomain), PATH,
				httpOnly, secure);
	}

	/**
	 * Creates the instruction that deletes an event's session cookie.
	 */
	public CookieInstruction clear(String eventId, @Nullable String cookieDomain, boolean httpOnly, boolean secure) {
		return new CookieInstruction(cookieName(eventId), "", Duration.ZERO, blankToNull(cookieDomain), PATH, httpOnly,
				secure);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return Strings.isBlank(value) ? null : value;
	}

	private record CookieName(String eventId, String name) {
	}

}

package io.queuekeeper.core.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

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

	/** The characters that form encoding leaves as they are, by code. */
	private static final boolean[] PLAIN = plainCharacters();

	private static final String FIELD_SEPARATOR = "%26";

	private static final String EVENT_FIELD = "EventId%3D";

	private static final String QUEUE_FIELD = "%26QueueId%3D";

	private static final String FIXED_FIELD = "%26FixedValidityMins%3D";

	private static final String REDIRECT_FIELD = "%26RedirectType%3D";

	private static final String ISSUE_FIELD = "%26IssueTime%3D";

	private static final String HASH_FIELD = "%26Hash%3D";

	private static final byte[] EVENT_BYTES = EVENT_FIELD.getBytes(StandardCharsets.US_ASCII);

	private static final byte[] QUEUE_BYTES = QUEUE_FIELD.getBytes(StandardCharsets.US_ASCII);

	private static final byte[] FIXED_BYTES = FIXED_FIELD.getBytes(StandardCharsets.US_ASCII);

	private static final byte[] REDIRECT_BYTES = REDIRECT_FIELD.getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ISSUE_BYTES = ISSUE_FIELD.getBytes(StandardCharsets.US_ASCII);

	private static final byte[] HASH_BYTES = HASH_FIELD.getBytes(StandardCharsets.US_ASCII);

	private static final int MAX_NAMES = 1024;

	private final HmacSha256 hmac;

	/*
	 * The cookie name of each event seen, so that requests do not build it each time.
	 * Events come from the config and from code, so there are few; should there ever be
	 * more, the names are built again from scratch.
	 */
	private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();

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
		String name = this.names.get(eventId);
		if (name == null) {
			if (this.names.size() >= MAX_NAMES) {
				this.names.clear();
			}
			name = name(eventId);
			this.names.put(eventId, name);
		}
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
	 * without decoding it, for values laid out as this engine writes them: ASCII text
	 * with the fields {@code EventId}, {@code QueueId}, optionally
	 * {@code FixedValidityMins}, {@code RedirectType}, {@code IssueTime} and
	 * {@code Hash}, in that order, each once, separated by the escapes {@code %3D}
	 * ({@code =}) and {@code %26} ({@code &}), and no other escape, {@code +}, {@code =}
	 * or {@code &}. Form decoding leaves such a value's other characters as they are, so
	 * it decodes to the same text with the escapes replaced, and every field is a range
	 * of it. Returns {@code null} for anything else, which {@link #parse} decides after
	 * decoding.
	 */
	private @Nullable CookieState parseEncoded(String raw, String expectedEventId, int validityMinutes,
			boolean checkExpiry, long now) {
		// The searches are the JDK's vectorised ones rather than loops over every
		// character. An unpaired surrogate is among the bytes as the '?' that signing the
		// decoded text would also sign.
		if (!raw.startsWith(EVENT_FIELD) || raw.indexOf('+') >= 0 || raw.indexOf('=') >= 0 || raw.indexOf('&') >= 0) {
			return null;
		}
		byte[] text = Strings.asciiBytes(raw);
		if (text == null) {
			return null;
		}
		int eventStart = EVENT_FIELD.length();
		int eventEnd = fieldEnd(raw, eventStart, QUEUE_FIELD);
		if (eventEnd < 0) {
			return null;
		}
		int queueStart = eventEnd + QUEUE_FIELD.length();
		int queueEnd = fieldEnd(raw, queueStart, FIELD_SEPARATOR);
		if (queueEnd < 0) {
			return null;
		}
		int fixedStart = -1;
		int fixedEnd = -1;
		int redirectStart;
		if (raw.startsWith(FIXED_FIELD, queueEnd)) {
			fixedStart = queueEnd + FIXED_FIELD.length();
			fixedEnd = fieldEnd(raw, fixedStart, REDIRECT_FIELD);
			if (fixedEnd < 0) {
				return null;
			}
			redirectStart = fixedEnd + REDIRECT_FIELD.length();
		}
		else if (raw.startsWith(REDIRECT_FIELD, queueEnd)) {
			redirectStart = queueEnd + REDIRECT_FIELD.length();
		}
		else {
			return null;
		}
		int redirectEnd = fieldEnd(raw, redirectStart, ISSUE_FIELD);
		if (redirectEnd < 0) {
			return null;
		}
		int issueStart = redirectEnd + ISSUE_FIELD.length();
		int issueEnd = fieldEnd(raw, issueStart, HASH_FIELD);
		if (issueEnd < 0) {
			return null;
		}
		int hashStart = issueEnd + HASH_FIELD.length();
		if (raw.indexOf('%', hashStart) >= 0) {
			return null;
		}
		HmacSha256.Message message = this.hmac.message()
			.append(text, eventStart, eventEnd)
			.append(text, queueStart, queueEnd);
		if (fixedStart >= 0) {
			message.append(text, fixedStart, fixedEnd);
		}
		message.append(text, redirectStart, redirectEnd).append(text, issueStart, issueEnd);
		if (!message.signatureEquals(text, hashStart, text.length)) {
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
		Layout layout = (fixedStart < 0)
				? new Layout(text, eventEnd, queueStart, queueEnd, redirectStart, redirectEnd, issueStart) : null;
		return validate(issued, raw.substring(queueStart, queueEnd), fixedValidity,
				raw.substring(redirectStart, redirectEnd), validityMinutes, checkExpiry, now, layout);
	}

	/**
	 * Returns where the value that starts at {@code start} ends: at the next {@code %},
	 * which must begin {@code next}; -1 when it does not.
	 */
	private static int fieldEnd(String raw, int start, String next) {
		int end = raw.indexOf('%', start);
		return (end >= 0 && raw.startsWith(next, end)) ? end : -1;
	}

	/**
	 * Whether the range of the text names the event in any letter case, as lower-casing
	 * both with {@link Locale#ROOT} tells; for an ASCII event without the lower-cased
	 * copies. The range is ASCII.
	 */
	private static boolean sameEventIgnoringCase(String raw, int from, int to, String expected) {
		if (to - from == expected.length() && raw.startsWith(expected, from)) {
			// The usual case, the event exactly as configured.
			return true;
		}
		if (!Strings.isAscii(expected)) {
			return raw.substring(from, to).toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
		}
		return to - from == expected.length() && raw.regionMatches(true, from, expected, 0, expected.length());
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
		return validate(issued, queueId, fixedValidity, redirectType, validityMinutes, checkExpiry, now, null);
	}

	private static CookieState validate(long issued, String queueId, @Nullable String fixedValidity,
			String redirectType, int validityMinutes, boolean checkExpiry, long now, @Nullable Layout layout) {
		boolean fixed = !Strings.isBlank(fixedValidity);
		long fixedMinutes = fixed ? parseLong(fixedValidity.strip()) : 0;
		if (fixed && fixedMinutes < 0) {
			return CookieState.INVALID;
		}
		if (checkExpiry && isExpired(issued, fixed ? fixedMinutes : validityMinutes, now)) {
			return CookieState.INVALID;
		}
		return new CookieState(true, true, queueId, fixedValidity, redirectType, layout);
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
		String value = plainValue(eventId, queueId, fixedValidityMinutes, redirectType, nowEpochSeconds);
		if (value == null) {
			value = encodedValue(eventId, queueId, fixedValidityMinutes, redirectType, nowEpochSeconds);
		}
		return new CookieInstruction(cookieName(eventId), value, MAX_AGE, blankToNull(cookieDomain), PATH, httpOnly,
				secure);
	}

	/**
	 * Creates the instruction that stores a valid cookie again, issued now: the same as
	 * {@link #store} with the queue id and redirect type of the state and the given fixed
	 * validity. A cookie that was read in place, has no fixed validity, is stored without
	 * one, names the event exactly as given and holds only values that form encoding
	 * leaves as they are, would be written with the same text up to its issue time, so
	 * only the issue time and the hash are written anew.
	 * @param state the state {@link #read} returned for the event; valid
	 * @param eventId the event, as configured
	 * @param fixedValidityMinutes the fixed validity to store, or {@code null}
	 * @param cookieDomain the cookie's Domain, or {@code null}
	 * @param httpOnly whether the cookie is HttpOnly
	 * @param secure whether the cookie is Secure
	 * @param nowEpochSeconds the current time
	 * @return the instruction
	 * @throws IllegalArgumentException if the state is not valid
	 */
	public CookieInstruction reissue(CookieState state, String eventId, @Nullable String fixedValidityMinutes,
			@Nullable String cookieDomain, boolean httpOnly, boolean secure, long nowEpochSeconds) {
		if (!state.valid()) {
			throw new IllegalArgumentException("Only a valid cookie can be re-issued");
		}
		Layout layout = state.layout;
		String value = (layout != null && fixedValidityMinutes == null)
				? layout.reissued(this.hmac, eventId, nowEpochSeconds) : null;
		if (value == null) {
			return store(eventId, orEmpty(state.queueId()), fixedValidityMinutes, orEmpty(state.redirectType()),
					cookieDomain, httpOnly, secure, nowEpochSeconds);
		}
		return new CookieInstruction(cookieName(eventId), value, MAX_AGE, blankToNull(cookieDomain), PATH, httpOnly,
				secure);
	}

	/**
	 * The wire value: the form-encoded {@code EventId=...&QueueId=...&Hash=...} text. It
	 * is built already encoded: the separators are constants, the issue time and the hash
	 * never need encoding, and form encoding works character by character, so only the
	 * values that come from outside go through the encoder. Package-private so that tests
	 * can check that {@link #store}'s fast path for plain values writes the same value.
	 */
	String encodedValue(String eventId, String queueId, @Nullable String fixedValidityMinutes, String redirectType,
			long nowEpochSeconds) {
		StringBuilder value = new StringBuilder(192);
		value.append(EVENT_FIELD)
			.append(UrlCodec.formEncode(eventId))
			.append(QUEUE_FIELD)
			.append(UrlCodec.formEncode(queueId));
		if (fixedValidityMinutes != null) {
			value.append(FIXED_FIELD).append(UrlCodec.formEncode(fixedValidityMinutes));
		}
		value.append(REDIRECT_FIELD)
			.append(UrlCodec.formEncode(redirectType))
			.append(ISSUE_FIELD)
			.append(nowEpochSeconds)
			.append(HASH_FIELD);
		this.hmac.message()
			.append(eventId)
			.append(queueId)
			.append((fixedValidityMinutes != null) ? fixedValidityMinutes : "")
			.append(redirectType)
			.append(nowEpochSeconds)
			.appendHexTo(value);
		return value.toString();
	}

	/**
	 * The wire value of {@link #encodedValue} for the usual case, in which no value needs
	 * encoding: written straight into the bytes of the result, which also hold every
	 * piece of the signed message. Returns {@code null} when a value has a character that
	 * form encoding changes.
	 */
	private @Nullable String plainValue(String eventId, String queueId, @Nullable String fixedValidityMinutes,
			String redirectType, long nowEpochSeconds) {
		if (nowEpochSeconds < 0) {
			return null;
		}
		String issueTime = Long.toString(nowEpochSeconds);
		int length = EVENT_FIELD.length() + eventId.length() + QUEUE_FIELD.length() + queueId.length()
				+ REDIRECT_FIELD.length() + redirectType.length() + ISSUE_FIELD.length() + issueTime.length()
				+ HASH_FIELD.length() + 64;
		if (fixedValidityMinutes != null) {
			length += FIXED_FIELD.length() + fixedValidityMinutes.length();
		}
		byte[] out = new byte[length];
		HmacSha256.Message message = this.hmac.message();
		int at = putField(out, 0, EVENT_BYTES, eventId, message);
		at = putField(out, at, QUEUE_BYTES, queueId, message);
		if (fixedValidityMinutes != null) {
			at = putField(out, at, FIXED_BYTES, fixedValidityMinutes, message);
		}
		at = putField(out, at, REDIRECT_BYTES, redirectType, message);
		at = putField(out, at, ISSUE_BYTES, issueTime, message);
		if (at < 0) {
			return null;
		}
		at = put(out, at, HASH_BYTES);
		message.writeHex(out, at);
		return new String(out, StandardCharsets.ISO_8859_1);
	}

	/**
	 * Writes the separator text and the value at {@code at}, and appends the value to the
	 * message. Returns where the next field starts, or -1 (also when {@code at} is -1)
	 * when the value has a character that form encoding changes.
	 */
	private static int putField(byte[] out, int at, byte[] separator, String value, HmacSha256.Message message) {
		if (at < 0) {
			return -1;
		}
		int start = put(out, at, separator);
		// An unpaired surrogate is among the bytes as a '?', which is not plain either.
		byte[] bytes = Strings.asciiBytes(value);
		if (bytes == null || !isPlain(bytes, 0, bytes.length)) {
			return -1;
		}
		System.arraycopy(bytes, 0, out, start, bytes.length);
		message.append(out, start, start + bytes.length);
		return start + bytes.length;
	}

	private static int put(byte[] out, int at, byte[] ascii) {
		System.arraycopy(ascii, 0, out, at, ascii.length);
		return at + ascii.length;
	}

	/**
	 * Whether the bytes {@code from} to {@code to} of ASCII text are all characters that
	 * form encoding leaves as they are: letters, digits and {@code -._*}. Ranges of eight
	 * bytes or more are checked a word at a time, the last word overlapping the one
	 * before it.
	 */
	static boolean isPlain(byte[] ascii, int from, int to) {
		if (to - from < Long.BYTES) {
			for (int i = from; i < to; i++) {
				// The mask changes no byte of ASCII text; it lets the compiler drop the
				// check of the table's bounds.
				if (!PLAIN[ascii[i] & 0x7F]) {
					return false;
				}
			}
			return true;
		}
		for (int i = from; i < to; i += Long.BYTES) {
			if (!isPlainWord(Strings.wordAt(ascii, Math.min(i, to - Long.BYTES)))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether each of the eight ASCII bytes of the word is plain: a letter (either case,
	 * once bit 5 is cleared), a digit or one of {@code -._*}.
	 */
	private static boolean isPlainWord(long word) {
		long letters = Strings.bytesInRange(word & 0xDFDFDFDFDFDFDFDFL, 'A', 'Z');
		long plain = letters | Strings.bytesInRange(word, '0', '9') | Strings.bytesInRange(word, '-', '.')
				| Strings.bytesInRange(word, '*', '*') | Strings.bytesInRange(word, '_', '_');
		return plain == Strings.HIGH_BITS;
	}

	private static boolean[] plainCharacters() {
		boolean[] plain = new boolean[128];
		for (char c = 0; c < plain.length; c++) {
			plain[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || c == '_' || c == '*';
		}
		return plain;
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

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	/**
	 * Where the fields of a cookie value read in place lie, in its ASCII bytes: the event
	 * from the end of {@code EventId%3D} to {@code eventEnd}, then the queue id, the
	 * redirect type and the issue time, which starts at {@code issueStart}.
	 */
	static final class Layout {

		private final byte[] text;

		private final int eventEnd;

		private final int queueStart;

		private final int queueEnd;

		private final int redirectStart;

		private final int redirectEnd;

		private final int issueStart;

		Layout(byte[] text, int eventEnd, int queueStart, int queueEnd, int redirectStart, int redirectEnd,
				int issueStart) {
			this.text = text;
			this.eventEnd = eventEnd;
			this.queueStart = queueStart;
			this.queueEnd = queueEnd;
			this.redirectStart = redirectStart;
			this.redirectEnd = redirectEnd;
			this.issueStart = issueStart;
		}

		/**
		 * The value {@link #store} writes for this cookie's event, queue id and redirect
		 * type, no fixed validity and the given issue time, when the value read already
		 * holds its text up to the issue time: the event is {@code eventId} exactly and
		 * every value is plain. Otherwise {@code null}.
		 */
		@Nullable String reissued(HmacSha256 hmac, String eventId, long nowEpochSeconds) {
			byte[] text = this.text;
			int eventStart = EVENT_BYTES.length;
			if (nowEpochSeconds < 0 || this.eventEnd - eventStart != eventId.length()
					|| !isPlain(text, eventStart, this.eventEnd) || !isPlain(text, this.queueStart, this.queueEnd)
					|| !isPlain(text, this.redirectStart, this.redirectEnd)) {
				return null;
			}
			for (int i = 0; i < eventId.length(); i++) {
				if (text[eventStart + i] != eventId.charAt(i)) {
					return null;
				}
			}
			int digits = Strings.decimalLength(nowEpochSeconds);
			byte[] out = new byte[this.issueStart + digits + HASH_BYTES.length + 64];
			System.arraycopy(text, 0, out, 0, this.issueStart);
			Strings.putDecimal(out, this.issueStart, nowEpochSeconds);
			HmacSha256.Message message = hmac.message()
				.append(text, eventStart, this.eventEnd)
				.append(text, this.queueStart, this.queueEnd)
				.append(text, this.redirectStart, this.redirectEnd)
				.append(out, this.issueStart, this.issueStart + digits);
			int at = put(out, this.issueStart + digits, HASH_BYTES);
			message.writeHex(out, at);
			return new String(out, StandardCharsets.ISO_8859_1);
		}

	}

}

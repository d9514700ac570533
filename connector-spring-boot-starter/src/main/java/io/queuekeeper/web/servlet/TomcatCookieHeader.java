package io.queuekeeper.web.servlet;

import org.jspecify.annotations.Nullable;

/**
 * Finds one cookie in a raw {@code Cookie} header and reads it as Tomcat 11's RFC 6265
 * cookie processor does, so that the adapter need not call {@code getCookies()}, which
 * makes Tomcat build and validate a {@code Cookie} object for every cookie of the
 * request. {@code TomcatCookieParityTests} checks these rules against a running Tomcat:
 * <ul>
 * <li>cookies are separated by {@code ;}; spaces and tabs around names, {@code =} and
 * values do not count;</li>
 * <li>a name is an HTTP token; a value is a run of RFC 6265 cookie octets, or such a run
 * in double quotes, which then stay part of the value;</li>
 * <li>a cookie whose value holds any other character, or that is followed by anything but
 * {@code ;} or the end, is dropped up to the next {@code ;};</li>
 * <li>the first cookie with the name wins, across headers in their order.</li>
 * </ul>
 * Two cases only the container can settle, and {@link #find} says so: a cookie without
 * {@code =} (Tomcat's {@code cookiesWithoutEquals} setting decides whether it exists),
 * and a value with non-ASCII characters (Tomcat decodes its bytes as UTF-8).
 */
final class TomcatCookieHeader {

	/**
	 * What {@link #find} returns when only the container can tell; compare it by
	 * identity. It is never a cookie value: values have no spaces.
	 */
	static final String ASK_CONTAINER = new String("ask the container");

	// Bit c set for each US-ASCII character c, in two words: 0-63 and 64-127.
	private static final long TOKEN_LOW = mask(0, 64, "!#$%&'*+-.^_`|~0123456789");

	private static final long TOKEN_HIGH = mask(64, 128,
			"!#$%&'*+-.^_`|~ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

	private static final long OCTET_LOW = range(0x21, 0x40) & ~mask(0, 64, "\",;");

	private static final long OCTET_HIGH = range(0x40, 0x7f) & ~mask(64, 128, "\\");

	private TomcatCookieHeader() {
	}

	/**
	 * Returns the value of the first cookie with exactly this name in one {@code Cookie}
	 * header, {@code null} when the header has none, or {@link #ASK_CONTAINER}.
	 * @param header the header value as the container decoded it (ISO-8859-1)
	 * @param name the cookie name
	 */
	static @Nullable String find(String header, String name) {
		int length = header.length();
		int at = 0;
		while (true) {
			at = skipBlanks(header, at);
			int nameStart = at;
			while (at < length && isTokenChar(header.charAt(at))) {
				at++;
			}
			int nameEnd = at;
			at = skipBlanks(header, at);
			int valueStart = -1;
			int valueEnd = -1;
			if (at < length && header.charAt(at) == '=') {
				valueStart = skipBlanks(header, at + 1);
				valueEnd = valueEnd(header, valueStart);
				if (valueEnd < 0) {
					// No ';' lies between the value's start and the bad character.
					at = afterSemicolon(header, valueStart);
					continue;
				}
				at = skipBlanks(header, valueEnd);
			}
			boolean last = at == length;
			if (!last && header.charAt(at) != ';') {
				at = afterSemicolon(header, at);
				continue;
			}
			if (nameEnd - nameStart == name.length() && nameEnd > nameStart
					&& header.regionMatches(nameStart, name, 0, name.length())) {
				return (valueStart >= 0 && isAscii(header, valueStart, valueEnd))
						? header.substring(valueStart, valueEnd) : ASK_CONTAINER;
			}
			if (last) {
				return null;
			}
			at++;
		}
	}

	/**
	 * Returns the end of the value that starts at {@code start} (after the closing quote
	 * of a quoted value), or {@code -1} when a character that no value may hold comes
	 * first.
	 */
	private static int valueEnd(String header, int start) {
		int length = header.length();
		boolean quoted = false;
		for (int at = start; at < length; at++) {
			char c = header.charAt(at);
			if (isCookieOctet(c)) {
				continue;
			}
			if (c == ';' || c == ' ' || c == '\t') {
				return at;
			}
			if (c == '"' && at == start) {
				quoted = true;
				continue;
			}
			if (c == '"' && quoted) {
				return at + 1;
			}
			return -1;
		}
		return length;
	}

	private static int skipBlanks(String header, int from) {
		int at = from;
		while (at < header.length() && (header.charAt(at) == ' ' || header.charAt(at) == '\t')) {
			at++;
		}
		return at;
	}

	private static int afterSemicolon(String header, int from) {
		int semicolon = header.indexOf(';', from);
		return (semicolon >= 0) ? semicolon + 1 : header.length();
	}

	private static boolean isAscii(String header, int start, int end) {
		for (int at = start; at < end; at++) {
			if (header.charAt(at) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	private static boolean isTokenChar(char c) {
		return (c < 64) ? (TOKEN_LOW & (1L << c)) != 0 : c < 128 && (TOKEN_HIGH & (1L << (c - 64))) != 0;
	}

	/**
	 * Whether Tomcat accepts the character in a value: RFC 6265's cookie octets, and
	 * every byte from {@code 0x80} (a character above {@code 0xFF} can only come from a
	 * non-ASCII header, which {@link #find} leaves to the container anyway).
	 */
	private static boolean isCookieOctet(char c) {
		if (c >= 128) {
			return true;
		}
		return (c < 64) ? (OCTET_LOW & (1L << c)) != 0 : (OCTET_HIGH & (1L << (c - 64))) != 0;
	}

	private static long mask(int from, int to, String chars) {
		long mask = 0;
		for (int i = 0; i < chars.length(); i++) {
			char c = chars.charAt(i);
			if (c >= from && c < to) {
				mask |= 1L << (c - from);
			}
		}
		return mask;
	}

	private static long range(int from, int to) {
		long mask = 0;
		for (int c = from; c < to; c++) {
			mask |= 1L << (c & 63);
		}
		return mask;
	}

}

package io.queuekeeper.web.servlet;

import io.queuekeeper.web.CookieSyntax;
import org.jspecify.annotations.Nullable;

/**
 * Finds one cookie in a raw {@code Cookie} header and reads it as Tomcat 11's RFC 6265
 * cookie processor does, so that the adapter need not call {@code getCookies()}, which
 * makes Tomcat turn every cookie of the request into a {@code Cookie} object.
 * {@code TomcatCookieParityTests} checks these rules against a running Tomcat:
 * <ul>
 * <li>every {@code ;} ends a cookie, whatever comes before it (Tomcat stops a value, a
 * quoted one too, at the first {@code ;}, and skips a malformed cookie up to the next
 * one);</li>
 * <li>a cookie is an HTTP token name, then {@code =} and a value, with spaces and tabs
 * allowed around each; the value is a run of RFC 6265 cookie octets (bytes from
 * {@code 0x80} included), or such a run in double quotes, which stay part of it;</li>
 * <li>a cookie with anything else is dropped, and the first cookie with the name wins,
 * across headers in their order.</li>
 * </ul>
 * Two cases only the container can settle, and {@link #find} says so: a cookie of that
 * name without {@code =} (Tomcat's {@code cookiesWithoutEquals} setting decides whether
 * it exists), and a value with non-ASCII characters (Tomcat decodes its bytes as UTF-8).
 */
final class TomcatCookieHeader {

	/**
	 * What {@link #find} returns when only the container can tell; compare it by
	 * identity. It is never a cookie value: values have no spaces.
	 */
	static final String ASK_CONTAINER = new String("ask the container");

	private static final int MALFORMED = -1;

	private static final int NON_ASCII = -2;

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
		for (int start = 0; start < length; start = next(header, start)) {
			int at = skipBlanks(header, start);
			int nameEnd = at + name.length();
			if (!header.startsWith(name, at)
					|| (nameEnd < length && CookieSyntax.isTokenChar(header.charAt(nameEnd)))) {
				continue;
			}
			if (!CookieSyntax.isToken(name)) {
				// Tomcat never reads such a name.
				return null;
			}
			at = skipBlanks(header, nameEnd);
			if (at == length || header.charAt(at) == ';') {
				return ASK_CONTAINER;
			}
			if (header.charAt(at) != '=') {
				continue;
			}
			int valueStart = skipBlanks(header, at + 1);
			int valueEnd = valueEnd(header, valueStart);
			if (valueEnd == NON_ASCII) {
				return ASK_CONTAINER;
			}
			if (valueEnd == MALFORMED) {
				continue;
			}
			at = skipBlanks(header, valueEnd);
			if (at == length || header.charAt(at) == ';') {
				return header.substring(valueStart, valueEnd);
			}
		}
		return null;
	}

	/**
	 * Returns the end of the value that starts at {@code start} (after the closing quote
	 * of a quoted value), {@link #MALFORMED} when a character that no value may hold
	 * comes first, or {@link #NON_ASCII} as soon as a non-ASCII one does: asking the
	 * container is right whatever follows.
	 */
	private static int valueEnd(String header, int start) {
		int length = header.length();
		boolean quoted = false;
		for (int at = start; at < length; at++) {
			char c = header.charAt(at);
			if (c >= 0x80) {
				return NON_ASCII;
			}
			if (CookieSyntax.isCookieOctet(c)) {
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
			return MALFORMED;
		}
		return length;
	}

	/**
	 * Returns where the cookie after the one starting at {@code start} starts.
	 */
	private static int next(String header, int start) {
		int semicolon = header.indexOf(';', start);
		return (semicolon >= 0) ? semicolon + 1 : header.length();
	}

	private static int skipBlanks(String header, int from) {
		int at = from;
		while (at < header.length() && (header.charAt(at) == ' ' || header.charAt(at) == '\t')) {
			at++;
		}
		return at;
	}

}

package io.queuekeeper.web.reactive;

import java.util.List;

import io.queuekeeper.web.CookieSyntax;
import org.jspecify.annotations.Nullable;

/**
 * Finds one cookie in the raw {@code Cookie} headers and reads it as Reactor Netty's
 * server does, so that the adapter need not call {@code getCookies()}, which makes Spring
 * and Netty turn every cookie of the request into objects. Reactor Netty decodes each
 * header with Netty's {@code ServerCookieDecoder}, {@code STRICT} unless the application
 * chose {@code LAX}; this class answers only where both agree, so it holds for either.
 * {@code NettyCookieParityTests} checks these rules against a running Reactor Netty:
 * <ul>
 * <li>every {@code ;} ends a cookie, whatever comes before it; a cookie starts after any
 * spaces, tabs, line breaks and commas, its name runs to the first {@code =}, and its
 * value is all the rest, blanks and commas included;</li>
 * <li>a cookie without {@code =} is dropped, and so is a value that opens a double quote
 * without closing it at its end; a value in double quotes loses them;</li>
 * <li>the first cookie with the name wins, across headers in their order.</li>
 * </ul>
 * The decoders differ on a name with blanks around it ({@code LAX} trims them,
 * {@code STRICT} drops the cookie) and on a value with a character that RFC 6265 does not
 * allow in a cookie ({@code LAX} keeps it, {@code STRICT} drops it): when the first
 * cookie of that name is such a one, {@link #find} says to ask the server. So it does for
 * a name that is not an HTTP token or that starts with {@code $} (Netty skips some such
 * names in old RFC 2965 headers).
 */
final class NettyCookieHeader {

	/**
	 * What {@link #find} returns when only {@code getCookies()} can tell; compare it by
	 * identity. It is never a cookie value that {@link #find} returns: those have no
	 * spaces.
	 */
	static final String ASK_SERVER = new String("ask the server");

	private NettyCookieHeader() {
	}

	/**
	 * Returns the value of the first cookie with exactly this name in the {@code Cookie}
	 * headers, {@code null} when they have none, or {@link #ASK_SERVER}.
	 * @param headers the header values in the order they came, or {@code null} when the
	 * request has none
	 * @param name the cookie name
	 */
	static @Nullable String find(@Nullable List<String> headers, String name) {
		if (!isReadable(name)) {
			return ASK_SERVER;
		}
		if (headers != null) {
			for (String header : headers) {
				String found = findIn(header, name);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/**
	 * Returns the value of the first cookie with exactly this name in one {@code Cookie}
	 * header, {@code null} when the header has none, or {@link #ASK_SERVER}.
	 * @param header the header value as Netty decoded it (ISO-8859-1)
	 * @param name the cookie name
	 */
	static @Nullable String find(String header, String name) {
		return isReadable(name) ? findIn(header, name) : ASK_SERVER;
	}

	private static @Nullable String findIn(String header, String name) {
		int length = header.length();
		int start = 0;
		while (start < length) {
			int end = header.indexOf(';', start);
			if (end < 0) {
				end = length;
			}
			String found = cookie(header, start, end, name);
			if (found != null) {
				return found;
			}
			start = end + 1;
		}
		return null;
	}

	/**
	 * Reads the cookie between {@code start} and the {@code ;} or end of header at
	 * {@code end}: its value if it has the name and both decoders keep it alike,
	 * {@code null} if it has another name or neither keeps it, or {@link #ASK_SERVER}.
	 */
	private static @Nullable String cookie(String header, int start, int end, String name) {
		int nameStart = start;
		while (nameStart < end && isSkipped(header.charAt(nameStart))) {
			nameStart++;
		}
		int equals = header.indexOf('=', nameStart);
		if (equals < 0 || equals >= end) {
			// A cookie without a value: both decoders drop it.
			return null;
		}
		// LAX trims the name as String.trim() does; STRICT keeps only an untrimmed one.
		int trimmedStart = nameStart;
		while (trimmedStart < equals && header.charAt(trimmedStart) <= ' ') {
			trimmedStart++;
		}
		int trimmedEnd = equals;
		while (trimmedEnd > trimmedStart && header.charAt(trimmedEnd - 1) <= ' ') {
			trimmedEnd--;
		}
		if (trimmedEnd - trimmedStart != name.length() || !header.startsWith(name, trimmedStart)) {
			return null;
		}
		if (trimmedStart != nameStart || trimmedEnd != equals) {
			return ASK_SERVER;
		}
		int valueStart = equals + 1;
		int valueEnd = end;
		if (valueStart < valueEnd && header.charAt(valueStart) == '"') {
			if (valueEnd - valueStart < 2 || header.charAt(valueEnd - 1) != '"') {
				// An unbalanced quote: both decoders drop the cookie.
				return null;
			}
			valueStart++;
			valueEnd--;
		}
		for (int at = valueStart; at < valueEnd; at++) {
			char c = header.charAt(at);
			if (!CookieSyntax.isCookieOctet(c)) {
				return ASK_SERVER;
			}
		}
		return header.substring(valueStart, valueEnd);
	}

	/**
	 * Whether the cookies of this name can be read from the headers: it is an HTTP token
	 * that does not start with {@code $}.
	 */
	private static boolean isReadable(String name) {
		return !name.startsWith("$") && CookieSyntax.isToken(name);
	}

	/**
	 * Whether Netty skips the character before a cookie name: blanks, line breaks and the
	 * separators {@code ,} and {@code ;}.
	 */
	private static boolean isSkipped(char c) {
		return c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r' || c == ' ' || c == ',' || c == ';';
	}

}

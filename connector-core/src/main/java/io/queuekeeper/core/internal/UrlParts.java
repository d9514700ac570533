package io.queuekeeper.core.internal;

/**
 * Reads the parts of a request URL that the protocol needs, without {@link java.net.URL}
 * (slow, and strict in ways that would turn odd input into exceptions).
 */
public final class UrlParts {

	/** Name of the query parameter that carries the queue token. */
	public static final String TOKEN_PARAMETER = "queueittoken";

	private UrlParts() {
	}

	/**
	 * Returns the raw value of the first query parameter named exactly
	 * {@code queueittoken} (up to the next {@code =} or {@code &}), or {@code ""} when
	 * there is none.
	 */
	public static String rawToken(String url) {
		int query = url.indexOf('?');
		if (query < 0) {
			return "";
		}
		int length = url.length();
		int start = query + 1;
		while (start <= length) {
			int stop = indexOf(url, '&', start, length);
			int nameEnd = indexOf(url, '=', start, stop);
			if (nameEnd - start == TOKEN_PARAMETER.length() && url.startsWith(TOKEN_PARAMETER, start)) {
				if (nameEnd == stop) {
					return "";
				}
				return url.substring(nameEnd + 1, indexOf(url, '=', nameEnd + 1, stop));
			}
			start = stop + 1;
		}
		return "";
	}

	/**
	 * Returns the URL without any query parameter named {@code queueittoken} in any ASCII
	 * letter case. Every other parameter is kept byte for byte and in order; a query left
	 * with no parameter loses its {@code ?}.
	 */
	public static String withoutToken(String url) {
		int query = url.indexOf('?');
		if (query < 0 || !mentionsTokenIgnoringCase(url, query)) {
			return url;
		}
		StringBuilder kept = new StringBuilder(url.length());
		int keptCount = 0;
		int length = url.length();
		int start = query + 1;
		while (start <= length) {
			int stop = indexOf(url, '&', start, length);
			int nameEnd = indexOf(url, '=', start, stop);
			if (!isTokenName(url, start, nameEnd)) {
				if (keptCount++ > 0) {
					kept.append('&');
				}
				kept.append(url, start, stop);
			}
			start = stop + 1;
		}
		return (keptCount > 0) ? url.substring(0, query + 1) + kept : url.substring(0, query);
	}

	/**
	 * Whether the query of the URL contains the text {@code queueittoken} anywhere.
	 */
	public static boolean queryMentionsToken(String url) {
		int query = url.indexOf('?');
		return query >= 0 && url.indexOf(TOKEN_PARAMETER, query) >= 0;
	}

	/**
	 * Returns the path, without query or fragment, or {@code ""} when the URL has no
	 * {@code scheme://authority} prefix or no path.
	 */
	public static String path(String url) {
		int authority = authorityStart(url);
		if (authority < 0) {
			return "";
		}
		int length = url.length();
		int pathStart = authorityEnd(url, authority);
		if (pathStart == length || url.charAt(pathStart) != '/') {
			return "";
		}
		int pathEnd = pathStart;
		while (pathEnd < length && url.charAt(pathEnd) != '?' && url.charAt(pathEnd) != '#') {
			pathEnd++;
		}
		return url.substring(pathStart, pathEnd);
	}

	/**
	 * Returns the host without user info or port, letter case kept, or {@code ""} when
	 * the URL has no {@code scheme://authority} prefix.
	 */
	public static String host(String url) {
		int authority = authorityStart(url);
		if (authority < 0) {
			return "";
		}
		int end = authorityEnd(url, authority);
		int at = url.lastIndexOf('@', end - 1);
		int start = (at >= authority) ? at + 1 : authority;
		int colon = url.lastIndexOf(':', end - 1);
		if (colon >= start && allDigits(url, colon + 1, end)) {
			end = colon;
		}
		return url.substring(start, end);
	}

	/**
	 * Whether the value is an absolute http or https URL with a host.
	 */
	public static boolean isHttpUrl(String url) {
		boolean http = url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8);
		return http && !host(url).isEmpty();
	}

	private static int authorityStart(String url) {
		int length = url.length();
		if (length == 0 || !isAsciiLetter(url.charAt(0))) {
			return -1;
		}
		for (int i = 1; i < length; i++) {
			char c = url.charAt(i);
			if (c == ':') {
				return url.startsWith("//", i + 1) ? i + 3 : -1;
			}
			if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
				return -1;
			}
		}
		return -1;
	}

	private static int authorityEnd(String url, int authority) {
		int length = url.length();
		for (int i = authority; i < length; i++) {
			char c = url.charAt(i);
			if (c == '/' || c == '?' || c == '#') {
				return i;
			}
		}
		return length;
	}

	private static boolean mentionsTokenIgnoringCase(String url, int from) {
		int last = url.length() - TOKEN_PARAMETER.length();
		for (int i = from; i <= last; i++) {
			if (isTokenName(url, i, i + TOKEN_PARAMETER.length())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isTokenName(String url, int start, int end) {
		if (end - start != TOKEN_PARAMETER.length()) {
			return false;
		}
		for (int i = 0; i < TOKEN_PARAMETER.length(); i++) {
			char c = url.charAt(start + i);
			if (c >= 'A' && c <= 'Z') {
				c = (char) (c + ('a' - 'A'));
			}
			if (c != TOKEN_PARAMETER.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(String value, char c, int from, int limit) {
		int found = value.indexOf(c, from);
		return (found < 0 || found > limit) ? limit : found;
	}

	private static boolean allDigits(String value, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

}

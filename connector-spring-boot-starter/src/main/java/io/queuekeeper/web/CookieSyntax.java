package io.queuekeeper.web;

/**
 * The character classes of the {@code Cookie} header that both web adapters read cookies
 * by: the token characters of RFC 7230 (cookie names) and the cookie octets of RFC 6265
 * (cookie values). Support for the adapters, not API: it may change without notice.
 *
 * @since 0.1.0
 */
public final class CookieSyntax {

	private static final byte TOKEN = 1;

	private static final byte OCTET = 2;

	/** What each US-ASCII character may be part of: a name, a value, both or neither. */
	private static final byte[] CLASSES = new byte[128];

	static {
		String token = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
		for (int i = 0; i < token.length(); i++) {
			CLASSES[token.charAt(i)] |= TOKEN;
		}
		for (char c = 0x21; c < 0x7f; c++) {
			if (c != '"' && c != ',' && c != ';' && c != '\\') {
				CLASSES[c] |= OCTET;
			}
		}
	}

	private CookieSyntax() {
	}

	/**
	 * Whether the text is an HTTP token: not empty, and only token characters.
	 */
	public static boolean isToken(String text) {
		if (text.isEmpty()) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (!isTokenChar(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the character may be part of an HTTP token.
	 */
	public static boolean isTokenChar(char c) {
		return c < 0x80 && (CLASSES[c] & TOKEN) != 0;
	}

	/**
	 * Whether the character is a cookie octet: visible US-ASCII other than {@code "},
	 * {@code ,}, {@code ;} and {@code \}.
	 */
	public static boolean isCookieOctet(char c) {
		return c < 0x80 && (CLASSES[c] & OCTET) != 0;
	}

}

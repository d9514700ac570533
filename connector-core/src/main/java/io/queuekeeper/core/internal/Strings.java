package io.queuekeeper.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * String helpers with the exact semantics the wire protocol depends on.
 */
public final class Strings {

	private Strings() {
	}

	/**
	 * Whether the value is null, empty or only whitespace ({@link String#isBlank()}).
	 */
	public static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/**
	 * Upper-cases with {@link Locale#ROOT}, so that a Turkish default locale cannot
	 * change how {@code i} and {@code I} compare.
	 */
	public static String fold(String value) {
		// Triggers fold the URL, the path and the User-Agent of most requests, and the
		// JDK's general case mapping looks up every character. For ASCII text the root
		// locale's mapping is a-z to A-Z and nothing else.
		int length = value.length();
		byte[] folded = new byte[length];
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c >= 0x80) {
				return value.toUpperCase(Locale.ROOT);
			}
			folded[i] = (byte) ((c >= 'a' && c <= 'z') ? c - ('a' - 'A') : c);
		}
		return new String(folded, StandardCharsets.ISO_8859_1);
	}

}

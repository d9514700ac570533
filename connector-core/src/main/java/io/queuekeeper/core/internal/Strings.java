package io.queuekeeper.core.internal;

import java.util.ArrayList;
import java.util.List;
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
		return value.toUpperCase(Locale.ROOT);
	}

	/**
	 * Splits on a single character the way {@link String#split(String)} does for a
	 * literal one-character separator: trailing empty parts are dropped, inner and
	 * leading ones are kept.
	 */
	public static List<String> split(String value, char separator) {
		List<String> parts = new ArrayList<>(8);
		int start = 0;
		int length = value.length();
		for (int i = 0; i < length; i++) {
			if (value.charAt(i) == separator) {
				parts.add(value.substring(start, i));
				start = i + 1;
			}
		}
		parts.add(value.substring(start, length));
		int last = parts.size();
		while (last > 0 && parts.get(last - 1).isEmpty()) {
			last--;
		}
		return (last == parts.size()) ? parts : new ArrayList<>(parts.subList(0, last));
	}

}

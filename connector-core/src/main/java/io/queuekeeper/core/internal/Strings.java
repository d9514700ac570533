package io.queuekeeper.core.internal;

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

}

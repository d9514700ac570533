package io.queuekeeper.core;

import io.queuekeeper.core.internal.Strings;
import org.jspecify.annotations.Nullable;

/**
 * Where connector diagnostics send a visitor whose debug token fails its checks.
 */
final class Diagnostics {

	private Diagnostics() {
	}

	/**
	 * Returns the diagnostics error URL for a debug token, or {@code null} when the
	 * checks pass: set-up first, then signature, then expiry. The event is not checked.
	 */
	static @Nullable String failureUrl(@Nullable String customerId, @Nullable String secretKey, boolean signed,
			boolean expired) {
		if (Strings.isBlank(customerId) || Strings.isBlank(secretKey)) {
			return "https://api2.queue-it.net/diagnostics/connector/error/?code=setup";
		}
		if (!signed) {
			return errorUrl(customerId, "hash");
		}
		if (expired) {
			return errorUrl(customerId, "timestamp");
		}
		return null;
	}

	private static String errorUrl(String customerId, String code) {
		return "https://" + customerId + ".api2.queue-it.net/" + customerId + "/diagnostics/connector/error/?code="
				+ code;
	}

}

package io.queuekeeper.core.enqueue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The encrypted part of an enqueue token: an optional key, relative quality, custom data
 * and origin. Each field is written only when it is set.
 *
 * @param key {@code k}, e.g. a customer number the waiting room admits once, or
 * {@code null}
 * @param relativeQuality {@code r}, a finite number, or {@code null}
 * @param customData {@code cd}, written in iteration order; empty when there is none
 * @param origin {@code O}, who issued the token as Queue-it's .NET library names it (e.g.
 * {@link #ORIGIN_CONNECTOR}), or {@code null} to leave it out as the Java library does
 * @since 0.1.0
 */
public record EnqueueTokenPayload(@Nullable String key, @Nullable Double relativeQuality,
		Map<String, String> customData, @Nullable String origin) {

	/** Origin of tokens issued by a connector. */
	public static final String ORIGIN_CONNECTOR = "Connector";

	/** Origin of tokens that admit visitors to an invite-only waiting room. */
	public static final String ORIGIN_INVITE_ONLY = "InviteOnly";

	/**
	 * Validates the payload and copies the custom data.
	 * @throws IllegalArgumentException if the relative quality is not finite
	 */
	public EnqueueTokenPayload {
		if (relativeQuality != null && !Double.isFinite(relativeQuality)) {
			throw new IllegalArgumentException("relativeQuality must be a finite number, was " + relativeQuality);
		}
		Map<String, String> copy = new LinkedHashMap<>();
		customData.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "customData name"),
				Objects.requireNonNull(value, "customData value")));
		customData = Collections.unmodifiableMap(copy);
	}

	/**
	 * Creates a payload that only carries a key.
	 * @param key the key
	 */
	public static EnqueueTokenPayload ofKey(String key) {
		return new EnqueueTokenPayload(key, null, Map.of(), null);
	}

}

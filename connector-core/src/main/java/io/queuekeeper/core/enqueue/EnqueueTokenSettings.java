package io.queuekeeper.core.enqueue;

import java.time.Duration;
import java.util.Objects;

import io.queuekeeper.core.ConnectorConfigurationException;

/**
 * Whether and how the connector issues enqueue tokens for an event.
 *
 * @param enabled whether queue redirects carry an enqueue token
 * @param validity how long a token is valid after it is issued; at least
 * {@link #MIN_VALIDITY}, at most {@link #MAX_VALIDITY}
 * @param key whether every token carries a payload key: the one a customizer sets, or a
 * random UUID (what Queue-it's Akamai connector does)
 * @param ipBinding whether tokens are bound to the client's IP address
 * @param forwardedForBinding whether tokens are bound to the request's
 * {@code X-Forwarded-For} header
 * @since 0.1.0
 */
public record EnqueueTokenSettings(boolean enabled, Duration validity, boolean key, boolean ipBinding,
		boolean forwardedForBinding) {

	/** Shortest validity; Queue-it's connectors treat shorter ones as unset. */
	public static final Duration MIN_VALIDITY = Duration.ofSeconds(30);

	/** Longest validity: enqueue tokens are meant to be used right away. */
	public static final Duration MAX_VALIDITY = Duration.ofDays(1);

	/** Validity used by Queue-it's connectors when none is set. */
	public static final Duration DEFAULT_VALIDITY = Duration.ofSeconds(240);

	/** No enqueue tokens. */
	public static final EnqueueTokenSettings DISABLED = new EnqueueTokenSettings(false, DEFAULT_VALIDITY, true, false,
			false);

	/**
	 * Validates the settings.
	 * @throws ConnectorConfigurationException if the validity is outside
	 * {@link #MIN_VALIDITY} to {@link #MAX_VALIDITY}
	 */
	public EnqueueTokenSettings {
		Objects.requireNonNull(validity, "validity");
		if (validity.compareTo(MIN_VALIDITY) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
			throw new ConnectorConfigurationException(
					"enqueue token validity must be at least 30s and at most 1d, e.g. 240s; was " + validity);
		}
	}

	/**
	 * Returns enabled settings with Queue-it's defaults: valid for 240 seconds, a key in
	 * every token, no IP or {@code X-Forwarded-For} binding.
	 */
	public static EnqueueTokenSettings enabledByDefault() {
		return new EnqueueTokenSettings(true, DEFAULT_VALIDITY, true, false, false);
	}

}

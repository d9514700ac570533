package io.queuekeeper.core;

import io.queuekeeper.core.internal.Strings;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a cancel action defined in code rather than in GO.
 *
 * @param eventId the waiting room id
 * @param queueDomain the waiting room host (no scheme), possibly with a path
 * @param cookieDomain the session cookie's Domain, or {@code null} for host-only
 * @param cookieHttpOnly whether the session cookie is HttpOnly
 * @param cookieSecure whether the session cookie is Secure
 * @param version the config version sent as {@code cver}
 * @param actionName the action name sent as {@code man}
 * @since 0.1.0
 */
public record CancelEventConfig(String eventId, String queueDomain, @Nullable String cookieDomain,
		boolean cookieHttpOnly, boolean cookieSecure, int version, String actionName) {

	/**
	 * Validates the config.
	 * @throws ConnectorConfigurationException if the event id or queue domain is unusable
	 */
	public CancelEventConfig {
		QueueEventConfig.checkEvent(eventId, queueDomain);
		cookieDomain = Strings.isBlank(cookieDomain) ? null : cookieDomain;
		actionName = (actionName != null) ? actionName : QueueEventConfig.LOCAL_ACTION_NAME;
	}

	/**
	 * Creates a config with Queue-it's defaults: host-only cookie without flags.
	 */
	public static CancelEventConfig of(String eventId, String queueDomain) {
		return new CancelEventConfig(eventId, queueDomain, null, false, false, QueueEventConfig.LOCAL_VERSION,
				QueueEventConfig.LOCAL_ACTION_NAME);
	}

}

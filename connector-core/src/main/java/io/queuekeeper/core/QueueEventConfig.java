package io.queuekeeper.core;

import io.queuekeeper.core.internal.EventChecks;
import io.queuekeeper.core.internal.Strings;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a queue action defined in code rather than in GO. The defaults follow
 * Queue-it's Java connector: version {@code -1} and action name {@code unspecified}.
 *
 * @param eventId the waiting room id
 * @param queueDomain the waiting room host (no scheme), possibly with a path
 * @param cookieDomain the session cookie's Domain, or {@code null} for host-only
 * @param cookieHttpOnly whether the session cookie is HttpOnly
 * @param cookieSecure whether the session cookie is Secure
 * @param cookieValidityMinutes how long a session cookie stays valid; more than zero
 * @param extendCookieValidity whether each request renews the session cookie
 * @param culture the waiting room culture, or {@code null}
 * @param layoutName the waiting room layout, or {@code null}
 * @param version the config version sent as {@code cver}
 * @param actionName the action name sent as {@code man}
 * @since 0.1.0
 */
public record QueueEventConfig(String eventId, String queueDomain, @Nullable String cookieDomain,
		boolean cookieHttpOnly, boolean cookieSecure, int cookieValidityMinutes, boolean extendCookieValidity,
		@Nullable String culture, @Nullable String layoutName, int version, String actionName) {

	/** Version sent for configs defined in code. */
	public static final int LOCAL_VERSION = -1;

	/** Action name sent for configs defined in code. */
	public static final String LOCAL_ACTION_NAME = "unspecified";

	/**
	 * Validates the config.
	 * @throws ConnectorConfigurationException if the event id or queue domain is unusable
	 * or the validity is not positive
	 */
	public QueueEventConfig {
		checkEvent(eventId, queueDomain);
		if (cookieValidityMinutes <= 0) {
			throw new ConnectorConfigurationException("cookieValidityMinutes of event '" + eventId
					+ "' must be greater than zero, was " + cookieValidityMinutes);
		}
		cookieDomain = Strings.isBlank(cookieDomain) ? null : cookieDomain;
		actionName = (actionName != null) ? actionName : LOCAL_ACTION_NAME;
	}

	/**
	 * Creates a config with Queue-it's defaults: host-only cookie without flags, valid
	 * for 20 minutes and extended on every request.
	 */
	public static QueueEventConfig of(String eventId, String queueDomain) {
		return new QueueEventConfig(eventId, queueDomain, null, false, false, 20, true, null, null, LOCAL_VERSION,
				LOCAL_ACTION_NAME);
	}

	static void checkEvent(String eventId, String queueDomain) {
		String problem = EventChecks.eventIdProblem(eventId);
		if (problem != null) {
			throw new ConnectorConfigurationException("eventId " + problem);
		}
		problem = EventChecks.queueDomainProblem(queueDomain);
		if (problem != null) {
			throw new ConnectorConfigurationException("queueDomain of event '" + eventId + "' " + problem);
		}
	}

}

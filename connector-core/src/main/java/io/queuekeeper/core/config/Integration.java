package io.queuekeeper.core.config;

import java.util.List;
import java.util.Objects;

import io.queuekeeper.core.rules.RequestValues;
import io.queuekeeper.core.rules.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * One compiled integration (action) of the config.
 *
 * @param name the action name, sent as {@code man}
 * @param actionType what the action does
 * @param eventId the waiting room id ({@code ""} for Ignore actions)
 * @param queueDomain the waiting room host, possibly with a path ({@code ""} for Ignore)
 * @param cookieDomain the session cookie's Domain, or {@code null} for host-only
 * @param cookieHttpOnly whether the session cookie is HttpOnly
 * @param cookieSecure whether the session cookie is Secure
 * @param cookieValidityMinutes how long a session cookie stays valid
 * @param extendCookieValidity whether each matching request renews the session cookie
 * @param culture the waiting room culture, sent as {@code cid} when not blank
 * @param layoutName the waiting room layout, sent as {@code l} when not blank
 * @param redirectLogic which target URL the waiting room gets
 * @param forcedTargetUrl the target for {@link RedirectLogic#FORCED_TARGET_URL}
 * @param triggers the triggers, in config order
 * @since 0.1.0
 */
public record Integration(String name, ActionType actionType, String eventId, String queueDomain,
		@Nullable String cookieDomain, boolean cookieHttpOnly, boolean cookieSecure, int cookieValidityMinutes,
		boolean extendCookieValidity, String culture, String layoutName, RedirectLogic redirectLogic,
		String forcedTargetUrl, List<Trigger> triggers) {

	public Integration {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(actionType, "actionType");
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(queueDomain, "queueDomain");
		Objects.requireNonNull(culture, "culture");
		Objects.requireNonNull(layoutName, "layoutName");
		Objects.requireNonNull(redirectLogic, "redirectLogic");
		Objects.requireNonNull(forcedTargetUrl, "forcedTargetUrl");
		triggers = List.copyOf(triggers);
	}

	/**
	 * Whether any trigger of this integration matches the request.
	 */
	public boolean matches(RequestValues request) {
		for (int i = 0; i < this.triggers.size(); i++) {
			if (this.triggers.get(i).matches(request)) {
				return true;
			}
		}
		return false;
	}

}

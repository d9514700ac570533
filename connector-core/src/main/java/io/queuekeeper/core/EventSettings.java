package io.queuekeeper.core;

import org.jspecify.annotations.Nullable;

/**
 * The settings of one event as the queue and cancel flows need them, whether they come
 * from an integration or from code.
 */
record EventSettings(String eventId, String queueDomain, @Nullable String cookieDomain, boolean cookieHttpOnly,
		boolean cookieSecure, int cookieValidityMinutes, boolean extendCookieValidity, @Nullable String culture,
		@Nullable String layoutName, int version, String actionName) {

	/**
	 * Renders the settings the way connector diagnostics report them.
	 */
	String describe(boolean queue) {
		StringBuilder text = new StringBuilder(200).append("EventId:")
			.append(this.eventId)
			.append("&Version:")
			.append(this.version)
			.append("&QueueDomain:")
			.append(this.queueDomain)
			.append("&CookieDomain:")
			.append(this.cookieDomain)
			.append("&IsCookieHttpOnly:")
			.append(this.cookieHttpOnly)
			.append("&IsCookieSecure:")
			.append(this.cookieSecure);
		if (queue) {
			text.append("&ExtendCookieValidity:")
				.append(this.extendCookieValidity)
				.append("&CookieValidityMinute:")
				.append(this.cookieValidityMinutes)
				.append("&LayoutName:")
				.append(this.layoutName)
				.append("&Culture:")
				.append(this.culture);
		}
		return text.append("&ActionName:").append(this.actionName).toString();
	}

}

package io.queuekeeper.core.config;

import org.jspecify.annotations.Nullable;

/**
 * Which target URL a queue redirect sends the waiting room.
 *
 * @since 0.1.0
 */
public enum RedirectLogic {

	/** The URL the visitor asked for (or the AJAX page URL). */
	ALLOW_T_PARAMETER,

	/** The integration's {@code ForcedTargetUrl}. */
	FORCED_TARGET_URL,

	/** No target: the waiting room uses the event's own target URL. */
	EVENT_TARGET_URL;

	/**
	 * Maps a config value. {@code ForcedTargetUrl} and the historical typo
	 * {@code ForecedTargetUrl} force the target, {@code EventTargetUrl} leaves it to the
	 * event, and anything else allows the visitor's URL.
	 */
	public static RedirectLogic fromWire(@Nullable String value) {
		if ("ForcedTargetUrl".equals(value) || "ForecedTargetUrl".equals(value)) {
			return FORCED_TARGET_URL;
		}
		return "EventTargetUrl".equals(value) ? EVENT_TARGET_URL : ALLOW_T_PARAMETER;
	}

}

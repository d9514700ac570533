package io.queuekeeper.core.token;

import io.queuekeeper.core.internal.Strings;
import org.jspecify.annotations.Nullable;

/**
 * What the session cookie of one event says about a visitor.
 *
 * @param found whether the request carried the cookie at all
 * @param valid whether it is signed, for this event and (when checked) not expired
 * @param queueId the visitor's queue id, when valid
 * @param fixedValidityMinutes the fixed validity from the token, when valid and present
 * @param redirectType the redirect type, when valid
 * @since 0.1.0
 */
public record CookieState(boolean found, boolean valid, @Nullable String queueId, @Nullable String fixedValidityMinutes,
		@Nullable String redirectType) {

	/** No cookie. */
	public static final CookieState NOT_FOUND = new CookieState(false, false, null, null, null);

	/** A cookie that must not be trusted. */
	public static final CookieState INVALID = new CookieState(true, false, null, null, null);

	/**
	 * Whether the automatic extension may renew the cookie: it is valid and has no fixed
	 * validity.
	 */
	public boolean extendable() {
		return this.valid && Strings.isBlank(this.fixedValidityMinutes);
	}

}

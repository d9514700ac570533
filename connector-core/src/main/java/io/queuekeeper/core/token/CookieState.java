package io.queuekeeper.core.token;

import java.util.Objects;

import io.queuekeeper.core.internal.Strings;
import org.jspecify.annotations.Nullable;

/**
 * What the session cookie of one event says about a visitor. Immutable; two states are
 * equal when their five values are.
 *
 * @since 0.1.0
 */
public final class CookieState {

	/** No cookie. */
	public static final CookieState NOT_FOUND = new CookieState(false, false, null, null, null);

	/** A cookie that must not be trusted. */
	public static final CookieState INVALID = new CookieState(true, false, null, null, null);

	private final boolean found;

	private final boolean valid;

	private final @Nullable String queueId;

	private final @Nullable String fixedValidityMinutes;

	private final @Nullable String redirectType;

	/*
	 * Where the fields lie in the value read, when SessionCookies read it in place and it
	 * has no fixed validity, so that re-issuing it only rewrites its issue time and hash.
	 * Not part of the state's identity.
	 */
	final SessionCookies.@Nullable Layout layout;

	/**
	 * Creates a state.
	 * @param found whether the request carried the cookie at all
	 * @param valid whether it is signed, for this event and (when checked) not expired
	 * @param queueId the visitor's queue id, when valid
	 * @param fixedValidityMinutes the fixed validity from the token, when valid and
	 * present
	 * @param redirectType the redirect type, when valid
	 */
	public CookieState(boolean found, boolean valid, @Nullable String queueId, @Nullable String fixedValidityMinutes,
			@Nullable String redirectType) {
		this(found, valid, queueId, fixedValidityMinutes, redirectType, null);
	}

	CookieState(boolean found, boolean valid, @Nullable String queueId, @Nullable String fixedValidityMinutes,
			@Nullable String redirectType, SessionCookies.@Nullable Layout layout) {
		this.found = found;
		this.valid = valid;
		this.queueId = queueId;
		this.fixedValidityMinutes = fixedValidityMinutes;
		this.redirectType = redirectType;
		this.layout = layout;
	}

	/**
	 * Whether the request carried the cookie at all.
	 */
	public boolean found() {
		return this.found;
	}

	/**
	 * Whether the cookie is signed, for this event and (when checked) not expired.
	 */
	public boolean valid() {
		return this.valid;
	}

	/**
	 * The visitor's queue id, when valid.
	 */
	public @Nullable String queueId() {
		return this.queueId;
	}

	/**
	 * The fixed validity from the token, when valid and present.
	 */
	public @Nullable String fixedValidityMinutes() {
		return this.fixedValidityMinutes;
	}

	/**
	 * The redirect type, when valid.
	 */
	public @Nullable String redirectType() {
		return this.redirectType;
	}

	/**
	 * Whether the automatic extension may renew the cookie: it is valid and has no fixed
	 * validity.
	 */
	public boolean extendable() {
		return this.valid && Strings.isBlank(this.fixedValidityMinutes);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof CookieState state && this.found == state.found
				&& this.valid == state.valid && Objects.equals(this.queueId, state.queueId)
				&& Objects.equals(this.fixedValidityMinutes, state.fixedValidityMinutes)
				&& Objects.equals(this.redirectType, state.redirectType));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.found, this.valid, this.queueId, this.fixedValidityMinutes, this.redirectType);
	}

	@Override
	public String toString() {
		return "CookieState[found=" + this.found + ", valid=" + this.valid + ", queueId=" + this.queueId
				+ ", fixedValidityMinutes=" + this.fixedValidityMinutes + ", redirectType=" + this.redirectType + "]";
	}

}

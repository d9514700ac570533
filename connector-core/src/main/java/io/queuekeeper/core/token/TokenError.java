package io.queuekeeper.core.token;

/**
 * Why a {@link QueueToken} was refused; the code becomes the {@code error/{code}/} path
 * of the waiting room's error page.
 *
 * @since 0.1.0
 */
public enum TokenError {

	/** The signature does not match. */
	HASH("hash"),

	/** The token was issued for another waiting room. */
	EVENT_ID("eventid"),

	/** The token has expired. */
	TIMESTAMP("timestamp");

	private final String code;

	TokenError(String code) {
		this.code = code;
	}

	/**
	 * Returns the code used in the error URL.
	 */
	public String code() {
		return this.code;
	}

}

package io.queuekeeper.core.rules;

/**
 * What a trigger part reads from the request.
 *
 * @since 0.1.0
 */
public enum ValidatorType {

	/** A part of the request URL, see {@link UrlPart}. */
	URL("UrlValidator"),

	/** The raw value of a request cookie. */
	COOKIE("CookieValidator"),

	/** The {@code User-Agent} header. */
	USER_AGENT("UserAgentValidator"),

	/** A request header, looked up ignoring case. */
	HTTP_HEADER("HttpHeaderValidator"),

	/** The request body, as text. */
	REQUEST_BODY("RequestBodyValidator"),

	/** Any other value: the part never matches. */
	UNKNOWN("");

	private final String wireName;

	ValidatorType(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * Returns the name used in the integration config.
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Maps a config value (exact, case-sensitive) to a validator type.
	 */
	public static ValidatorType fromWire(String value) {
		for (ValidatorType type : values()) {
			if (type != UNKNOWN && type.wireName.equals(value)) {
				return type;
			}
		}
		return UNKNOWN;
	}

}

package io.queuekeeper.core.rules;

/**
 * Which part of the URL a {@link ValidatorType#URL} part compares.
 *
 * @since 0.1.0
 */
public enum UrlPart {

	/** The whole URL without the queue token. */
	PAGE_URL("PageUrl"),

	/** The path, without query. */
	PAGE_PATH("PagePath"),

	/** The host, without port. */
	HOST_NAME("HostName"),

	/** Any other value: compares the empty string. */
	UNKNOWN("");

	private final String wireName;

	UrlPart(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * Returns the name used in the integration config.
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Maps a config value (exact, case-sensitive) to a URL part.
	 */
	public static UrlPart fromWire(String value) {
		for (UrlPart part : values()) {
			if (part != UNKNOWN && part.wireName.equals(value)) {
				return part;
			}
		}
		return UNKNOWN;
	}

}

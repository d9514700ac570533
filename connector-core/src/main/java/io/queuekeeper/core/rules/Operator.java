package io.queuekeeper.core.rules;

/**
 * How a trigger part compares the request value with the configured value(s).
 *
 * @since 0.1.0
 */
public enum Operator {

	/** Equal to {@code ValueToCompare}. */
	EQUALS("Equals"),

	/** Contains {@code ValueToCompare}; {@code *} matches any non-empty value. */
	CONTAINS("Contains"),

	/** Equal to one of {@code ValuesToCompare}. */
	EQUALS_ANY("EqualsAny"),

	/** Contains one of {@code ValuesToCompare}. */
	CONTAINS_ANY("ContainsAny"),

	/** Any other value: the part never matches, whatever {@code IsNegative} says. */
	UNKNOWN("");

	private final String wireName;

	Operator(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * Returns the name used in the integration config.
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Maps a config value (exact, case-sensitive) to an operator.
	 */
	public static Operator fromWire(String value) {
		for (Operator operator : values()) {
			if (operator != UNKNOWN && operator.wireName.equals(value)) {
				return operator;
			}
		}
		return UNKNOWN;
	}

}

package io.queuekeeper.core.rules;

/**
 * How the parts of one trigger combine.
 *
 * @since 0.1.0
 */
public enum LogicalOperator {

	/** Every part must match; a trigger without parts matches every request. */
	AND,

	/** One part must match; a trigger without parts matches nothing. */
	OR;

	/**
	 * Maps a config value: only the exact text {@code Or} means OR, anything else
	 * (including a missing value) means AND.
	 */
	public static LogicalOperator fromWire(String value) {
		return "Or".equals(value) ? OR : AND;
	}

}

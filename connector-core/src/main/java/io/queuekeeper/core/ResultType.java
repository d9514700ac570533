package io.queuekeeper.core;

/**
 * The action behind a {@link ValidationResult}.
 *
 * @since 0.1.0
 */
public enum ResultType {

	/** A queue action matched. */
	QUEUE("Queue"),

	/** A cancel action matched. */
	CANCEL("Cancel"),

	/** An ignore action (or an unknown action type) matched. */
	IGNORE("Ignore"),

	/** A debug token failed its checks; the visitor goes to the diagnostics page. */
	CONNECTOR_DIAGNOSTICS_REDIRECT("ConnectorDiagnosticsRedirect");

	private final String wireName;

	ResultType(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * Returns the name Queue-it's connectors use for this action.
	 */
	public String wireName() {
		return this.wireName;
	}

}

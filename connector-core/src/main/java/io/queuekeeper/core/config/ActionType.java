package io.queuekeeper.core.config;

import io.queuekeeper.core.internal.Strings;
import org.jspecify.annotations.Nullable;

/**
 * What an integration does with a matching request.
 *
 * @since 0.1.0
 */
public enum ActionType {

	/**
	 * Send the visitor to the waiting room unless a session cookie or token lets them in.
	 */
	QUEUE("Queue"),

	/** Remove the visitor's session and send them to the cancel page. */
	CANCEL("Cancel"),

	/** Leave the request alone. */
	IGNORE("Ignore");

	private final String wireName;

	ActionType(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * Returns the name used on the wire and in results.
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Maps a config value: a missing or blank value means {@link #QUEUE}, any value other
	 * than {@code Queue} and {@code Cancel} means {@link #IGNORE}.
	 */
	public static ActionType fromWire(@Nullable String value) {
		if (Strings.isBlank(value) || QUEUE.wireName.equals(value)) {
			return QUEUE;
		}
		return CANCEL.wireName.equals(value) ? CANCEL : IGNORE;
	}

}

package io.queuekeeper.core;

import org.jspecify.annotations.Nullable;

/**
 * What the engine concluded for a request, field for field as Queue-it's connectors
 * report it.
 *
 * @param actionType the matched action, or {@code null} when no trigger matched
 * @param actionName the matched action's name
 * @param eventId the waiting room id
 * @param queueId the visitor's queue id, when a session cookie or token carried one
 * @param redirectType the redirect type of the session cookie or token
 * @param redirectUrl where the visitor must go, or {@code null}
 * @param ajax whether the request came from Queue-it's AJAX client script
 * @since 0.1.0
 */
public record ValidationResult(@Nullable ResultType actionType, @Nullable String actionName, @Nullable String eventId,
		@Nullable String queueId, @Nullable String redirectType, @Nullable String redirectUrl, boolean ajax) {

	/** The result when no trigger matched. */
	public static final ValidationResult NO_MATCH = new ValidationResult(null, null, null, null, null, null, false);

	/**
	 * Whether the visitor must be redirected.
	 */
	public boolean doRedirect() {
		return this.redirectUrl != null && !this.redirectUrl.isBlank();
	}

}

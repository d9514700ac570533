package io.queuekeeper.web;

/**
 * What happens to a request when the connector cannot decide (no integration config
 * loaded yet, or an unexpected error).
 *
 * @since 0.1.0
 */
public enum FailurePolicy {

	/**
	 * Let the visitor through and mark the response with {@code x-queueit-failed: true}.
	 */
	ALLOW,

	/** Answer {@code 503 Service Unavailable}. */
	DENY

}

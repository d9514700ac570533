package io.queuekeeper.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Logs each cause of a failed decision once, not once per request, so that an outage of
 * the config source cannot flood the log.
 *
 * @since 0.1.0
 */
public final class FailureLog {

	private static final Log logger = LogFactory.getLog(FailureLog.class);

	private static final int MAX_CAUSES = 256;

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	/**
	 * Logs a failure the first time its cause is seen.
	 * @param cause a short description of the cause
	 * @param ex the exception, if any; its message is logged, never request data
	 * @param policy the policy that was applied
	 * @return whether this call logged
	 */
	public boolean log(String cause, @Nullable Throwable ex, FailurePolicy policy) {
		String key = (ex != null) ? cause + ":" + ex.getClass().getName() + ":" + ex.getMessage() : cause;
		if (this.seen.size() >= MAX_CAUSES || !this.seen.add(key)) {
			return false;
		}
		String action = (policy == FailurePolicy.ALLOW) ? "letting requests through (queueit.failure-policy=allow)"
				: "answering 503 (queueit.failure-policy=deny)";
		String message = "Queue-it connector cannot decide: " + cause + "; " + action
				+ ". Further failures with the same cause are not logged.";
		if (ex != null) {
			logger.warn(message, ex);
		}
		else {
			logger.warn(message);
		}
		return true;
	}

}

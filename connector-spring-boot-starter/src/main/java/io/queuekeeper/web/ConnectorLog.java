package io.queuekeeper.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.queuekeeper.core.roomq.RoomQConnector;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The adapters' warnings, each logged once per cause rather than once per request, so
 * that an outage of the config source or a misconfigured cookie cannot flood the log.
 * Nothing logged here contains request data or secrets.
 *
 * @since 0.1.0
 */
public final class ConnectorLog {

	private static final Log logger = LogFactory.getLog(ConnectorLog.class);

	private static final int MAX_CAUSES = 256;

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	/**
	 * Logs a failed decision the first time its cause is seen. Causes are told apart by
	 * description and exception type, not by message, which may differ per request.
	 * @param cause a short description of the cause
	 * @param ex the exception, if any
	 * @param policy the policy that was applied
	 * @return whether this call logged
	 */
	public boolean failure(String cause, @Nullable Throwable ex, FailurePolicy policy) {
		String key = (ex != null) ? cause + ":" + ex.getClass().getName() : cause;
		if (!firstTime(key)) {
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

	/**
	 * Warns, once per cookie name, that a session cookie goes to an HTTPS site without
	 * the Secure flag.
	 * @param cookieName the cookie
	 * @return whether this call logged
	 */
	public boolean insecureCookie(String cookieName) {
		if (!firstTime("insecure:" + cookieName)) {
			return false;
		}
		boolean roomQ = cookieName.startsWith(RoomQConnector.COOKIE_PREFIX);
		String fix = roomQ ? "set roomq.cookie.secure=true"
				: "set IsCookieSecure in GO (or queueit.events.<id>.cookie-secure)";
		logger.warn((roomQ ? "RoomQ ticket cookie " : "Queue-it session cookie ") + cookieName
				+ " is sent over HTTPS without the Secure flag; " + fix + " so it never travels in clear text.");
		return true;
	}

	/**
	 * Logs, once per exception type, that a {@link CancelListener} threw. The message of
	 * the exception is not logged, since it may carry a ticket.
	 * @param ex what the listener threw
	 * @return whether this call logged
	 */
	public boolean cancelListenerFailed(Throwable ex) {
		if (!firstTime("cancel-listener:" + ex.getClass().getName())) {
			return false;
		}
		logger.warn("Waiting room cancel listener failed with " + ex.getClass().getName()
				+ "; the response is unchanged. Further failures of this type are not logged.");
		return true;
	}

	private boolean firstTime(String key) {
		return this.seen.size() < MAX_CAUSES && this.seen.add(key);
	}

}

package io.queuekeeper.web;

import io.queuekeeper.core.Decision;
import org.jspecify.annotations.Nullable;

/**
 * Is told about each decision an adapter makes, for metrics. Runs on the request thread,
 * so implementations must be fast, thread-safe and must not throw.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface DecisionObserver {

	/** An observer that ignores everything. */
	DecisionObserver NONE = (decision, nanos) -> {
	};

	/**
	 * Called once per evaluated request.
	 * @param decision the decision, or {@code null} when none could be made and the
	 * failure policy applied
	 * @param nanos how long deciding took, in nanoseconds
	 */
	void decided(@Nullable Decision decision, long nanos);

}

package io.queuekeeper.boot.autoconfigure;

import io.queuekeeper.core.roomq.RoomQConfigurationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns an unusable RoomQ configuration into a start-up report that names the
 * {@code roomq.*} property and the fix. It runs before
 * {@link QueueItConfigurationFailureAnalyzer}, which would otherwise speak of Queue-it.
 *
 * @since 0.1.0
 */
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public final class RoomQConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<RoomQConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RoomQConfigurationException cause) {
		return new FailureAnalysis("The RoomQ waiting room is not configured correctly: " + cause.getMessage(),
				"Fix the roomq.* property named above in application.properties or application.yml, "
						+ "set queueit.provider=queue-it to use Queue-it instead, "
						+ "or set queueit.enabled=false to switch the waiting room off.",
				cause);
	}

}

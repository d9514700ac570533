package io.queuekeeper.boot.autoconfigure;

import io.queuekeeper.core.ConnectorConfigurationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an unusable Queue-it configuration into a start-up report that names the property
 * and the fix, instead of a stack trace.
 *
 * @since 0.1.0
 */
public final class QueueItConfigurationFailureAnalyzer
		extends AbstractFailureAnalyzer<ConnectorConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConnectorConfigurationException cause) {
		return new FailureAnalysis("The Queue-it connector is not configured correctly: " + cause.getMessage(),
				"Fix the queueit.* property named above in application.properties or application.yml, "
						+ "or set queueit.enabled=false to switch the waiting room off.",
				cause);
	}

}

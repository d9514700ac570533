package io.queuekeeper.core.config;

import java.util.Optional;

/**
 * Supplies the current integration config snapshot. Implementations swap whole snapshots
 * atomically; a caller fetches one snapshot per request and evaluates only against it.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface IntegrationConfigProvider {

	/**
	 * Returns the current snapshot, or empty while none has been loaded.
	 */
	Optional<IntegrationConfig> current();

}

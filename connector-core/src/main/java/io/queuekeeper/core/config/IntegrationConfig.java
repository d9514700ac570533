package io.queuekeeper.core.config;

import java.util.List;

import io.queuekeeper.core.rules.RequestValues;
import io.queuekeeper.core.rules.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, compiled integration config: one snapshot of what GO published.
 *
 * @param version the config version, sent as {@code cver} ({@code -1} when absent)
 * @param integrations the integrations, in priority (array) order
 * @since 0.1.0
 */
public record IntegrationConfig(int version, List<Integration> integrations) {

	public IntegrationConfig {
		integrations = List.copyOf(integrations);
	}

	/**
	 * Returns the first integration with a trigger that matches, or {@code null}.
	 */
	public @Nullable Integration firstMatch(RequestValues request) {
		for (Integration integration : this.integrations) {
			if (integration.matches(request)) {
				return integration;
			}
		}
		return null;
	}

	/**
	 * Whether any trigger reads the request body, which is the only case in which an
	 * adapter needs to make the body available.
	 */
	public boolean readsRequestBody() {
		for (Integration integration : this.integrations) {
			for (Trigger trigger : integration.triggers()) {
				if (trigger.readsBody()) {
					return true;
				}
			}
		}
		return false;
	}

}

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
		// Indexed loops here and in the rules: this runs for every request, and an
		// iterator per integration, trigger and part is not always scalar-replaced
		// once the matching code is inlined deep into the engine.
		for (int i = 0; i < this.integrations.size(); i++) {
			Integration integration = this.integrations.get(i);
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

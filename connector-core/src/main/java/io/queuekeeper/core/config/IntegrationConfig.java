package io.queuekeeper.core.config;

import java.util.List;

import io.queuekeeper.core.rules.RequestValues;
import io.queuekeeper.core.rules.Trigger;
import io.queuekeeper.core.rules.TriggerTable;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, compiled integration config: one snapshot of what GO published.
 *
 * <p>
 * Equal when version and integrations are equal, like a record of the two.
 *
 * @since 0.1.0
 */
public final class IntegrationConfig {

	private final int version;

	private final List<Integration> integrations;

	private final TriggerTable triggers;

	/**
	 * Creates a config snapshot.
	 * @param version the config version, sent as {@code cver} ({@code -1} when absent)
	 * @param integrations the integrations, in priority (array) order
	 */
	public IntegrationConfig(int version, List<Integration> integrations) {
		this.version = version;
		this.integrations = List.copyOf(integrations);
		this.triggers = new TriggerTable(this.integrations.stream().map(Integration::triggers).toList());
	}

	/**
	 * Returns the config version, sent as {@code cver} ({@code -1} when absent).
	 */
	public int version() {
		return this.version;
	}

	/**
	 * Returns the integrations, in priority (array) order.
	 */
	public List<Integration> integrations() {
		return this.integrations;
	}

	/**
	 * Returns the first integration with a trigger that matches, or {@code null}.
	 */
	public @Nullable Integration firstMatch(RequestValues request) {
		int match = this.triggers.firstMatch(request);
		return (match >= 0) ? this.integrations.get(match) : null;
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

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof IntegrationConfig config && this.version == config.version
				&& this.integrations.equals(config.integrations));
	}

	@Override
	public int hashCode() {
		return 31 * Integer.hashCode(this.version) + this.integrations.hashCode();
	}

	@Override
	public String toString() {
		return "IntegrationConfig[version=" + this.version + ", integrations=" + this.integrations + "]";
	}

}

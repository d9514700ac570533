package io.queuekeeper.boot.actuate;

import java.time.Duration;

import io.queuekeeper.boot.config.CachingIntegrationConfigProvider;
import io.queuekeeper.boot.config.IntegrationConfigStatus;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the integration config: {@code DOWN} while no snapshot is loaded, otherwise
 * {@code UP}. When GO is polled and the last successful load is older than the threshold,
 * the details say {@code stale: true}; the status stays {@code UP} because the last good
 * snapshot still protects, and taking the instance out of service over a GO outage would
 * hurt more than it helps. The details carry the version, source, age and last failure
 * reason, never a key.
 *
 * @since 0.1.0
 */
public class QueueItHealthIndicator extends AbstractHealthIndicator {

	private final CachingIntegrationConfigProvider provider;

	private final Duration staleAfter;

	/**
	 * Creates the indicator.
	 * @param provider the config source
	 * @param staleAfter age of the last success after which the config is stale
	 */
	public QueueItHealthIndicator(CachingIntegrationConfigProvider provider, Duration staleAfter) {
		super("Queue-it integration config health check failed");
		this.provider = provider;
		this.staleAfter = staleAfter;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		IntegrationConfigStatus status = this.provider.status();
		if (!status.loaded()) {
			builder.down().withDetail("reason", "no integration config loaded");
			withFailure(builder, status);
			return;
		}
		builder.withDetail("version", status.version()).withDetail("source", status.source());
		Duration age = this.provider.age();
		boolean stale = this.provider.polls() && (age == null || age.compareTo(this.staleAfter) > 0);
		if (age != null) {
			builder.withDetail("age", age.toString());
		}
		builder.withDetail("stale", stale);
		withFailure(builder, status);
		builder.up();
	}

	private static void withFailure(Health.Builder builder, IntegrationConfigStatus status) {
		if (status.lastFailureReason() != null) {
			builder.withDetail("lastFailure", String.valueOf(status.lastFailure()))
				.withDetail("lastFailureReason", status.lastFailureReason());
		}
	}

}

package io.queuekeeper.boot.config;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What is known about the integration config being served and about the attempts to
 * refresh it. Shared by the actuator endpoint, the health contributor and the metrics; it
 * never holds a key.
 *
 * @param version the {@code Version} of the snapshot, or {@code null} when none is loaded
 * @param source where the snapshot came from, or {@code null} when none is loaded
 * @param publishDate the {@code PublishDate} of the snapshot, as published, or
 * {@code null}
 * @param loadedAt when the snapshot was loaded, or {@code null}
 * @param lastSuccess when a load or refresh last succeeded, or {@code null}
 * @param lastFailure when a load or refresh last failed, or {@code null}
 * @param lastFailureReason why it failed, or {@code null}
 * @param successes how many loads and refreshes succeeded
 * @param failures how many loads and refreshes failed
 * @param integrations the integrations of the snapshot, in priority order
 * @since 0.1.0
 */
public record IntegrationConfigStatus(@Nullable Integer version, @Nullable IntegrationConfigSource source,
		@Nullable String publishDate, @Nullable Instant loadedAt, @Nullable Instant lastSuccess,
		@Nullable Instant lastFailure, @Nullable String lastFailureReason, long successes, long failures,
		List<IntegrationSummary> integrations) {

	public IntegrationConfigStatus {
		integrations = List.copyOf(integrations);
	}

	/**
	 * Whether a snapshot is loaded.
	 */
	public boolean loaded() {
		return this.version != null;
	}

	/**
	 * One integration of the snapshot, by name and event.
	 *
	 * @param name the integration (action) name
	 * @param actionType the action, e.g. {@code Queue}
	 * @param eventId the waiting room id, empty for Ignore actions
	 */
	public record IntegrationSummary(String name, String actionType, String eventId) {

	}

}

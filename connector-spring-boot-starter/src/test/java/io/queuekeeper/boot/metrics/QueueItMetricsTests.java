package io.queuekeeper.boot.metrics;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.queuekeeper.core.Decision;
import io.queuekeeper.core.ResultType;
import io.queuekeeper.core.ValidationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision counters: one per set of tags, registered on the first decision that needs
 * it and kept from then on.
 */
class QueueItMetricsTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final QueueItMetrics metrics = new QueueItMetrics(this.registry, null);

	@Test
	void decidedWhenTagsDifferThenEachSetHasItsCounter() {
		Decision proceed = proceed("summersale", false);
		String location = "https://ticketania.queue-it.net/";
		Decision queue = new Decision.Redirect(
				new ValidationResult(ResultType.QUEUE, "action", "summersale", "queue-id", "queue", location, false),
				location, List.of(), List.of());
		for (int i = 0; i < 3; i++) {
			this.metrics.decided(proceed, 1_000);
			this.metrics.decided(queue, 1_000);
			this.metrics.decided(proceed("summersale", true), 1_000);
			this.metrics.decided(proceed("wintersale", false), 1_000);
		}
		this.metrics.decided(null, 1_000);
		assertThat(count("summersale", "Queue", "continue", "false")).isEqualTo(3.0);
		assertThat(count("summersale", "Queue", "queue", "false")).isEqualTo(3.0);
		assertThat(count("summersale", "Queue", "continue", "true")).isEqualTo(3.0);
		assertThat(count("wintersale", "Queue", "continue", "false")).isEqualTo(3.0);
		assertThat(count("none", "none", "failed", "false")).isEqualTo(1.0);
		assertThat(this.registry.get(QueueItMetrics.DECISIONS).counters()).hasSize(5);
		assertThat(this.registry.get(QueueItMetrics.DECISION_LATENCY).timer().count()).isEqualTo(13);
	}

	@Test
	void decidedWhenTagsRepeatThenCounterIsNotLookedUpAgain() {
		this.metrics.decided(proceed("summersale", false), 1_000);
		Counter counter = this.registry.get(QueueItMetrics.DECISIONS).counter();
		// Spring Boot never removes meters; removing it here makes a second lookup
		// visible, as it would register a new counter.
		this.registry.remove(counter);
		this.metrics.decided(proceed("summersale", false), 1_000);
		this.metrics.decided(proceed("summersale", false), 1_000);
		assertThat(counter.count()).isEqualTo(3.0);
		assertThat(this.registry.find(QueueItMetrics.DECISIONS).counters()).isEmpty();
	}

	private double count(String event, String action, String outcome, String ajax) {
		return this.registry.get(QueueItMetrics.DECISIONS)
			.tag("event", event)
			.tag("action", action)
			.tag("outcome", outcome)
			.tag("ajax", ajax)
			.counter()
			.count();
	}

	private static Decision proceed(String event, boolean ajax) {
		return new Decision.Proceed(result(event, ResultType.QUEUE, ajax), List.of(), List.of());
	}

	private static ValidationResult result(String event, ResultType type, boolean ajax) {
		return new ValidationResult(type, "action", new String(event), "queue-id", "queue", null, ajax);
	}

}

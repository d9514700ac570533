package io.queuekeeper.boot.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.queuekeeper.boot.config.CachingIntegrationConfigProvider;
import io.queuekeeper.core.ConnectorObserver;
import io.queuekeeper.core.Decision;
import io.queuekeeper.core.ResultType;
import io.queuekeeper.core.ValidationResult;
import io.queuekeeper.core.token.TokenError;
import io.queuekeeper.web.DecisionObserver;
import org.jspecify.annotations.Nullable;

/**
 * Records the connector's meters in a Micrometer registry:
 * <ul>
 * <li>{@value #DECISIONS} counts decisions by {@code event}, {@code action},
 * {@code outcome} ({@code continue}, {@code queue}, {@code cancel}, {@code error},
 * {@code diagnostics}, {@code clean-url} or {@code failed}) and {@code ajax};</li>
 * <li>{@value #DECISION_LATENCY} times the decisions;</li>
 * <li>{@value #TOKEN_FAILURES} counts refused tokens by {@code event} and {@code reason}
 * ({@code hash}, {@code eventid}, {@code timestamp});</li>
 * <li>{@value #COOKIE_REJECTIONS} counts untrusted session cookies by {@code event} and
 * {@code reason} ({@code expired}, {@code invalid});</li>
 * <li>{@value #CONFIG_REFRESHES} counts config loads by {@code outcome} ({@code success},
 * {@code failure}), and the gauges {@value #CONFIG_AGE} (seconds since the last success)
 * and {@value #CONFIG_VERSION} describe the snapshot in use.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class QueueItMetrics implements ConnectorObserver, DecisionObserver {

	/** Name of the decision counter. */
	public static final String DECISIONS = "queueit.decisions";

	/** Name of the decision timer. */
	public static final String DECISION_LATENCY = "queueit.decision.latency";

	/** Name of the token failure counter. */
	public static final String TOKEN_FAILURES = "queueit.token.failures";

	/** Name of the cookie rejection counter. */
	public static final String COOKIE_REJECTIONS = "queueit.cookie.rejections";

	/** Name of the config refresh counter. */
	public static final String CONFIG_REFRESHES = "queueit.config.refreshes";

	/** Name of the config age gauge. */
	public static final String CONFIG_AGE = "queueit.config.age";

	/** Name of the config version gauge. */
	public static final String CONFIG_VERSION = "queueit.config.version";

	private static final String NONE = "none";

	private final MeterRegistry registry;

	private final Timer latency;

	/**
	 * The decision counters, kept as Micrometer advises: building and registering one per
	 * decision cost about 0.3 µs. Tags come from the configured events, so the map is as
	 * small as the registry's own view of the counter.
	 */
	private final Map<DecisionTags, Counter> decisions = new ConcurrentHashMap<>();

	/**
	 * Creates the meters.
	 * @param registry where they are registered
	 * @param provider the config source whose refreshes are measured, or {@code null}
	 */
	public QueueItMetrics(MeterRegistry registry, @Nullable CachingIntegrationConfigProvider provider) {
		this.registry = registry;
		this.latency = Timer.builder(DECISION_LATENCY)
			.description("Time the connector takes to decide a request")
			.register(registry);
		if (provider != null) {
			FunctionCounter.builder(CONFIG_REFRESHES, provider, (source) -> source.status().successes())
				.tag("outcome", "success")
				.description("Integration config loads and refreshes")
				.register(registry);
			FunctionCounter.builder(CONFIG_REFRESHES, provider, (source) -> source.status().failures())
				.tag("outcome", "failure")
				.description("Integration config loads and refreshes")
				.register(registry);
			Gauge.builder(CONFIG_AGE, provider, QueueItMetrics::ageSeconds)
				.baseUnit("seconds")
				.description("Time since the integration config was last loaded or refreshed")
				.register(registry);
			Gauge.builder(CONFIG_VERSION, provider, QueueItMetrics::version)
				.description("Version of the integration config in use")
				.register(registry);
		}
	}

	@Override
	public void decided(@Nullable Decision decision, long nanos) {
		this.latency.record(nanos, TimeUnit.NANOSECONDS);
		ValidationResult result = (decision != null) ? decision.result() : null;
		String event = (result != null && result.eventId() != null) ? result.eventId() : NONE;
		String action = (result != null && result.actionType() != null) ? result.actionType().wireName() : NONE;
		boolean ajax = decision instanceof Decision.AjaxRedirect || (result != null && result.ajax());
		DecisionTags tags = new DecisionTags(event, action, outcome(decision), ajax);
		Counter counter = this.decisions.get(tags);
		if (counter == null) {
			counter = this.decisions.computeIfAbsent(tags, this::register);
		}
		counter.increment();
	}

	private Counter register(DecisionTags tags) {
		return Counter.builder(DECISIONS)
			.tag("event", tags.event)
			.tag("action", tags.action)
			.tag("outcome", tags.outcome)
			.tag("ajax", Boolean.toString(tags.ajax))
			.register(this.registry);
	}

	@Override
	public void tokenRejected(String eventId, TokenError error) {
		Counter.builder(TOKEN_FAILURES)
			.tag("event", eventId)
			.tag("reason", error.code())
			.register(this.registry)
			.increment();
	}

	@Override
	public void cookieRejected(String eventId, String reason) {
		Counter.builder(COOKIE_REJECTIONS)
			.tag("event", eventId)
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	static String outcome(@Nullable Decision decision) {
		if (decision == null) {
			return "failed";
		}
		if (decision instanceof Decision.Proceed) {
			return "continue";
		}
		ValidationResult result = decision.result();
		if (result.actionType() == ResultType.CONNECTOR_DIAGNOSTICS_REDIRECT) {
			return "diagnostics";
		}
		if (result.actionType() == ResultType.CANCEL) {
			return "cancel";
		}
		if (!result.doRedirect()) {
			return "clean-url";
		}
		String location = result.redirectUrl();
		return (location != null && location.contains("/error/")) ? "error" : "queue";
	}

	/**
	 * The tags of one decision counter. Equality tries identity first: the values are the
	 * same strings for every decision of an event.
	 */
	private static final class DecisionTags {

		private final String event;

		private final String action;

		private final String outcome;

		private final boolean ajax;

		private final int hash;

		DecisionTags(String event, String action, String outcome, boolean ajax) {
			this.event = event;
			this.action = action;
			this.outcome = outcome;
			this.ajax = ajax;
			this.hash = ((event.hashCode() * 31 + action.hashCode()) * 31 + outcome.hashCode()) * 2 + (ajax ? 1 : 0);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof DecisionTags that && this.ajax == that.ajax && this.event.equals(that.event)
					&& this.action.equals(that.action) && this.outcome.equals(that.outcome);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

	private static double ageSeconds(CachingIntegrationConfigProvider provider) {
		Duration age = provider.age();
		return (age != null) ? age.toMillis() / 1000.0 : Double.NaN;
	}

	private static double version(CachingIntegrationConfigProvider provider) {
		Integer version = provider.status().version();
		return (version != null) ? version : Double.NaN;
	}

}

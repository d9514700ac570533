package io.queuekeeper.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.core.http.ConnectorRequest;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.http.ResponseHeader;
import io.queuekeeper.core.token.SessionCookies;
import org.jspecify.annotations.Nullable;

/**
 * What both web stacks share once they know the handler of a request: whether the request
 * is protected, the engine's decision (with {@link QueueProtected} or the current
 * integration config), the failure policy, and the response the decision asks for. Every
 * decision of either stack passes through {@link #decide}, which also times it.
 *
 * <p>
 * Adapters stay small: they find the handler, adapt the request, and write the returned
 * {@link Outcome} with their own response API.
 *
 * @since 0.1.0
 */
public final class QueueItGate {

	/** Cause reported when no integration config has been loaded yet. */
	public static final String NO_CONFIG = "no integration config loaded yet";

	/** Cause reported when the engine or the config source threw. */
	public static final String EVALUATION_FAILED = "evaluation failed";

	private static final String NO_CACHE = "no-cache, no-store, must-revalidate, max-age=0";

	private static final int SERVICE_UNAVAILABLE = 503;

	private final QueueConnector connector;

	private final @Nullable IntegrationConfigProvider configProvider;

	private final QueueEvents events;

	private final ProtectionSettings settings;

	private final ProtectedHandlers protectedHandlers = new ProtectedHandlers();

	private final ConnectorLog log = new ConnectorLog();

	private final DecisionObserver observer;

	/**
	 * Creates a gate.
	 * @param connector the engine
	 * @param configProvider the integration config source, or {@code null} when only
	 * {@link QueueProtected} handlers are protected
	 * @param events the events defined in code
	 * @param settings how requests are evaluated and decisions applied
	 */
	public QueueItGate(QueueConnector connector, @Nullable IntegrationConfigProvider configProvider, QueueEvents events,
			ProtectionSettings settings) {
		this(connector, configProvider, events, settings, DecisionObserver.NONE);
	}

	/**
	 * Creates a gate that reports each decision.
	 * @param connector the engine
	 * @param configProvider the integration config source, or {@code null} when only
	 * {@link QueueProtected} handlers are protected
	 * @param events the events defined in code
	 * @param settings how requests are evaluated and decisions applied
	 * @param observer told about each decision of either web stack and how long it took
	 */
	public QueueItGate(QueueConnector connector, @Nullable IntegrationConfigProvider configProvider, QueueEvents events,
			ProtectionSettings settings, DecisionObserver observer) {
		this.connector = connector;
		this.configProvider = configProvider;
		this.events = events;
		this.settings = settings;
		this.observer = observer;
	}

	/**
	 * Returns the settings the gate applies.
	 */
	public ProtectionSettings settings() {
		return this.settings;
	}

	/**
	 * Returns the {@link QueueProtected} that applies to a handler method, or
	 * {@code null} when it is not annotated.
	 * @param method the handler method
	 * @param beanType the handler's class
	 */
	public @Nullable QueueProtected protection(Method method, Class<?> beanType) {
		return this.protectedHandlers.find(method, beanType);
	}

	/**
	 * Whether a request served by a handler with this protection is evaluated at all:
	 * annotated handlers always are, others only when an integration config source
	 * exists.
	 * @param protection the handler's annotation, or {@code null}
	 */
	public boolean protects(@Nullable QueueProtected protection) {
		return protection != null || this.configProvider != null;
	}

	/**
	 * Whether deciding a request served by a handler with this protection may read the
	 * request body: only when the integration config decides and its current snapshot has
	 * a {@code RequestBodyValidator} trigger. A failing config source answers
	 * {@code false}; {@link #decide} meets the same failure and applies the policy.
	 * @param protection the handler's annotation, or {@code null}
	 */
	public boolean readsBody(@Nullable QueueProtected protection) {
		if (protection != null || this.configProvider == null) {
			return false;
		}
		try {
			return this.configProvider.current().map(IntegrationConfig::readsRequestBody).orElse(false);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Decides a request and returns what the response must carry. Never throws: when the
	 * engine cannot decide, the outcome follows {@code queueit.failure-policy} and the
	 * cause is logged once.
	 * @param request the request as the engine sees it
	 * @param protection the handler's annotation, or {@code null} to use the integration
	 * config
	 * @param secureRequest whether the request came over HTTPS, to warn about session
	 * cookies without the Secure flag
	 * @return the outcome to write
	 */
	public Outcome decide(ConnectorRequest request, @Nullable QueueProtected protection, boolean secureRequest) {
		long start = System.nanoTime();
		Decision decision;
		RuntimeException failure = null;
		try {
			decision = evaluate(request, protection);
		}
		catch (RuntimeException ex) {
			decision = null;
			failure = ex;
		}
		long nanos = System.nanoTime() - start;
		Outcome outcome = (decision != null) ? outcome(decision, secureRequest, nanos)
				: fail((failure != null) ? EVALUATION_FAILED : NO_CONFIG, failure, nanos);
		// Every decision of both stacks passes here once, with its latency.
		this.observer.decided(decision, nanos);
		return outcome;
	}

	private @Nullable Decision evaluate(ConnectorRequest request, @Nullable QueueProtected protection) {
		if (protection != null) {
			String event = protection.event();
			return (protection.action() == QueueProtected.Action.CANCEL)
					? this.connector.cancel(request, this.events.cancel(event))
					: this.connector.queue(request, this.events.queue(event));
		}
		if (this.configProvider == null) {
			return null;
		}
		Optional<IntegrationConfig> config = this.configProvider.current();
		return config.map((current) -> this.connector.evaluate(request, current)).orElse(null);
	}

	private Outcome outcome(Decision decision, boolean secureRequest, long nanos) {
		List<String> setCookies = new ArrayList<>(decision.cookies().size());
		for (CookieInstruction cookie : decision.cookies()) {
			if (secureRequest && !cookie.secure() && cookie.name().startsWith(SessionCookies.NAME_PREFIX)) {
				this.log.insecureCookie(cookie.name());
			}
			setCookies.add(this.settings.setCookieHeader(cookie));
		}
		boolean proceeds = decision instanceof Decision.Proceed;
		int status = (decision instanceof Decision.Redirect) ? Decision.Redirect.STATUS
				: (decision instanceof Decision.AjaxRedirect) ? Decision.AjaxRedirect.STATUS : 0;
		return new Outcome(decision, null, proceeds, status, setCookies, decision.headers(), nanos);
	}

	private Outcome fail(String cause, @Nullable RuntimeException ex, long nanos) {
		FailurePolicy policy = this.settings.failurePolicy();
		this.log.failure(cause, ex, policy);
		ResponseHeader failed = new ResponseHeader(ProtectionSettings.FAILED_HEADER, "true");
		if (policy == FailurePolicy.DENY) {
			return new Outcome(null, cause, false, SERVICE_UNAVAILABLE, List.of(),
					List.of(failed, new ResponseHeader("Cache-Control", NO_CACHE)), nanos);
		}
		return new Outcome(null, cause, true, 0, List.of(), List.of(failed), nanos);
	}

	/**
	 * What the response to a decided request must carry. An adapter adds every
	 * {@link #setCookies() Set-Cookie} value as a raw header, then either adds the
	 * {@link #headers() headers} and lets the handler run, or sets them, sets the
	 * {@link #status() status} and ends the response with an empty body.
	 *
	 * @param decision the engine's decision, or {@code null} when it could not decide
	 * @param failure the cause when the engine could not decide, else {@code null}
	 * @param proceeds whether the handler runs
	 * @param status the status of the response when the handler does not run, else
	 * {@code 0}
	 * @param setCookies the {@code Set-Cookie} header values, in the order to write them
	 * @param headers the other headers
	 * @param nanos how long the decision took, in nanoseconds
	 */
	public record Outcome(@Nullable Decision decision, @Nullable String failure, boolean proceeds, int status,
			List<String> setCookies, List<ResponseHeader> headers, long nanos) {

		public Outcome {
			setCookies = List.copyOf(setCookies);
			headers = List.copyOf(headers);
		}

	}

}

package io.queuekeeper.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.QueueItWaitingRoom;
import io.queuekeeper.core.ResultType;
import io.queuekeeper.core.WaitingRoomProvider;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.core.http.ConnectorRequest;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.http.ResponseHeader;
import io.queuekeeper.core.roomq.RoomQConnector;
import io.queuekeeper.core.token.SessionCookies;
import org.jspecify.annotations.Nullable;

/**
 * What both web stacks share once they know the handler of a request: whether the request
 * is protected, the {@link WaitingRoomProvider provider's} decision (for the room named
 * by {@link QueueProtected}, or with the provider's own rules), the failure policy, and
 * the response the decision asks for. Every decision of either stack passes through
 * {@link #decide}, which also times it. The gate does not know which provider decided.
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

	private static final List<String> SESSION_COOKIE_PREFIXES = List.of(SessionCookies.NAME_PREFIX,
			RoomQConnector.COOKIE_PREFIX);

	private final WaitingRoomProvider provider;

	private final ProtectionSettings settings;

	private final ProtectedHandlers protectedHandlers = new ProtectedHandlers();

	private final ConnectorLog log = new ConnectorLog();

	private final DecisionObserver observer;

	private final CancelListener cancelListener;

	/**
	 * Creates a gate for Queue-it.
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
	 * Creates a gate for Queue-it that reports each decision.
	 * @param connector the engine
	 * @param configProvider the integration config source, or {@code null} when only
	 * {@link QueueProtected} handlers are protected
	 * @param events the events defined in code
	 * @param settings how requests are evaluated and decisions applied
	 * @param observer told about each decision of either web stack and how long it took
	 */
	public QueueItGate(QueueConnector connector, @Nullable IntegrationConfigProvider configProvider, QueueEvents events,
			ProtectionSettings settings, DecisionObserver observer) {
		this(new QueueItWaitingRoom(connector, events.configs(), configProvider), settings, observer,
				CancelListener.NONE);
	}

	/**
	 * Creates a gate that decides through any provider.
	 * @param provider the waiting-room provider
	 * @param settings how requests are evaluated and decisions applied
	 * @param observer told about each decision of either web stack and how long it took
	 * @param cancelListener told after each cancel decision, e.g. to leave the room
	 * remotely
	 */
	public QueueItGate(WaitingRoomProvider provider, ProtectionSettings settings, DecisionObserver observer,
			CancelListener cancelListener) {
		this.provider = provider;
		this.settings = settings;
		this.observer = observer;
		this.cancelListener = cancelListener;
	}

	/**
	 * Returns the provider that decides.
	 */
	public WaitingRoomProvider provider() {
		return this.provider;
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
	 * annotated handlers always are, others only when the provider has rules of its own
	 * (Queue-it's integration config).
	 * @param protection the handler's annotation, or {@code null}
	 */
	public boolean protects(@Nullable QueueProtected protection) {
		return protection != null || this.provider.hasRules();
	}

	/**
	 * Whether deciding a request served by a handler with this protection may read the
	 * request body: only when the provider's rules decide and test the body. A failing
	 * rule source answers {@code false}; {@link #decide} meets the same failure and
	 * applies the policy.
	 * @param protection the handler's annotation, or {@code null}
	 */
	public boolean readsBody(@Nullable QueueProtected protection) {
		if (protection != null) {
			return false;
		}
		try {
			return this.provider.hasRules() && this.provider.readsRequestBody();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Decides a request and returns what the response must carry. Never throws: when the
	 * provider cannot decide, the outcome follows {@code queueit.failure-policy} and the
	 * cause is logged once.
	 * @param request the request as the provider sees it
	 * @param protection the handler's annotation, or {@code null} to use the provider's
	 * rules
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
		if (decision != null && decision.result().actionType() == ResultType.CANCEL) {
			cancelled(request, decision);
		}
		return outcome;
	}

	private void cancelled(ConnectorRequest request, Decision decision) {
		try {
			this.cancelListener.cancelled(request, decision);
		}
		catch (RuntimeException ex) {
			this.log.cancelListenerFailed(ex);
		}
	}

	private @Nullable Decision evaluate(ConnectorRequest request, @Nullable QueueProtected protection) {
		if (protection != null) {
			WaitingRoomProvider.Action action = (protection.action() == QueueProtected.Action.CANCEL)
					? WaitingRoomProvider.Action.CANCEL : WaitingRoomProvider.Action.QUEUE;
			return this.provider.protect(request, protection.event(), action);
		}
		if (!this.provider.hasRules()) {
			return null;
		}
		return this.provider.evaluate(request).orElse(null);
	}

	private Outcome outcome(Decision decision, boolean secureRequest, long nanos) {
		List<String> setCookies = new ArrayList<>(decision.cookies().size());
		for (CookieInstruction cookie : decision.cookies()) {
			if (secureRequest && !cookie.secure() && isSessionCookie(cookie.name())) {
				this.log.insecureCookie(cookie.name());
			}
			setCookies.add(this.settings.setCookieHeader(cookie));
		}
		boolean proceeds = decision instanceof Decision.Proceed;
		int status = (decision instanceof Decision.Redirect) ? Decision.Redirect.STATUS
				: (decision instanceof Decision.AjaxRedirect) ? Decision.AjaxRedirect.STATUS : 0;
		return new Outcome(decision, null, proceeds, status, setCookies, decision.headers(), nanos);
	}

	private static boolean isSessionCookie(String name) {
		for (String prefix : SESSION_COOKIE_PREFIXES) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
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

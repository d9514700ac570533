package io.queuekeeper.web.servlet;

import java.util.Optional;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.core.http.ConnectorRequest;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.http.ResponseHeader;
import io.queuekeeper.core.token.SessionCookies;
import io.queuekeeper.web.ConnectorLog;
import io.queuekeeper.web.DecisionObserver;
import io.queuekeeper.web.FailurePolicy;
import io.queuekeeper.web.ProtectedHandlers;
import io.queuekeeper.web.ProtectionSettings;
import io.queuekeeper.web.QueueEvents;
import io.queuekeeper.web.QueueProtected;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Puts the waiting room in front of Spring MVC handlers. For each request it asks the
 * engine for a {@link Decision} — with the handler's {@link QueueProtected} when there is
 * one, otherwise with the current integration config — and applies it: cookies and
 * headers, then either the handler runs or the response is a redirect.
 *
 * <p>
 * The decision is stored in the request attribute {@link #DECISION_ATTRIBUTE} and can be
 * injected into handler methods as a {@code Decision} or {@code ValidationResult}
 * argument.
 *
 * @since 0.1.0
 */
public class QueueItHandlerInterceptor implements HandlerInterceptor {

	/** Request attribute that holds the {@link Decision} of the request. */
	public static final String DECISION_ATTRIBUTE = QueueItHandlerInterceptor.class.getName() + ".decision";

	private final QueueConnector connector;

	private final @Nullable IntegrationConfigProvider configProvider;

	private final QueueEvents events;

	private final ProtectionSettings settings;

	private final ProtectedHandlers protectedHandlers = new ProtectedHandlers();

	private final ConnectorLog log = new ConnectorLog();

	private final DecisionObserver decisionObserver;

	/**
	 * Creates an interceptor.
	 * @param connector the engine
	 * @param configProvider the integration config source, or {@code null} when only
	 * {@link QueueProtected} handlers are protected
	 * @param events the events defined in code
	 * @param settings how requests are evaluated and decisions applied
	 */
	public QueueItHandlerInterceptor(QueueConnector connector, @Nullable IntegrationConfigProvider configProvider,
			QueueEvents events, ProtectionSettings settings) {
		this(connector, configProvider, events, settings, DecisionObserver.NONE);
	}

	/**
	 * Creates an interceptor that reports each decision.
	 * @param connector the engine
	 * @param configProvider the integration config source, or {@code null} when only
	 * {@link QueueProtected} handlers are protected
	 * @param events the events defined in code
	 * @param settings how requests are evaluated and decisions applied
	 * @param decisionObserver told about each decision and how long it took
	 */
	public QueueItHandlerInterceptor(QueueConnector connector, @Nullable IntegrationConfigProvider configProvider,
			QueueEvents events, ProtectionSettings settings, DecisionObserver decisionObserver) {
		this.connector = connector;
		this.configProvider = configProvider;
		this.events = events;
		this.settings = settings;
		this.decisionObserver = decisionObserver;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!isEvaluated(request, handler)) {
			return true;
		}
		QueueProtected protection = (handler instanceof HandlerMethod method)
				? this.protectedHandlers.find(method.getMethod(), method.getBeanType()) : null;
		if (protection == null && this.configProvider == null) {
			return true;
		}
		Decision decision;
		RuntimeException failure = null;
		long start = System.nanoTime();
		try {
			decision = decide(new ServletConnectorRequest(request), protection);
		}
		catch (RuntimeException ex) {
			decision = null;
			failure = ex;
		}
		this.decisionObserver.decided(decision, System.nanoTime() - start);
		if (failure != null) {
			return fail(response, "evaluation failed", failure);
		}
		if (decision == null) {
			return fail(response, "no integration config loaded yet", null);
		}
		request.setAttribute(DECISION_ATTRIBUTE, decision);
		return apply(decision, request.isSecure(), response);
	}

	private boolean isEvaluated(HttpServletRequest request, Object handler) {
		if (request.getAttribute(DECISION_ATTRIBUTE) != null) {
			return false;
		}
		if (request.getDispatcherType() == DispatcherType.ERROR && !this.settings.evaluateErrorDispatches()) {
			return false;
		}
		if (handler instanceof ResourceHttpRequestHandler && !this.settings.evaluateStaticResources()) {
			return false;
		}
		return this.settings.evaluates(request.getMethod());
	}

	private @Nullable Decision decide(ConnectorRequest request, @Nullable QueueProtected protection) {
		if (protection != null) {
			String event = protection.event();
			return (protection.action() == QueueProtected.Action.CANCEL)
					? this.connector.cancel(request, this.events.cancel(event))
					: this.connector.queue(request, this.events.queue(event));
		}
		Optional<IntegrationConfig> config = this.configProvider.current();
		return config.map((current) -> this.connector.evaluate(request, current)).orElse(null);
	}

	private boolean apply(Decision decision, boolean secureRequest, HttpServletResponse response) {
		for (CookieInstruction cookie : decision.cookies()) {
			if (secureRequest && !cookie.secure() && cookie.name().startsWith(SessionCookies.NAME_PREFIX)) {
				this.log.insecureCookie(cookie.name());
			}
			response.addHeader("Set-Cookie", this.settings.setCookieHeader(cookie));
		}
		if (decision instanceof Decision.Proceed) {
			for (ResponseHeader header : decision.headers()) {
				response.addHeader(header.name(), header.value());
			}
			return true;
		}
		response.setStatus(
				(decision instanceof Decision.Redirect) ? Decision.Redirect.STATUS : Decision.AjaxRedirect.STATUS);
		for (ResponseHeader header : decision.headers()) {
			response.setHeader(header.name(), header.value());
		}
		response.setContentLength(0);
		return false;
	}

	private boolean fail(HttpServletResponse response, String cause, @Nullable RuntimeException ex) {
		FailurePolicy policy = this.settings.failurePolicy();
		this.log.failure(cause, ex, policy);
		response.setHeader(ProtectionSettings.FAILED_HEADER, "true");
		if (policy == FailurePolicy.DENY) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader("Cache-Control", "no-cache, no-store, must-revalidate, max-age=0");
			return false;
		}
		return true;
	}

}

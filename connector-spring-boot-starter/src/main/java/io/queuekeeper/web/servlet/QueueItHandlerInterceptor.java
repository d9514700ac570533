package io.queuekeeper.web.servlet;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.core.http.ResponseHeader;
import io.queuekeeper.web.ProtectionSettings;
import io.queuekeeper.web.QueueEvents;
import io.queuekeeper.web.QueueItGate;
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

	private final QueueItGate gate;

	private volatile @Nullable Boolean readsCookieHeaders;

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
		this(new QueueItGate(connector, configProvider, events, settings));
	}

	/**
	 * Creates an interceptor that decides through a shared gate.
	 * @param gate decides requests and tells what the response carries
	 */
	public QueueItHandlerInterceptor(QueueItGate gate) {
		this.gate = gate;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!isEvaluated(request, handler)) {
			return true;
		}
		QueueProtected protection = (handler instanceof HandlerMethod method)
				? this.gate.protection(method.getMethod(), method.getBeanType()) : null;
		if (!this.gate.protects(protection)) {
			return true;
		}
		QueueItGate.Outcome outcome = this.gate
			.decide(new ServletConnectorRequest(request, readsCookieHeaders(request)), protection, request.isSecure());
		if (outcome.decision() != null) {
			request.setAttribute(DECISION_ATTRIBUTE, outcome.decision());
		}
		return write(outcome, response);
	}

	/**
	 * Whether the container lets cookies be read from the raw headers, asked once: an
	 * interceptor serves the requests of one container.
	 */
	private boolean readsCookieHeaders(HttpServletRequest request) {
		Boolean reads = this.readsCookieHeaders;
		if (reads == null) {
			reads = ServletConnectorRequest.readsCookieHeaders(request.getServletContext());
			this.readsCookieHeaders = reads;
		}
		return reads;
	}

	private boolean isEvaluated(HttpServletRequest request, Object handler) {
		if (request.getAttribute(DECISION_ATTRIBUTE) != null) {
			return false;
		}
		ProtectionSettings settings = this.gate.settings();
		if (request.getDispatcherType() == DispatcherType.ERROR && !settings.evaluateErrorDispatches()) {
			return false;
		}
		if (handler instanceof ResourceHttpRequestHandler && !settings.evaluateStaticResources()) {
			return false;
		}
		return settings.evaluates(request.getMethod());
	}

	private static boolean write(QueueItGate.Outcome outcome, HttpServletResponse response) {
		for (String setCookie : outcome.setCookies()) {
			response.addHeader("Set-Cookie", setCookie);
		}
		if (outcome.proceeds()) {
			for (ResponseHeader header : outcome.headers()) {
				response.addHeader(header.name(), header.value());
			}
			return true;
		}
		response.setStatus(outcome.status());
		for (ResponseHeader header : outcome.headers()) {
			response.setHeader(header.name(), header.value());
		}
		response.setContentLength(0);
		return false;
	}

}

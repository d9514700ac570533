package io.queuekeeper.web.reactive;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.ValidationResult;
import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Resolves WebFlux handler method arguments of type {@link Decision} and
 * {@link ValidationResult} to the decision the filter made for the exchange, or
 * {@code null} when the request was not evaluated.
 *
 * @since 0.1.0
 */
public class ServerQueueDecisionArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return type == Decision.class || type == ValidationResult.class;
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		Object decision = exchange.getAttribute(ServerQueueItWebFilter.DECISION_ATTRIBUTE);
		if (!(decision instanceof Decision found)) {
			return Mono.empty();
		}
		return Mono.just((parameter.getParameterType() == ValidationResult.class) ? found.result() : found);
	}

}

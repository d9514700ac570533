package io.queuekeeper.web.servlet;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.ValidationResult;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves handler method arguments of type {@link Decision} and {@link ValidationResult}
 * to the decision the interceptor made for the request, or {@code null} when the request
 * was not evaluated.
 *
 * @since 0.1.0
 */
public class QueueDecisionArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return type == Decision.class || type == ValidationResult.class;
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
		Object decision = request.getAttribute(QueueItHandlerInterceptor.DECISION_ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST);
		if (!(decision instanceof Decision found)) {
			return null;
		}
		return (parameter.getParameterType() == ValidationResult.class) ? found.result() : found;
	}

}

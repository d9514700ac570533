package io.queuekeeper.boot.autoconfigure.web.servlet;

import java.util.List;

import io.queuekeeper.web.servlet.QueueDecisionArgumentResolver;
import io.queuekeeper.web.servlet.QueueItHandlerInterceptor;

import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the interceptor and the decision argument resolver with Spring MVC.
 */
final class QueueItWebMvcConfigurer implements WebMvcConfigurer {

	private final QueueItHandlerInterceptor interceptor;

	private final QueueDecisionArgumentResolver argumentResolver;

	QueueItWebMvcConfigurer(QueueItHandlerInterceptor interceptor, QueueDecisionArgumentResolver argumentResolver) {
		this.interceptor = interceptor;
		this.argumentResolver = argumentResolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.interceptor);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this.argumentResolver);
	}

}

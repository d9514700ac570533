package io.queuekeeper.boot.autoconfigure.web.servlet;

import io.queuekeeper.boot.autoconfigure.QueueItAutoConfiguration;
import io.queuekeeper.core.WaitingRoomProvider;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.web.ProtectionSettings;
import io.queuekeeper.web.QueueItGate;
import io.queuekeeper.web.servlet.QueueDecisionArgumentResolver;
import io.queuekeeper.web.servlet.QueueItHandlerInterceptor;
import io.queuekeeper.web.servlet.QueueItRequestBodyFilter;
import io.queuekeeper.web.servlet.QueueProtectedVerifier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of the Spring MVC adapter: registers the
 * {@link QueueItHandlerInterceptor} (or the user's own bean of that type), the decision
 * argument resolver and, when an integration config is used, the request body filter.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = QueueItAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnProperty(prefix = "queueit", name = "enabled", havingValue = "true", matchIfMissing = true)
public final class QueueItWebMvcAutoConfiguration {

	QueueItWebMvcAutoConfiguration() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DispatcherServlet.class)
	@ConditionalOnBean(QueueItGate.class)
	static class WebMvcAdapterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		QueueItHandlerInterceptor queueItHandlerInterceptor(QueueItGate gate) {
			return new QueueItHandlerInterceptor(gate);
		}

		@Bean
		QueueItWebMvcConfigurer queueItWebMvcConfigurer(QueueItHandlerInterceptor interceptor) {
			return new QueueItWebMvcConfigurer(interceptor, new QueueDecisionArgumentResolver());
		}

		@Bean
		static QueueProtectedVerifier queueProtectedVerifier(ObjectProvider<WaitingRoomProvider> provider) {
			return new QueueProtectedVerifier(provider);
		}

		@Bean
		@ConditionalOnBean(IntegrationConfigProvider.class)
		FilterRegistrationBean<QueueItRequestBodyFilter> queueItRequestBodyFilter(
				IntegrationConfigProvider configProvider, ProtectionSettings settings) {
			QueueItRequestBodyFilter filter = new QueueItRequestBodyFilter(
					() -> configProvider.current().map((config) -> config.readsRequestBody()).orElse(false),
					settings.requestBodyLimit());
			FilterRegistrationBean<QueueItRequestBodyFilter> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
			return registration;
		}

	}

}

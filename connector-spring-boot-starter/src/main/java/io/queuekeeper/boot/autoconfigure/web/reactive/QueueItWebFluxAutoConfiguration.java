package io.queuekeeper.boot.autoconfigure.web.reactive;

import java.util.List;

import io.queuekeeper.boot.autoconfigure.QueueItAutoConfiguration;
import io.queuekeeper.core.WaitingRoomProvider;
import io.queuekeeper.core.enqueue.EnqueueTokenPolicy;
import io.queuekeeper.web.QueueItGate;
import io.queuekeeper.web.reactive.ResolvedHandlerMapping;
import io.queuekeeper.web.reactive.ServerQueueDecisionArgumentResolver;
import io.queuekeeper.web.reactive.ServerQueueItWebFilter;
import io.queuekeeper.web.reactive.ServerQueueProtectedVerifier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;

/**
 * Auto-configuration of the WebFlux adapter: registers the {@link ServerQueueItWebFilter}
 * (or the user's own bean of that type), the {@link ResolvedHandlerMapping} that spares
 * the {@code DispatcherHandler} a second handler lookup, the decision argument resolver
 * and the start-up check of {@code @QueueProtected} handlers.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = QueueItAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnProperty(prefix = "queueit", name = "enabled", havingValue = "true", matchIfMissing = true)
public final class QueueItWebFluxAutoConfiguration {

	QueueItWebFluxAutoConfiguration() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DispatcherHandler.class)
	@ConditionalOnBean(QueueItGate.class)
	static class WebFluxAdapterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ServerQueueItWebFilter queueItWebFilter(QueueItGate gate, ObjectProvider<DispatcherHandler> dispatcherHandler,
				ObjectProvider<HandlerMapping> handlerMappings, ObjectProvider<ServerCodecConfigurer> codecs,
				ObjectProvider<EnqueueTokenPolicy> enqueueTokens) {
			ServerCodecConfigurer codecConfigurer = codecs.getIfAvailable(ServerCodecConfigurer::create);
			ServerQueueItWebFilter filter = new ServerQueueItWebFilter(gate, () -> {
				DispatcherHandler dispatcher = dispatcherHandler.getIfUnique();
				List<HandlerMapping> used = (dispatcher != null) ? dispatcher.getHandlerMappings() : null;
				return (used != null) ? used : handlerMappings.orderedStream().toList();
			}, codecConfigurer.getReaders());
			EnqueueTokenPolicy policy = enqueueTokens.getIfUnique();
			filter.setResolvePrincipal(policy != null && policy.enabledForAnyEvent());
			return filter;
		}

		@Bean
		ResolvedHandlerMapping queueItResolvedHandlerMapping() {
			return new ResolvedHandlerMapping();
		}

		@Bean
		QueueItWebFluxConfigurer queueItWebFluxConfigurer() {
			return new QueueItWebFluxConfigurer(new ServerQueueDecisionArgumentResolver());
		}

		@Bean
		static ServerQueueProtectedVerifier serverQueueProtectedVerifier(ObjectProvider<WaitingRoomProvider> provider) {
			return new ServerQueueProtectedVerifier(provider);
		}

	}

}

package io.queuekeeper.boot.autoconfigure.web.reactive;

import io.queuekeeper.web.reactive.ServerQueueDecisionArgumentResolver;

import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Registers the decision argument resolver with WebFlux.
 */
final class QueueItWebFluxConfigurer implements WebFluxConfigurer {

	private final ServerQueueDecisionArgumentResolver argumentResolver;

	QueueItWebFluxConfigurer(ServerQueueDecisionArgumentResolver argumentResolver) {
		this.argumentResolver = argumentResolver;
	}

	@Override
	public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
		configurer.addCustomResolver(this.argumentResolver);
	}

}

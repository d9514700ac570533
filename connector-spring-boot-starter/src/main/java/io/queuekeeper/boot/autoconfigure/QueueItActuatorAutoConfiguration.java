package io.queuekeeper.boot.autoconfigure;

import io.queuekeeper.boot.actuate.QueueItEndpoint;
import io.queuekeeper.boot.actuate.QueueItHealthIndicator;
import io.queuekeeper.boot.config.CachingIntegrationConfigProvider;
import io.queuekeeper.core.WaitingRoomProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the actuator support: the {@code queueit} endpoint (for either
 * waiting-room provider) and the {@code queueIt} health contributor (when the starter's
 * integration config provider is in use), each only when its actuator module is present.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = QueueItAutoConfiguration.class)
@ConditionalOnProperty(prefix = "queueit", name = "enabled", havingValue = "true", matchIfMissing = true)
public final class QueueItActuatorAutoConfiguration {

	QueueItActuatorAutoConfiguration() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnBean(WaitingRoomProvider.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		QueueItEndpoint queueItEndpoint(WaitingRoomProvider provider,
				ObjectProvider<CachingIntegrationConfigProvider> configProvider) {
			return new QueueItEndpoint(provider, configProvider.getIfUnique());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnBean(CachingIntegrationConfigProvider.class)
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "queueItHealthIndicator")
		QueueItHealthIndicator queueItHealthIndicator(CachingIntegrationConfigProvider provider,
				QueueItProperties properties) {
			return new QueueItHealthIndicator(provider, properties.getIntegrationConfig().getStaleAfter());
		}

	}

}

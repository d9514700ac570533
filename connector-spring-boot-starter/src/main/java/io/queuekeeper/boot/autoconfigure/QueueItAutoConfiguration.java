package io.queuekeeper.boot.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.queuekeeper.boot.config.CachingIntegrationConfigProvider;
import io.queuekeeper.boot.metrics.QueueItMetrics;
import io.queuekeeper.core.ConnectorConfigurationException;
import io.queuekeeper.core.ConnectorObserver;
import io.queuekeeper.core.ConnectorSettings;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.QueueEventConfig;
import io.queuekeeper.core.QueueItWaitingRoom;
import io.queuekeeper.core.WaitingRoomProvider;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.core.enqueue.EnqueueTokenPolicy;
import io.queuekeeper.core.enqueue.EnqueueTokenSettings;
import io.queuekeeper.web.CancelListener;
import io.queuekeeper.web.DecisionObserver;
import io.queuekeeper.web.EnqueueTokenCustomizer;
import io.queuekeeper.web.ProtectionSettings;
import io.queuekeeper.web.IntegrationConfigPush;
import io.queuekeeper.web.QueueEvents;
import io.queuekeeper.web.QueueItGate;
import io.queuekeeper.web.reactive.ServerIntegrationConfigPushFilter;
import io.queuekeeper.web.servlet.IntegrationConfigPushFilter;
import jakarta.servlet.Filter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration of the Queue-it engine for web applications: the
 * {@link QueueConnector}, the events defined in code, the {@link QueueItWaitingRoom}
 * provider, the enqueue token policy (with the application's
 * {@link EnqueueTokenCustomizer} beans, in order), the integration config source
 * (location, snapshot file, GO polling and the optional push endpoint on either web
 * stack), the web-level settings, the {@link QueueItGate} through which both web stacks
 * decide (through whichever {@link WaitingRoomProvider} exists, Queue-it or RoomQ, with
 * the application's {@link CancelListener} beans) and, with Micrometer, the meters.
 * Switched off by {@code queueit.enabled=false}; the Queue-it engine beans exist only
 * while {@code queueit.provider} is {@code queue-it}, the default
 * ({@link RoomQAutoConfiguration} serves {@code roomq}). A unique {@link Clock} bean, if
 * the application defines one, is the engine's clock.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnProperty(prefix = "queueit", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(QueueItProperties.class)
public final class QueueItAutoConfiguration {

	QueueItAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnWaitingRoomProvider(QueueItProperties.Provider.QUEUE_IT)
	QueueConnector queueConnector(QueueItProperties properties, ObjectProvider<Clock> clock,
			EnqueueTokenPolicy enqueueTokens, ObjectProvider<ConnectorObserver> observer) {
		return new QueueConnector(connectorSettings(properties, clock.getIfUnique(Clock::systemUTC)), enqueueTokens,
				observer.getIfUnique(() -> ConnectorObserver.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	EnqueueTokenPolicy queueItEnqueueTokenPolicy(QueueItProperties properties,
			ObjectProvider<EnqueueTokenCustomizer> customizers) {
		List<EnqueueTokenCustomizer> ordered = customizers.orderedStream().toList();
		return enqueueTokenPolicy(properties).withCustomizer((token) -> {
			for (EnqueueTokenCustomizer customizer : ordered) {
				customizer.customize(token);
			}
		});
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnWaitingRoomProvider(QueueItProperties.Provider.QUEUE_IT)
	QueueEvents queueItEvents(QueueItProperties properties) {
		Map<String, QueueEventConfig> events = new LinkedHashMap<>();
		properties.getEvents().forEach((id, event) -> {
			// An entry with only enqueue token settings tunes an event of the integration
			// config; it does not define an event in code.
			if (!isBlank(event.getQueueDomain()) || !event.getEnqueueToken().isConfigured()) {
				events.put(id, eventConfig(id, event));
			}
		});
		return new QueueEvents(events);
	}

	@Bean
	@ConditionalOnMissingBean
	ProtectionSettings queueItProtectionSettings(QueueItProperties properties) {
		QueueItProperties.SameSite sameSite = properties.getCookie().getSameSite();
		return protectionSettings(properties, sameSite);
	}

	static ProtectionSettings protectionSettings(QueueItProperties properties,
			QueueItProperties.@Nullable SameSite sameSite) {
		long limit = properties.getRequestBodyLimit().toBytes();
		if (limit < 0 || limit > Integer.MAX_VALUE) {
			throw new ConnectorConfigurationException(
					"queueit.request-body-limit must be between 0B and 2GB, e.g. 4KB; was "
							+ properties.getRequestBodyLimit());
		}
		String sameSiteValue = switch ((sameSite != null) ? sameSite : QueueItProperties.SameSite.LAX) {
			case LAX -> "Lax";
			case STRICT -> "Strict";
			case NONE -> "None";
		};
		QueueItProperties.Exclusions exclusions = properties.getExclusions();
		return new ProtectionSettings((sameSite != null) ? sameSiteValue : null, (int) limit,
				properties.getFailurePolicy(), !exclusions.isStaticResources(), !exclusions.isErrorDispatches(),
				Set.copyOf(exclusions.getMethods()));
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(IntegrationConfigProvider.class)
	@Conditional(IntegrationConfigSourceCondition.class)
	CachingIntegrationConfigProvider queueItIntegrationConfigProvider(ResourceLoader resourceLoader,
			QueueItProperties properties, ObjectProvider<Clock> clock) {
		return IntegrationConfigSetup.start(resourceLoader, properties, clock.getIfUnique(Clock::systemUTC));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		QueueItMetrics queueItMetrics(ObjectProvider<MeterRegistry> registry,
				ObjectProvider<CachingIntegrationConfigProvider> provider) {
			return new QueueItMetrics(registry.getIfUnique(() -> Metrics.globalRegistry), provider.getIfUnique());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ Filter.class, OncePerRequestFilter.class })
	@ConditionalOnProperty(prefix = "queueit.integration-config.push", name = "enabled", havingValue = "true")
	static class ServletPushConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "queueItIntegrationConfigPushFilter")
		FilterRegistrationBean<IntegrationConfigPushFilter> queueItIntegrationConfigPushFilter(
				QueueItProperties properties, ObjectProvider<CachingIntegrationConfigProvider> provider) {
			IntegrationConfigPush push = IntegrationConfigSetup.push(properties, provider.getIfUnique());
			FilterRegistrationBean<IntegrationConfigPushFilter> registration = new FilterRegistrationBean<>(
					new IntegrationConfigPushFilter(push, properties.getIntegrationConfig().getPush().getPath()));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass({ WebFilter.class, Mono.class })
	@ConditionalOnProperty(prefix = "queueit.integration-config.push", name = "enabled", havingValue = "true")
	static class ReactivePushConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ServerIntegrationConfigPushFilter queueItIntegrationConfigPushWebFilter(QueueItProperties properties,
				ObjectProvider<CachingIntegrationConfigProvider> provider) {
			IntegrationConfigPush push = IntegrationConfigSetup.push(properties, provider.getIfUnique());
			return new ServerIntegrationConfigPushFilter(push, properties.getIntegrationConfig().getPush().getPath());
		}

	}

	/**
	 * Matches when the integration config comes from somewhere: a location, GO (an API
	 * key or an explicit URL), a snapshot file or pushes.
	 */
	static class IntegrationConfigSourceCondition extends AnyNestedCondition {

		IntegrationConfigSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(prefix = "queueit.integration-config", name = "location")
		static class Location {

		}

		@ConditionalOnProperty(prefix = "queueit", name = "api-key")
		static class ApiKey {

		}

		@ConditionalOnProperty(prefix = "queueit.integration-config", name = "url")
		static class Url {

		}

		@ConditionalOnProperty(prefix = "queueit.integration-config", name = "snapshot-file")
		static class SnapshotFile {

		}

		@ConditionalOnProperty(prefix = "queueit.integration-config.push", name = "enabled", havingValue = "true")
		static class Push {

		}

	}

	@Bean
	@ConditionalOnMissingBean(WaitingRoomProvider.class)
	@ConditionalOnWaitingRoomProvider(QueueItProperties.Provider.QUEUE_IT)
	QueueItWaitingRoom queueItWaitingRoom(QueueConnector connector,
			ObjectProvider<IntegrationConfigProvider> configProvider, QueueEvents events) {
		return new QueueItWaitingRoom(connector, events.configs(), configProvider.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	QueueItGate queueItGate(WaitingRoomProvider provider, ProtectionSettings settings,
			ObjectProvider<DecisionObserver> decisionObserver, ObjectProvider<CancelListener> cancelListeners) {
		List<CancelListener> listeners = cancelListeners.orderedStream().toList();
		CancelListener cancelListener = (listeners.size() == 1) ? listeners.get(0) : (request, decision) -> {
			for (CancelListener listener : listeners) {
				listener.cancelled(request, decision);
			}
		};
		return new QueueItGate(provider, settings, decisionObserver.getIfUnique(() -> DecisionObserver.NONE),
				cancelListener);
	}

	static ConnectorSettings connectorSettings(QueueItProperties properties, Clock clock) {
		String customerId = properties.getCustomerId();
		if (isBlank(customerId)) {
			throw new ConnectorConfigurationException(
					"queueit.customer-id is not set: set it to your Queue-it customer id, as shown in GO");
		}
		if (isBlank(properties.getSecretKey())) {
			throw new ConnectorConfigurationException("queueit.secret-key is not set: set it to the secret key from "
					+ "Queue-it GO (Account > Settings > Integration), e.g. secret-key: ${QUEUEIT_SECRET_KEY}");
		}
		try {
			return new ConnectorSettings(customerId, properties.getSecretKey(), clock);
		}
		catch (ConnectorConfigurationException ex) {
			throw new ConnectorConfigurationException("queueit.customer-id is not usable: " + ex.getMessage(), ex);
		}
	}

	static QueueEventConfig eventConfig(String id, QueueItProperties.Event event) {
		String prefix = "queueit.events." + id;
		if (isBlank(event.getQueueDomain())) {
			throw new ConnectorConfigurationException(prefix
					+ ".queue-domain is not set: set it to the event's waiting room domain, e.g. acme.queue-it.net");
		}
		long minutes = event.getCookieValidity().toMinutes();
		if (minutes < 1 || minutes > Integer.MAX_VALUE) {
			throw new ConnectorConfigurationException(prefix
					+ ".cookie-validity must be at least one minute, e.g. 20m; was " + event.getCookieValidity());
		}
		try {
			return new QueueEventConfig(id, event.getQueueDomain(), event.getCookieDomain(), event.isCookieHttpOnly(),
					event.isCookieSecure(), (int) minutes, event.isExtendCookieValidity(), event.getCulture(),
					event.getLayoutName(), QueueEventConfig.LOCAL_VERSION, QueueEventConfig.LOCAL_ACTION_NAME);
		}
		catch (ConnectorConfigurationException ex) {
			throw new ConnectorConfigurationException(prefix + " is not usable: " + ex.getMessage(), ex);
		}
	}

	static EnqueueTokenPolicy enqueueTokenPolicy(QueueItProperties properties) {
		QueueItProperties.EnqueueToken global = properties.getEnqueueToken();
		EnqueueTokenSettings defaults = enqueueTokenSettings("queueit.enqueue-token", global.isEnabled(),
				global.getValidity(), global.isKey(), global.isIpBinding(), global.isForwardedForBinding());
		Map<String, EnqueueTokenSettings> events = new LinkedHashMap<>();
		properties.getEvents().forEach((id, event) -> {
			QueueItProperties.EventEnqueueToken token = event.getEnqueueToken();
			if (token.isConfigured()) {
				events.put(id,
						enqueueTokenSettings("queueit.events." + id + ".enqueue-token",
								orDefault(token.getEnabled(), defaults.enabled()),
								(token.getValidity() != null) ? token.getValidity() : defaults.validity(),
								orDefault(token.getKey(), defaults.key()),
								orDefault(token.getIpBinding(), defaults.ipBinding()),
								orDefault(token.getForwardedForBinding(), defaults.forwardedForBinding())));
			}
		});
		return EnqueueTokenPolicy.of(defaults).withEvents(events);
	}

	private static EnqueueTokenSettings enqueueTokenSettings(String prefix, boolean enabled, Duration validity,
			boolean key, boolean ipBinding, boolean forwardedForBinding) {
		if (validity.compareTo(EnqueueTokenSettings.MIN_VALIDITY) < 0
				|| validity.compareTo(EnqueueTokenSettings.MAX_VALIDITY) > 0) {
			throw new ConnectorConfigurationException(
					prefix + ".validity must be at least 30s and at most 1d, e.g. 240s; was " + validity);
		}
		return new EnqueueTokenSettings(enabled, validity, key, ipBinding, forwardedForBinding);
	}

	private static boolean orDefault(@Nullable Boolean value, boolean fallback) {
		return (value != null) ? value : fallback;
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}

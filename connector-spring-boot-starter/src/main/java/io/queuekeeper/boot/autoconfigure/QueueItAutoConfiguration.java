package io.queuekeeper.boot.autoconfigure;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.queuekeeper.boot.config.ResourceIntegrationConfigProvider;
import io.queuekeeper.core.ConnectorConfigurationException;
import io.queuekeeper.core.ConnectorSettings;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.QueueEventConfig;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.web.ProtectionSettings;
import io.queuekeeper.web.QueueEvents;
import io.queuekeeper.web.QueueItGate;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configuration of the Queue-it engine for web applications: the
 * {@link QueueConnector}, the events defined in code, the integration config source and
 * the web-level settings, and the {@link QueueItGate} through which both web stacks
 * decide. Switched off by {@code queueit.enabled=false}. A unique {@link Clock} bean, if
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
	QueueConnector queueConnector(QueueItProperties properties, ObjectProvider<Clock> clock) {
		return new QueueConnector(connectorSettings(properties, clock.getIfUnique(Clock::systemUTC)));
	}

	@Bean
	@ConditionalOnMissingBean
	QueueEvents queueItEvents(QueueItProperties properties) {
		Map<String, QueueEventConfig> events = new LinkedHashMap<>();
		properties.getEvents().forEach((id, event) -> events.put(id, eventConfig(id, event)));
		return new QueueEvents(events);
	}

	@Bean
	@ConditionalOnMissingBean
	ProtectionSettings queueItProtectionSettings(QueueItProperties properties) {
		long limit = properties.getRequestBodyLimit().toBytes();
		if (limit < 0 || limit > Integer.MAX_VALUE) {
			throw new ConnectorConfigurationException(
					"queueit.request-body-limit must be between 0B and 2GB, e.g. 4KB; was "
							+ properties.getRequestBodyLimit());
		}
		QueueItProperties.SameSite sameSite = properties.getCookie().getSameSite();
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

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "queueit.integration-config", name = "location")
	IntegrationConfigProvider queueItIntegrationConfigProvider(ResourceLoader resourceLoader,
			QueueItProperties properties) {
		return ResourceIntegrationConfigProvider.load(resourceLoader, properties.getIntegrationConfig().getLocation(),
				"queueit.integration-config.location");
	}

	@Bean
	@ConditionalOnMissingBean
	QueueItGate queueItGate(QueueConnector connector, ObjectProvider<IntegrationConfigProvider> configProvider,
			QueueEvents events, ProtectionSettings settings) {
		return new QueueItGate(connector, configProvider.getIfAvailable(), events, settings);
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

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}

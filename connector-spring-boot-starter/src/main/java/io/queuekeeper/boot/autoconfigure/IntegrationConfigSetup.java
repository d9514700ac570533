package io.queuekeeper.boot.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.queuekeeper.boot.config.CachingIntegrationConfigProvider;
import io.queuekeeper.boot.config.IntegrationConfigClient;
import io.queuekeeper.boot.config.IntegrationConfigSource;
import io.queuekeeper.boot.config.ResourceIntegrationConfigProvider;
import io.queuekeeper.core.ConnectorConfigurationException;
import io.queuekeeper.core.config.InvalidIntegrationConfigException;
import io.queuekeeper.web.IntegrationConfigPush;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ResourceLoader;

/**
 * Turns the {@code queueit.integration-config.*} properties into a started
 * {@link CachingIntegrationConfigProvider} and the push endpoint logic, naming the
 * property and the fix in every error.
 */
final class IntegrationConfigSetup {

	private static final String PREFIX = "queueit.integration-config.";

	private static final long MAX_PUSH_BODY_BYTES = 64L * 1024 * 1024;

	private IntegrationConfigSetup() {
	}

	/**
	 * Creates and starts the provider. GO is polled when {@code queueit.api-key} is set
	 * or {@code queueit.integration-config.url} is changed; the location is then the
	 * first snapshot, otherwise the only one.
	 */
	static CachingIntegrationConfigProvider start(ResourceLoader resourceLoader, QueueItProperties properties,
			Clock clock) {
		// The account settings first, so that a bad customer id is reported as such
		// rather than as a bad URL.
		QueueItAutoConfiguration.connectorSettings(properties, clock);
		QueueItProperties.IntegrationConfig config = properties.getIntegrationConfig();
		Duration pollInterval = positive(config.getPollInterval(), "poll-interval", "5m");
		Duration timeout = positive(config.getTimeout(), "timeout", "4s");
		positive(config.getStaleAfter(), "stale-after", "30m");
		Duration startupWait = config.getStartupWait();
		if (startupWait == null || startupWait.isNegative()) {
			throw new ConnectorConfigurationException(
					PREFIX + "startup-wait must be zero or more, e.g. 10s; was " + startupWait);
		}
		Path snapshotFile = snapshotFile(config.getSnapshotFile());
		IntegrationConfigClient client = client(properties, config, timeout);
		String location = config.getLocation();
		String document = hasText(location)
				? ResourceIntegrationConfigProvider.read(resourceLoader, location, PREFIX + "location") : null;
		CachingIntegrationConfigProvider provider = new CachingIntegrationConfigProvider(client, pollInterval,
				snapshotFile, clock);
		try {
			provider.start(document, startupWait);
		}
		catch (InvalidIntegrationConfigException ex) {
			provider.close();
			throw new ConnectorConfigurationException(
					PREFIX + "location '" + location + "' is not a usable integration config: " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			provider.close();
			throw ex;
		}
		return provider;
	}

	static IntegrationConfigPush push(QueueItProperties properties,
			@Nullable CachingIntegrationConfigProvider provider) {
		QueueItProperties.Push push = properties.getIntegrationConfig().getPush();
		if (provider == null) {
			throw new ConnectorConfigurationException(PREFIX + "push.enabled is true, but the application defines "
					+ "its own IntegrationConfigProvider, which pushes cannot update: remove it, or set " + PREFIX
					+ "push.enabled=false");
		}
		String path = push.getPath();
		if (!hasText(path) || !path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace)) {
			throw new ConnectorConfigurationException(PREFIX
					+ "push.path must be a path starting with /, e.g. /queueit/integration-config; was '" + path + "'");
		}
		long max = (push.getMaxBodySize() != null) ? push.getMaxBodySize().toBytes() : -1;
		if (max < 1 || max > MAX_PUSH_BODY_BYTES) {
			throw new ConnectorConfigurationException(
					PREFIX + "push.max-body-size must be between 1B and 64MB, e.g. 2MB; was " + push.getMaxBodySize());
		}
		String secretKey = properties.getSecretKey();
		if (!hasText(secretKey)) {
			throw new ConnectorConfigurationException(
					"queueit.secret-key is not set: pushes are checked with it, so set it or set " + PREFIX
							+ "push.enabled=false");
		}
		return new IntegrationConfigPush(secretKey, (int) max,
				(document) -> provider.offer(document, IntegrationConfigSource.PUSH));
	}

	private static @Nullable IntegrationConfigClient client(QueueItProperties properties,
			QueueItProperties.IntegrationConfig config, Duration timeout) {
		String apiKey = hasText(properties.getApiKey()) ? properties.getApiKey() : null;
		String template = hasText(config.getUrl()) ? config.getUrl() : QueueItProperties.IntegrationConfig.DEFAULT_URL;
		if (apiKey == null && template.equals(QueueItProperties.IntegrationConfig.DEFAULT_URL)) {
			// The secure endpoint answers 401 without a key: nothing to poll.
			return null;
		}
		String customerId = properties.getCustomerId();
		if (template.contains("{customer-id}") && !hasText(customerId)) {
			throw new ConnectorConfigurationException(
					"queueit.customer-id is not set: set it to your Queue-it customer id, as shown in GO");
		}
		String url = template.replace("{customer-id}", (customerId != null) ? customerId : "");
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new ConnectorConfigurationException(PREFIX + "url is not a valid URL (" + ex.getReason()
					+ "): set it like " + QueueItProperties.IntegrationConfig.DEFAULT_URL);
		}
		String scheme = uri.getScheme();
		if (uri.getHost() == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
			throw new ConnectorConfigurationException(PREFIX + "url must be an absolute https URL, e.g. "
					+ QueueItProperties.IntegrationConfig.DEFAULT_URL + "; was " + url);
		}
		if (apiKey != null && "http".equalsIgnoreCase(scheme) && !isLoopback(uri.getHost())) {
			throw new ConnectorConfigurationException(PREFIX + "url must use https, because queueit.api-key "
					+ "would otherwise travel in clear text; was " + url);
		}
		return new IntegrationConfigClient(uri, apiKey, timeout);
	}

	private static @Nullable Path snapshotFile(@Nullable String file) {
		if (!hasText(file)) {
			return null;
		}
		try {
			return Path.of(file);
		}
		catch (InvalidPathException ex) {
			throw new ConnectorConfigurationException(PREFIX + "snapshot-file is not a valid path (" + ex.getReason()
					+ "), e.g. /var/lib/myapp/queueit-config.json", ex);
		}
	}

	private static Duration positive(@Nullable Duration value, String property, String example) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new ConnectorConfigurationException(
					PREFIX + property + " must be positive, e.g. " + example + "; was " + value);
		}
		return value;
	}

	private static boolean isLoopback(String host) {
		return "localhost".equalsIgnoreCase(host) || "[::1]".equals(host) || "::1".equals(host)
				|| (host.startsWith("127.") && host.chars().allMatch((c) -> c == '.' || Character.isDigit(c)));
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}

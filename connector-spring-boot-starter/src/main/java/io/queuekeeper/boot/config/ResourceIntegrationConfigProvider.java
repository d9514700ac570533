package io.queuekeeper.boot.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.queuekeeper.core.ConnectorConfigurationException;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigParser;
import io.queuekeeper.core.config.IntegrationConfigProvider;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Serves an integration config read once, at start-up, from a file or classpath resource
 * (the JSON downloaded from GO under Integration &gt; Overview).
 *
 * @since 0.1.0
 */
public final class ResourceIntegrationConfigProvider implements IntegrationConfigProvider {

	private final IntegrationConfig config;

	private ResourceIntegrationConfigProvider(IntegrationConfig config) {
		this.config = config;
	}

	/**
	 * Reads and compiles the config.
	 * @param resourceLoader resolves the location
	 * @param location a Spring resource location, e.g.
	 * {@code classpath:queueit/integrationconfig.json} or {@code file:/etc/queueit.json}
	 * @param property the property the location came from, named in error messages
	 * @return the provider
	 * @throws ConnectorConfigurationException if the resource cannot be read or is not a
	 * usable config
	 */
	public static ResourceIntegrationConfigProvider load(ResourceLoader resourceLoader, String location,
			String property) {
		String json = read(resourceLoader, location, property);
		try {
			return new ResourceIntegrationConfigProvider(new IntegrationConfigParser().parse(json));
		}
		catch (ConnectorConfigurationException ex) {
			throw new ConnectorConfigurationException(
					property + " '" + location + "' is not a usable integration config: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads the config document as UTF-8 text, without parsing it.
	 * @param resourceLoader resolves the location
	 * @param location a Spring resource location
	 * @param property the property the location came from, named in error messages
	 * @return the document
	 * @throws ConnectorConfigurationException if the resource cannot be read
	 */
	public static String read(ResourceLoader resourceLoader, String location, String property) {
		Resource resource = resourceLoader.getResource(location);
		try (InputStream input = resource.getInputStream()) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new ConnectorConfigurationException(property + " '" + location + "' cannot be read ("
					+ ex.getMessage() + "): point it to the integration config JSON downloaded from Queue-it GO, "
					+ "e.g. classpath:queueit/integrationconfig.json", ex);
		}
	}

	@Override
	public Optional<IntegrationConfig> current() {
		return Optional.of(this.config);
	}

}

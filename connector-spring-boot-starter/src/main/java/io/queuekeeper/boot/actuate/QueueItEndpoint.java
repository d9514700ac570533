package io.queuekeeper.boot.actuate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.queuekeeper.boot.config.CachingIntegrationConfigProvider;
import io.queuekeeper.boot.config.IntegrationConfigStatus;
import io.queuekeeper.core.config.Integration;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.http.ConnectorRequest;
import io.queuekeeper.core.rules.RequestValues;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code queueit} actuator endpoint. {@code GET /actuator/queueit} shows the
 * integration config in use (version, source, publish date, integrations by name and
 * event) and the last successful and failed refresh; {@code GET
 * /actuator/queueit/match?url=...} tells which integration a plain {@code GET} of that
 * URL would match. Neither shows the secret key or the API key.
 *
 * @since 0.1.0
 */
@Endpoint(id = "queueit")
public class QueueItEndpoint {

	private final CachingIntegrationConfigProvider provider;

	/**
	 * Creates the endpoint.
	 * @param provider the config source
	 */
	public QueueItEndpoint(CachingIntegrationConfigProvider provider) {
		this.provider = provider;
	}

	/**
	 * Returns the status of the integration config.
	 */
	@ReadOperation
	public IntegrationConfigStatus status() {
		return this.provider.status();
	}

	/**
	 * Answers which integration matches a {@code GET} of a URL, with no cookies, headers
	 * or body.
	 * @param query must be {@code match}
	 * @param url the absolute URL, e.g. {@code https://shop.example.com/sale}
	 * @return the answer, or {@code null} (404) for another query
	 */
	@ReadOperation
	public @Nullable Map<String, Object> match(@Selector String query, String url) {
		if (!"match".equals(query)) {
			return null;
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("url", url);
		Optional<IntegrationConfig> config = this.provider.current();
		if (config.isEmpty()) {
			answer.put("matched", false);
			answer.put("reason", "no integration config loaded");
			return answer;
		}
		answer.put("version", config.get().version());
		if (!isHttpUrl(url)) {
			answer.put("matched", false);
			answer.put("reason", "not an absolute http or https URL");
			return answer;
		}
		Integration integration = config.get().firstMatch(new RequestValues(new UrlRequest(url), url));
		answer.put("matched", integration != null);
		if (integration != null) {
			answer.put("name", integration.name());
			answer.put("actionType", integration.actionType().wireName());
			answer.put("eventId", integration.eventId());
		}
		return answer;
	}

	private static boolean isHttpUrl(String url) {
		try {
			URI uri = new URI(url);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * A synthetic {@code GET} of a URL.
	 */
	private record UrlRequest(String url) implements ConnectorRequest {

		@Override
		public String method() {
			return "GET";
		}

		@Override
		public @Nullable String header(String name) {
			return null;
		}

		@Override
		public @Nullable String cookie(String name) {
			return null;
		}

	}

}

package io.queuekeeper.boot.actuate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.queuekeeper.boot.config.CachingIntegrationConfigProvider;
import io.queuekeeper.boot.config.IntegrationConfigStatus;
import io.queuekeeper.core.WaitingRoomProvider;
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
 * waiting-room provider in use and its rooms and, with Queue-it, the integration config
 * in use (version, source, publish date, integrations by name and event) and the last
 * successful and failed refresh; {@code GET
 * /actuator/queueit/match?url=...} tells which integration a plain {@code GET} of that
 * URL would match. Neither shows the secret key or the API key.
 *
 * @since 0.1.0
 */
@Endpoint(id = "queueit")
public class QueueItEndpoint {

	private final String providerName;

	private final List<String> rooms;

	private final @Nullable CachingIntegrationConfigProvider configProvider;

	/**
	 * Creates the endpoint for Queue-it with the starter's integration config source.
	 * @param configProvider the config source
	 */
	public QueueItEndpoint(CachingIntegrationConfigProvider configProvider) {
		this("queue-it", Set.of(), configProvider);
	}

	/**
	 * Creates the endpoint.
	 * @param provider the waiting-room provider in use
	 * @param configProvider the starter's integration config source, or {@code null} when
	 * there is none (RoomQ, or a config source of the application's own)
	 */
	public QueueItEndpoint(WaitingRoomProvider provider, @Nullable CachingIntegrationConfigProvider configProvider) {
		this(provider.name(), provider.rooms(), configProvider);
	}

	private QueueItEndpoint(String providerName, Set<String> rooms,
			@Nullable CachingIntegrationConfigProvider configProvider) {
		this.providerName = providerName;
		this.rooms = rooms.stream().sorted().toList();
		this.configProvider = configProvider;
	}

	/**
	 * Returns the provider, its rooms and the status of the integration config.
	 */
	@ReadOperation
	public Status status() {
		return new Status(this.providerName, this.rooms,
				(this.configProvider != null) ? this.configProvider.status() : null);
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
		Optional<IntegrationConfig> config = (this.configProvider != null) ? this.configProvider.current()
				: Optional.empty();
		if (config.isEmpty()) {
			answer.put("matched", false);
			answer.put("reason", (this.configProvider != null) ? "no integration config loaded"
					: "the " + this.providerName + " provider protects annotated handlers only");
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
	 * What {@code GET /actuator/queueit} shows.
	 *
	 * @param provider the waiting-room provider ({@code queue-it} or {@code roomq})
	 * @param rooms the rooms (Queue-it events) that {@code @QueueProtected} may name
	 * @param integrationConfig the status of the integration config, or {@code null}
	 * without the starter's integration config source
	 */
	public record Status(String provider, List<String> rooms, @Nullable IntegrationConfigStatus integrationConfig) {

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

package io.queuekeeper.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.core.http.ConnectorRequest;
import org.jspecify.annotations.Nullable;

/**
 * Queue-it as a {@link WaitingRoomProvider}: named rooms are the events defined in code,
 * and the integration config published in GO (when there is a source for it) decides the
 * other requests. It delegates to a {@link QueueConnector} and changes nothing in its
 * decisions.
 *
 * @since 0.1.0
 */
public final class QueueItWaitingRoom implements WaitingRoomProvider {

	/** The value of {@link #name()}. */
	public static final String NAME = "queue-it";

	private final QueueConnector connector;

	private final Map<String, QueueEventConfig> events;

	private final @Nullable IntegrationConfigProvider configProvider;

	/**
	 * Creates the provider.
	 * @param connector the engine
	 * @param events the events defined in code, by event id
	 * @param configProvider the source of the integration config, or {@code null} when
	 * only named events are protected
	 */
	public QueueItWaitingRoom(QueueConnector connector, Map<String, QueueEventConfig> events,
			@Nullable IntegrationConfigProvider configProvider) {
		this.connector = connector;
		this.events = Map.copyOf(new LinkedHashMap<>(events));
		this.configProvider = configProvider;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Set<String> rooms() {
		return this.events.keySet();
	}

	@Override
	public Decision protect(ConnectorRequest request, String room, Action action) {
		QueueEventConfig event = this.events.get(room);
		if (event == null) {
			throw new ConnectorConfigurationException(
					"Event '" + room + "' is not configured: add queueit.events." + room + ".queue-domain");
		}
		if (action == Action.CANCEL) {
			return this.connector.cancel(request,
					new CancelEventConfig(event.eventId(), event.queueDomain(), event.cookieDomain(),
							event.cookieHttpOnly(), event.cookieSecure(), event.version(), event.actionName()));
		}
		return this.connector.queue(request, event);
	}

	@Override
	public boolean hasRules() {
		return this.configProvider != null;
	}

	@Override
	public boolean readsRequestBody() {
		return this.configProvider != null
				&& this.configProvider.current().map(IntegrationConfig::readsRequestBody).orElse(false);
	}

	@Override
	public Optional<Decision> evaluate(ConnectorRequest request) {
		if (this.configProvider == null) {
			return Optional.empty();
		}
		return this.configProvider.current().map((config) -> this.connector.evaluate(request, config));
	}

}

package io.queuekeeper.web;

import java.util.Map;
import java.util.Set;

import io.queuekeeper.core.CancelEventConfig;
import io.queuekeeper.core.ConnectorConfigurationException;
import io.queuekeeper.core.QueueEventConfig;
import org.jspecify.annotations.Nullable;

/**
 * The events defined in code, by id, as used by {@link QueueProtected}.
 *
 * @since 0.1.0
 */
public final class QueueEvents {

	private final Map<String, QueueEventConfig> events;

	/**
	 * Creates a registry.
	 * @param events the queue settings of each event, by event id
	 */
	public QueueEvents(Map<String, QueueEventConfig> events) {
		this.events = Map.copyOf(events);
	}

	/**
	 * Returns the ids of the defined events.
	 */
	public Set<String> ids() {
		return this.events.keySet();
	}

	/**
	 * Returns the queue settings of every defined event, by event id.
	 */
	public Map<String, QueueEventConfig> configs() {
		return this.events;
	}

	/**
	 * Returns the queue settings of an event.
	 * @throws ConnectorConfigurationException if the event is not defined
	 */
	public QueueEventConfig queue(String eventId) {
		QueueEventConfig config = this.events.get(eventId);
		if (config == null) {
			throw undefined(eventId);
		}
		return config;
	}

	/**
	 * Returns the cancel settings of an event (its queue settings without the validity).
	 * @throws ConnectorConfigurationException if the event is not defined
	 */
	public CancelEventConfig cancel(String eventId) {
		QueueEventConfig config = queue(eventId);
		return new CancelEventConfig(config.eventId(), config.queueDomain(), config.cookieDomain(),
				config.cookieHttpOnly(), config.cookieSecure(), config.version(), config.actionName());
	}

	/**
	 * Whether an event is defined.
	 */
	public boolean contains(@Nullable String eventId) {
		return eventId != null && this.events.containsKey(eventId);
	}

	private static ConnectorConfigurationException undefined(String eventId) {
		return new ConnectorConfigurationException("Event '" + eventId
				+ "' is used by @QueueProtected but not configured: add queueit.events." + eventId + ".queue-domain");
	}

}

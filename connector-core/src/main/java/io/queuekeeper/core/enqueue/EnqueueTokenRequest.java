package io.queuekeeper.core.enqueue;

import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.queuekeeper.core.http.ConnectorRequest;
import org.jspecify.annotations.Nullable;

/**
 * The enqueue token about to be issued for one queue redirect, as a customizer sees it:
 * the request and event it is for, and the payload fields the customizer may set. Header
 * fields (times, identifier, bindings) come from the {@link EnqueueTokenSettings}.
 *
 * <p>
 * Instances belong to one request and are not thread-safe.
 *
 * @since 0.1.0
 */
public final class EnqueueTokenRequest {

	private final ConnectorRequest request;

	private final String eventId;

	private final EnqueueTokenSettings settings;

	private @Nullable String key;

	private @Nullable Double relativeQuality;

	private final Map<String, String> customData = new LinkedHashMap<>();

	private @Nullable String origin = EnqueueTokenPayload.ORIGIN_CONNECTOR;

	/**
	 * Creates the token request of a queue redirect.
	 * @param request the request being redirected
	 * @param eventId the event the visitor is queued for
	 * @param settings the event's enqueue token settings
	 */
	public EnqueueTokenRequest(ConnectorRequest request, String eventId, EnqueueTokenSettings settings) {
		this.request = Objects.requireNonNull(request, "request");
		this.eventId = Objects.requireNonNull(eventId, "eventId");
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/**
	 * Returns the request being redirected to the waiting room.
	 */
	public ConnectorRequest request() {
		return this.request;
	}

	/**
	 * Returns the authenticated user of the request, or {@code null} for an anonymous
	 * one.
	 */
	public @Nullable Principal principal() {
		return this.request.principal();
	}

	/**
	 * Returns the event the visitor is queued for.
	 */
	public String eventId() {
		return this.eventId;
	}

	/**
	 * Returns the event's enqueue token settings.
	 */
	public EnqueueTokenSettings settings() {
		return this.settings;
	}

	/**
	 * Returns the payload key set so far, or {@code null}.
	 */
	public @Nullable String key() {
		return this.key;
	}

	/**
	 * Sets the payload key, e.g. a customer number the waiting room admits once. Without
	 * one, the token carries a random key when {@link EnqueueTokenSettings#key()} is set.
	 * @param key the key, or {@code null} to remove it
	 * @return this request
	 */
	public EnqueueTokenRequest key(@Nullable String key) {
		this.key = key;
		return this;
	}

	/**
	 * Returns the relative quality set so far, or {@code null}.
	 */
	public @Nullable Double relativeQuality() {
		return this.relativeQuality;
	}

	/**
	 * Sets the relative quality of the visitor.
	 * @param relativeQuality a finite number, or {@code null} to remove it
	 * @return this request
	 * @throws IllegalArgumentException if the number is not finite
	 */
	public EnqueueTokenRequest relativeQuality(@Nullable Double relativeQuality) {
		if (relativeQuality != null && !Double.isFinite(relativeQuality)) {
			throw new IllegalArgumentException("relativeQuality must be a finite number, was " + relativeQuality);
		}
		this.relativeQuality = relativeQuality;
		return this;
	}

	/**
	 * Returns the custom data set so far, read-only.
	 */
	public Map<String, String> customData() {
		return Collections.unmodifiableMap(this.customData);
	}

	/**
	 * Adds or replaces one custom data entry. Any text is allowed: it is escaped in the
	 * token's JSON.
	 * @param name the name
	 * @param value the value
	 * @return this request
	 */
	public EnqueueTokenRequest customData(String name, String value) {
		this.customData.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
		return this;
	}

	/**
	 * Returns the origin, {@link EnqueueTokenPayload#ORIGIN_CONNECTOR} unless changed.
	 */
	public @Nullable String origin() {
		return this.origin;
	}

	/**
	 * Sets the origin, e.g. {@link EnqueueTokenPayload#ORIGIN_INVITE_ONLY}.
	 * @param origin the origin, or {@code null} to leave it out of the token
	 * @return this request
	 */
	public EnqueueTokenRequest origin(@Nullable String origin) {
		this.origin = origin;
		return this;
	}

}

package io.queuekeeper.core.enqueue;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * When the engine issues enqueue tokens and what they contain: settings for every event,
 * overrides per event id (integration configs from GO carry no enqueue token settings), a
 * customizer that fills in each token's payload, and the source of token identifiers and
 * random keys.
 *
 * @param defaults the settings of events without an override
 * @param events the overrides, by event id (compared exactly)
 * @param customizer called once for each token, on the request thread
 * @param identifiers supplies token identifiers and random keys; must be unpredictable in
 * production ({@link RandomIdentifiers}, which does no I/O on the request thread) and may
 * be fixed in tests
 * @since 0.1.0
 */
public record EnqueueTokenPolicy(EnqueueTokenSettings defaults, Map<String, EnqueueTokenSettings> events,
		Consumer<EnqueueTokenRequest> customizer, Supplier<UUID> identifiers) {

	private static final EnqueueTokenPolicy DISABLED = new EnqueueTokenPolicy(EnqueueTokenSettings.DISABLED, Map.of(),
			(token) -> {
			}, UUID::randomUUID);

	public EnqueueTokenPolicy {
		Objects.requireNonNull(defaults, "defaults");
		Objects.requireNonNull(customizer, "customizer");
		Objects.requireNonNull(identifiers, "identifiers");
		events = Map.copyOf(events);
	}

	/**
	 * Returns a policy that never issues a token.
	 */
	public static EnqueueTokenPolicy disabled() {
		return DISABLED;
	}

	/**
	 * Returns a policy with the same settings for every event, no customizer and random
	 * identifiers from a {@link RandomIdentifiers} generator, seeded now.
	 * @param defaults the settings
	 */
	public static EnqueueTokenPolicy of(EnqueueTokenSettings defaults) {
		return new EnqueueTokenPolicy(defaults, Map.of(), (token) -> {
		}, new RandomIdentifiers());
	}

	/**
	 * Returns a copy with the given overrides per event id.
	 */
	public EnqueueTokenPolicy withEvents(Map<String, EnqueueTokenSettings> events) {
		return new EnqueueTokenPolicy(this.defaults, events, this.customizer, this.identifiers);
	}

	/**
	 * Returns a copy with the given customizer.
	 */
	public EnqueueTokenPolicy withCustomizer(Consumer<EnqueueTokenRequest> customizer) {
		return new EnqueueTokenPolicy(this.defaults, this.events, customizer, this.identifiers);
	}

	/**
	 * Returns a copy with the given source of identifiers.
	 */
	public EnqueueTokenPolicy withIdentifiers(Supplier<UUID> identifiers) {
		return new EnqueueTokenPolicy(this.defaults, this.events, this.customizer, identifiers);
	}

	/**
	 * Returns the settings of an event: its override, else the defaults.
	 * @param eventId the event id
	 */
	public EnqueueTokenSettings settingsFor(String eventId) {
		return this.events.getOrDefault(eventId, this.defaults);
	}

	/**
	 * Whether any event gets enqueue tokens.
	 */
	public boolean enabledForAnyEvent() {
		return this.defaults.enabled() || this.events.values().stream().anyMatch(EnqueueTokenSettings::enabled);
	}

}

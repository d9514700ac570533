package io.queuekeeper.core;

import java.time.Clock;
import java.time.Instant;

import io.queuekeeper.core.enqueue.EnqueueToken;
import io.queuekeeper.core.enqueue.EnqueueTokenCodec;
import io.queuekeeper.core.enqueue.EnqueueTokenPayload;
import io.queuekeeper.core.enqueue.EnqueueTokenPolicy;
import io.queuekeeper.core.enqueue.EnqueueTokenRequest;
import io.queuekeeper.core.enqueue.EnqueueTokenSettings;
import io.queuekeeper.core.http.ConnectorRequest;
import io.queuekeeper.core.internal.Strings;
import org.jspecify.annotations.Nullable;

/**
 * Issues the enqueue token of one queue redirect according to the
 * {@link EnqueueTokenPolicy}: identifier and times from the policy and the clock,
 * bindings from the request, payload from the customizer.
 */
final class EnqueueTokenIssuer {

	static final String FORWARDED_FOR_HEADER = "X-Forwarded-For";

	private final String customerId;

	private final Clock clock;

	private final EnqueueTokenPolicy policy;

	private final @Nullable EnqueueTokenCodec codec;

	EnqueueTokenIssuer(ConnectorSettings settings, EnqueueTokenPolicy policy) {
		this.customerId = settings.customerId();
		this.clock = settings.clock();
		this.policy = policy;
		this.codec = policy.enabledForAnyEvent() ? new EnqueueTokenCodec(settings.secretKey()) : null;
	}

	/**
	 * Returns the token for a queue redirect to the event, or {@code null} when the event
	 * gets none.
	 */
	@Nullable String issue(ConnectorRequest request, String eventId) {
		if (this.codec == null) {
			return null;
		}
		EnqueueTokenSettings settings = this.policy.settingsFor(eventId);
		if (!settings.enabled()) {
			return null;
		}
		EnqueueTokenRequest token = new EnqueueTokenRequest(request, eventId, settings);
		this.policy.customizer().accept(token);
		String tokenIdentifier = this.policy.identifiers().get().toString();
		String key = token.key();
		if (key == null && settings.key()) {
			key = this.policy.identifiers().get().toString();
		}
		EnqueueTokenPayload payload = null;
		if (key != null || token.relativeQuality() != null || !token.customData().isEmpty() || token.origin() != null) {
			payload = new EnqueueTokenPayload(key, token.relativeQuality(), token.customData(), token.origin());
		}
		String ipAddress = settings.ipBinding() ? blankToNull(request.remoteAddress()) : null;
		String forwardedFor = settings.forwardedForBinding() ? blankToNull(request.header(FORWARDED_FOR_HEADER)) : null;
		Instant now = this.clock.instant();
		return this.codec.encode(new EnqueueToken(tokenIdentifier, this.customerId, eventId, now,
				now.plus(settings.validity()), ipAddress, forwardedFor, payload));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return Strings.isBlank(value) ? null : value;
	}

}

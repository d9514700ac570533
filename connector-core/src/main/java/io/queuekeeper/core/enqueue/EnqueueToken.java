package io.queuekeeper.core.enqueue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The claims of an enqueue token: its header fields and its (encrypted) payload. Times
 * travel as milliseconds since the epoch, so they are truncated to milliseconds here.
 *
 * @param tokenIdentifier {@code ti}, unique per token; not empty
 * @param customerId {@code c}, the Queue-it customer id; not empty
 * @param eventId {@code e}, the waiting room id, or {@code null}
 * @param issuedAt {@code iss}
 * @param expiresAt {@code exp}, or {@code null} for a token that does not expire
 * @param ipAddress {@code ip}, the client IP the token is bound to, or {@code null}
 * @param forwardedFor {@code xff}, the {@code X-Forwarded-For} value the token is bound
 * to, or {@code null}
 * @param payload the payload, or {@code null} for a token without one
 * @since 0.1.0
 */
public record EnqueueToken(String tokenIdentifier, String customerId, @Nullable String eventId, Instant issuedAt,
		@Nullable Instant expiresAt, @Nullable String ipAddress, @Nullable String forwardedFor,
		@Nullable EnqueueTokenPayload payload) {

	private static final Instant FIRST = Instant.ofEpochMilli(Long.MIN_VALUE);

	private static final Instant LAST = Instant.ofEpochMilli(Long.MAX_VALUE);

	/**
	 * Validates the claims.
	 * @throws IllegalArgumentException if the identifier or customer id is empty, or a
	 * time cannot be written as epoch milliseconds
	 */
	public EnqueueToken {
		Objects.requireNonNull(tokenIdentifier, "tokenIdentifier");
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(issuedAt, "issuedAt");
		if (tokenIdentifier.isEmpty()) {
			throw new IllegalArgumentException("tokenIdentifier must not be empty");
		}
		if (customerId.isEmpty()) {
			throw new IllegalArgumentException("customerId must not be empty");
		}
		issuedAt = millis(issuedAt, "issuedAt");
		expiresAt = (expiresAt != null) ? millis(expiresAt, "expiresAt") : null;
	}

	private static Instant millis(Instant instant, String name) {
		if (instant.isBefore(FIRST) || instant.isAfter(LAST)) {
			throw new IllegalArgumentException(name + " cannot be written as epoch milliseconds: " + instant);
		}
		return instant.truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Whether the token has expired at the given instant: it is still valid at its expiry
	 * time and one millisecond later it is not.
	 * @param now the instant to check
	 */
	public boolean isExpiredAt(Instant now) {
		return this.expiresAt != null && now.isAfter(this.expiresAt);
	}

}

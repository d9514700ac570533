package io.queuekeeper.core.enqueue;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a verifier requires of an enqueue token besides a valid signature and a time
 * window.
 *
 * @param customerId the customer the token must be issued for
 * @param eventId the event the token must name, or {@code null} to accept any
 * @param key the payload key the token must carry, or {@code null} to accept any
 * @param ipAddress the client's IP address, checked against a token bound to an IP, or
 * {@code null} not to check
 * @param forwardedFor the client's {@code X-Forwarded-For} value, checked against a token
 * bound to one, or {@code null} not to check
 * @since 0.1.0
 */
public record EnqueueTokenExpectation(String customerId, @Nullable String eventId, @Nullable String key,
		@Nullable String ipAddress, @Nullable String forwardedFor) {

	public EnqueueTokenExpectation {
		Objects.requireNonNull(customerId, "customerId");
	}

	/**
	 * Expects a token for the customer and event, without key or binding checks.
	 * @param customerId the customer
	 * @param eventId the event, or {@code null} for any
	 */
	public static EnqueueTokenExpectation of(String customerId, @Nullable String eventId) {
		return new EnqueueTokenExpectation(customerId, eventId, null, null, null);
	}

	/**
	 * Returns a copy that also requires the given payload key.
	 */
	public EnqueueTokenExpectation withKey(@Nullable String key) {
		return new EnqueueTokenExpectation(this.customerId, this.eventId, key, this.ipAddress, this.forwardedFor);
	}

	/**
	 * Returns a copy that checks IP bindings against the given client address.
	 */
	public EnqueueTokenExpectation withIpAddress(@Nullable String ipAddress) {
		return new EnqueueTokenExpectation(this.customerId, this.eventId, this.key, ipAddress, this.forwardedFor);
	}

	/**
	 * Returns a copy that checks {@code X-Forwarded-For} bindings against the given
	 * value.
	 */
	public EnqueueTokenExpectation withForwardedFor(@Nullable String forwardedFor) {
		return new EnqueueTokenExpectation(this.customerId, this.eventId, this.key, this.ipAddress, forwardedFor);
	}

}

package io.queuekeeper.core.enqueue;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of reading or verifying an enqueue token.
 *
 * @param token the claims, when the token was well formed and its signature matched (also
 * when a later check failed); otherwise {@code null}
 * @param error why the token was refused, or {@code null} when it was accepted
 * @since 0.1.0
 */
public record EnqueueTokenVerification(@Nullable EnqueueToken token, @Nullable EnqueueTokenError error) {

	/**
	 * Whether the token was accepted.
	 */
	public boolean valid() {
		return this.error == null && this.token != null;
	}

	static EnqueueTokenVerification accepted(EnqueueToken token) {
		return new EnqueueTokenVerification(token, null);
	}

	static EnqueueTokenVerification refused(@Nullable EnqueueToken token, EnqueueTokenError error) {
		return new EnqueueTokenVerification(token, error);
	}

}

package io.queuekeeper.core.token;

import java.util.Locale;

import io.queuekeeper.core.internal.HmacSha256;
import org.jspecify.annotations.Nullable;

/**
 * Checks queue tokens: signature, then event, then expiry. Thread-safe.
 *
 * @since 0.1.0
 */
public final class TokenVerifier {

	private final HmacSha256 hmac;

	/**
	 * Creates a verifier.
	 * @param hmac the signer keyed with the customer's secret
	 */
	public TokenVerifier(HmacSha256 hmac) {
		this.hmac = hmac;
	}

	/**
	 * Returns whether the token's hash signs it. Hex case is ignored and the comparison
	 * takes the same time wherever the hashes differ.
	 */
	public boolean isSigned(QueueToken token) {
		String expected = this.hmac.hex(token.signedPart());
		return HmacSha256.constantTimeEquals(expected, token.hash().toLowerCase(Locale.ROOT));
	}

	/**
	 * Verifies a token for an event.
	 * @param token the token
	 * @param eventId the waiting room the request is protected by; compared ignoring case
	 * @param nowEpochSeconds the current time
	 * @return why the token is refused, or {@code null} when it is valid
	 */
	public @Nullable TokenError verify(QueueToken token, String eventId, long nowEpochSeconds) {
		if (!isSigned(token)) {
			return TokenError.HASH;
		}
		if (!eventId.toUpperCase(Locale.ROOT).equals(token.eventId().toUpperCase(Locale.ROOT))) {
			return TokenError.EVENT_ID;
		}
		if (token.timestamp() < nowEpochSeconds) {
			return TokenError.TIMESTAMP;
		}
		return null;
	}

}

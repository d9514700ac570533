package io.queuekeeper.core.token;

import java.util.Locale;

import io.queuekeeper.core.internal.HmacSha256;
import io.queuekeeper.core.internal.Strings;
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
		String hash = token.hash();
		return this.hmac.message().append(token.signedPart()).signatureEqualsIgnoringCase(hash, 0, hash.length());
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
		if (!sameEvent(eventId, token.eventId())) {
			return TokenError.EVENT_ID;
		}
		if (token.timestamp() < nowEpochSeconds) {
			return TokenError.TIMESTAMP;
		}
		return null;
	}

	/**
	 * Whether the events are equal once upper-cased with {@link Locale#ROOT}; without the
	 * two upper-cased copies when both are ASCII, for which that is an ASCII
	 * case-insensitive comparison.
	 */
	private static boolean sameEvent(String expected, String actual) {
		if (Strings.isAscii(expected) && Strings.isAscii(actual)) {
			return expected.length() == actual.length()
					&& expected.regionMatches(true, 0, actual, 0, expected.length());
		}
		return expected.toUpperCase(Locale.ROOT).equals(actual.toUpperCase(Locale.ROOT));
	}

}

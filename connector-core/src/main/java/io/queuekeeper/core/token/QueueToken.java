package io.queuekeeper.core.token;

import java.util.Objects;

import io.queuekeeper.core.internal.Strings;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code queueittoken}: {@code key_value} pairs joined by {@code ~}, signed by
 * the {@code h} pair.
 *
 * @param token the whole token as received (after percent-decoding)
 * @param eventId {@code e}, or {@code ""}
 * @param queueId {@code q}, or {@code ""}
 * @param timestamp {@code ts}, the expiry in epoch seconds, or {@code 0}
 * @param fixedCookieValidityMinutes {@code cv}, or {@code null}
 * @param redirectType {@code rt}, or {@code null}
 * @param hash {@code h}, or {@code ""}
 * @param signedPart the token without its hash pair, which the hash signs
 * @since 0.1.0
 */
public record QueueToken(String token, String eventId, String queueId, long timestamp,
		@Nullable Integer fixedCookieValidityMinutes, @Nullable String redirectType, String hash, String signedPart) {

	/** The redirect type that switches on connector diagnostics. */
	public static final String DEBUG_REDIRECT_TYPE = "debug";

	private static final String HASH_KEY = "~h_";

	public QueueToken {
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(queueId, "queueId");
		Objects.requireNonNull(hash, "hash");
		Objects.requireNonNull(signedPart, "signedPart");
	}

	/**
	 * Parses a token. Pairs without exactly one key and one non-empty value are skipped,
	 * unknown keys are ignored, and a later duplicate wins.
	 * @param token the token text
	 * @return the token, or {@code null} when the text is null or blank (no token at all)
	 */
	public static @Nullable QueueToken parse(@Nullable String token) {
		if (Strings.isBlank(token)) {
			return null;
		}
		String eventId = "";
		String queueId = "";
		String hash = "";
		long timestamp = 0;
		Integer fixedValidity = null;
		String redirectType = null;
		int hashPairStart = -1;
		int hashEnd = -1;
		// Scans the pairs in place rather than splitting into lists: every visitor back
		// from the waiting room brings a token. The rules are those of splitting on '~'
		// and then on '_' with trailing empty parts dropped (String.split): a pair
		// counts when, without its trailing underscores, it holds exactly one '_'.
		int length = token.length();
		int start = 0;
		while (start <= length) {
			int end = token.indexOf('~', start);
			if (end < 0) {
				end = length;
			}
			int stop = end;
			while (stop > start && token.charAt(stop - 1) == '_') {
				stop--;
			}
			int underscore = token.indexOf('_', start);
			if (underscore >= 0 && underscore < stop && isAbsent(token.indexOf('_', underscore + 1), stop)) {
				// The keys are told apart by length and letters rather than by a switch
				// on a substring, which would hash a new string per pair.
				int keyLength = underscore - start;
				char first = token.charAt(start);
				if (keyLength == 1) {
					if (first == 'e') {
						eventId = token.substring(underscore + 1, stop);
					}
					else if (first == 'q') {
						queueId = token.substring(underscore + 1, stop);
					}
					else if (first == 'h') {
						hash = token.substring(underscore + 1, stop);
						hashPairStart = start;
						hashEnd = stop;
					}
				}
				else if (keyLength == 2) {
					char second = token.charAt(start + 1);
					if (first == 'r' && second == 't') {
						redirectType = token.substring(underscore + 1, stop);
					}
					else if (first == 't' && second == 's') {
						timestamp = parseLong(token.substring(underscore + 1, stop), 0);
					}
					else if (first == 'c' && second == 'v') {
						fixedValidity = parseInteger(token.substring(underscore + 1, stop));
					}
				}
			}
			start = end + 1;
		}
		String signedPart = withoutHash(token, hash, (hashEnd == length) ? hashPairStart - 1 : -1);
		return new QueueToken(token, eventId, queueId, timestamp, fixedValidity, redirectType, hash, signedPart);
	}

	/**
	 * Whether this is a debug token, which switches on connector diagnostics.
	 */
	public boolean isDebug() {
		return DEBUG_REDIRECT_TYPE.equals(this.redirectType);
	}

	/**
	 * Returns the token with every {@code ~h_<hash>} removed, as
	 * {@link String#replace(CharSequence, CharSequence)} does. A genuine token has one,
	 * at its end, which is cut off without building the pattern.
	 * @param end where the last pair, the hash, starts with its {@code ~}, or -1 when the
	 * hash is not the last pair
	 */
	private static String withoutHash(String token, String hash, int end) {
		if (end >= 0 && token.startsWith(HASH_KEY, end)) {
			boolean earlier = false;
			for (int at = token.indexOf(HASH_KEY); at >= 0 && at < end; at = token.indexOf(HASH_KEY, at + 1)) {
				if (token.startsWith(hash, at + HASH_KEY.length())) {
					earlier = true;
					break;
				}
			}
			if (!earlier) {
				return token.substring(0, end);
			}
		}
		return token.replace(HASH_KEY + hash, "");
	}

	private static boolean isAbsent(int index, int stop) {
		return index < 0 || index >= stop;
	}

	private static long parseLong(String value, long fallback) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	private static @Nullable Integer parseInteger(String value) {
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "QueueToken[eventId=" + this.eventId + ", queueId=" + this.queueId + ", timestamp=" + this.timestamp
				+ ", redirectType=" + this.redirectType + "]";
	}

}

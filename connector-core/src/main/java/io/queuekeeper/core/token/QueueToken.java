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
				String value = token.substring(underscore + 1, stop);
				switch (token.substring(start, underscore)) {
					case "e" -> eventId = value;
					case "q" -> queueId = value;
					case "h" -> hash = value;
					case "rt" -> redirectType = value;
					case "ts" -> timestamp = parseLong(value, 0);
					case "cv" -> fixedValidity = parseInteger(value);
					default -> {
					}
				}
			}
			start = end + 1;
		}
		String signedPart = token.replace("~h_" + hash, "");
		return new QueueToken(token, eventId, queueId, timestamp, fixedValidity, redirectType, hash, signedPart);
	}

	/**
	 * Whether this is a debug token, which switches on connector diagnostics.
	 */
	public boolean isDebug() {
		return DEBUG_REDIRECT_TYPE.equals(this.redirectType);
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

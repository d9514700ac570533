package io.queuekeeper.core.testing;

import org.jspecify.annotations.Nullable;

/**
 * Signs queue tokens and session cookies straight from the protocol description (§1.2,
 * §1.3, §3.2, §3.3), independently of the engine's own signing code.
 */
public final class TestSigning {

	private TestSigning() {
	}

	/**
	 * Returns {@code lowercase_hex(HMAC-SHA256(UTF-8(key), UTF-8(message)))}.
	 */
	public static String hmacHex(String key, String message) {
		return Encoding.hmacHex(key, message);
	}

	/**
	 * Returns a token in the order the queue emits ({@code e, q, ts, ce, [cv,] rt, h}),
	 * signed with the key.
	 */
	public static String token(String key, String eventId, String queueId, long expiresEpochSeconds,
			String redirectType, @Nullable Integer fixedValidityMinutes) {
		String unsigned = "e_" + eventId + "~q_" + queueId + "~ts_" + expiresEpochSeconds + "~ce_true"
				+ ((fixedValidityMinutes != null) ? "~cv_" + fixedValidityMinutes : "") + "~rt_" + redirectType;
		return unsigned + "~h_" + hmacHex(key, unsigned);
	}

	/**
	 * Returns the session cookie value as it travels on the wire (URL-encoded), signed
	 * with the key.
	 */
	public static String sessionCookie(String key, String eventId, String queueId,
			@Nullable String fixedValidityMinutes, String redirectType, long issueTimeEpochSeconds) {
		String fixed = (fixedValidityMinutes != null) ? fixedValidityMinutes : "";
		String hash = hmacHex(key, eventId + queueId + fixed + redirectType + issueTimeEpochSeconds);
		String value = "EventId=" + eventId + "&QueueId=" + queueId
				+ ((fixedValidityMinutes != null) ? "&FixedValidityMins=" + fixedValidityMinutes : "")
				+ "&RedirectType=" + redirectType + "&IssueTime=" + issueTimeEpochSeconds + "&Hash=" + hash;
		return Encoding.form(value);
	}

}

package io.queuekeeper.core.roomq;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The inputs of the RoomQ spec's worked examples (§8) and a JWT minter written
 * independently of the production code, after the spec's Appendix A: it signs any header
 * and payload text, so tests can build malformed and hostile tickets.
 */
final class RoomQFixtures {

	static final String ROOM = "demo-room";

	static final String SECRET = "example-room-secret";

	static final String ISSUER = "https://tickets.roomq.example/tickets";

	static final String SESSION = "3f1c2a9e-5b7d-4c1e-9a2b-0123456789ab";

	static final String COOKIE = "be_roomq_t_demo-room";

	static final long NOW = 1700000000L;

	static final String STANDARD_HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

	/** E1, standard header. */
	static final String E1 = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb29tX2lkIjoiZGVtby1yb29tIiwic2Vzc2lvbl9pZCI6IjNmMWMyYTllLTViN2QtNGMxZS05YTJiLTAxMjM0NTY3ODlhYiIsInR5cGUiOiJzZWxmLXNpZ24ifQ.TKV88f-f-DTXvzdrvoxfyZCMokcVS_gVxv-lix-PoTk";

	/** E1, PHP header order. */
	static final String E1_PHP = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJyb29tX2lkIjoiZGVtby1yb29tIiwic2Vzc2lvbl9pZCI6IjNmMWMyYTllLTViN2QtNGMxZS05YTJiLTAxMjM0NTY3ODlhYiIsInR5cGUiOiJzZWxmLXNpZ24ifQ.3RHyRFOoyU80AeNtlTPO_Z2V0Q8o6IXcJSfXBjjOMKA";

	/** E1 as the Node SDK mints it, with {@code iat}. */
	static final String E1_NODE = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb29tX2lkIjoiZGVtby1yb29tIiwic2Vzc2lvbl9pZCI6IjNmMWMyYTllLTViN2QtNGMxZS05YTJiLTAxMjM0NTY3ODlhYiIsInR5cGUiOiJzZWxmLXNpZ24iLCJpYXQiOjE3MDAwMDAwMDB9.0Nt4eorfONdkj5Wn2VWgYmCnU9AI0-Ju3BWQkbHm5VY";

	/** E4: a serving ticket with deadline 1700003600. */
	static final String E4 = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb29tX2lkIjoiZGVtby1yb29tIiwic2Vzc2lvbl9pZCI6IjNmMWMyYTllLTViN2QtNGMxZS05YTJiLTAxMjM0NTY3ODlhYiIsInR5cGUiOiJzZXJ2aW5nIiwiZGVhZGxpbmUiOjE3MDAwMDM2MDB9.aAfZyNZYJRTHeUOSG3VWF601eiIV67AWYh09M2I9pyM";

	private RoomQFixtures() {
	}

	static Clock clockAt(long epochSeconds) {
		return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
	}

	static RoomQSettings settings(long now) {
		return RoomQSettings.of(ROOM, SECRET, ISSUER).withClock(clockAt(now));
	}

	static RoomQConnector connector(long now) {
		return new RoomQConnector(settings(now));
	}

	static RoomQConnector connector() {
		return connector(NOW);
	}

	/**
	 * Claims of a ticket for the demo room and session, with a type and an optional
	 * deadline, in the order RoomQ's examples use.
	 */
	static String claims(String type, Long deadline) {
		return "{\"room_id\":\"" + ROOM + "\",\"session_id\":\"" + SESSION + "\",\"type\":\"" + type + "\""
				+ ((deadline != null) ? ",\"deadline\":" + deadline : "") + "}";
	}

	static String ticket(String type, Long deadline) {
		return sign(STANDARD_HEADER, claims(type, deadline), SECRET);
	}

	static String sign(String header, String payload, String secret) {
		String input = b64(header) + "." + b64(payload);
		return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(input, secret));
	}

	static String b64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] hmac(String input, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package io.queuekeeper.core.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encodings and the signature of the protocol, written from the specification with
 * the JDK only, so that tests never compute an expected value with the engine's own
 * helpers.
 */
public final class Encoding {

	private Encoding() {
	}

	/**
	 * Lower-case hex HMAC-SHA256 of the UTF-8 message under the UTF-8 key (spec 1.3).
	 */
	public static String hmacHex(String key, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * {@link URLEncoder} with UTF-8: the cookie transport encoding (spec 3.3) and the
	 * AJAX header encoding (spec 7).
	 */
	public static String form(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * The Java connector's query encoder (spec 4.1): {@link URLEncoder}, then {@code +}
	 * to {@code %20} and {@code *} to {@code %2A}.
	 */
	public static String javaQuery(String value) {
		return form(value).replace("+", "%20").replace("*", "%2A");
	}

}

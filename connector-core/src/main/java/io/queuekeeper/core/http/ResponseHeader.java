package io.queuekeeper.core.http;

import java.util.Objects;

/**
 * A header the response must carry.
 *
 * @param name the header name
 * @param value the header value, ready to send
 * @since 0.1.0
 */
public record ResponseHeader(String name, String value) {

	public ResponseHeader {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(value, "value");
	}

}

package io.queuekeeper.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The GO platform's push of a published integration config towards a connector (spec
 * 9.2): an HTTP PUT of {@code {"integrationInfo":"<hex of the UTF-8 document>",
 * "hash":"<HMAC-SHA256 of that hex text with the secret key>"}}.
 *
 * @since 0.1.0
 */
public final class IntegrationConfigPush {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final Hmac hmac;

	private final HttpClient client;

	/**
	 * Creates a push client that signs with the given secret key.
	 * @param secretKey the customer's secret key
	 */
	public IntegrationConfigPush(String secretKey) {
		this(new Hmac(secretKey));
	}

	IntegrationConfigPush(Hmac hmac) {
		this.hmac = hmac;
		this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
	}

	/**
	 * Builds the request body for a document.
	 * @param document the integration config JSON
	 * @return the JSON body of the push
	 */
	public String body(String document) {
		String hex = HexFormat.of().formatHex(document.getBytes(StandardCharsets.UTF_8));
		return "{\"integrationInfo\":\"" + hex + "\",\"hash\":\"" + this.hmac.hex(hex) + "\"}";
	}

	/**
	 * Pushes a document.
	 * @param endpoint the connector's push URL
	 * @param document the integration config JSON
	 * @return the HTTP status the connector answered
	 * @throws IOException if the connector cannot be reached
	 * @throws InterruptedException if interrupted while waiting
	 */
	public int push(URI endpoint, String document) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.header("User-Agent", "queuekeeper-waiting-room-simulator")
			.PUT(HttpRequest.BodyPublishers.ofString(body(document), StandardCharsets.UTF_8))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}

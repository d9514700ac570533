package io.queuekeeper.simulator;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.queuekeeper.core.testing.Encoding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push of spec 9.2, checked against test vector TV-20 and an independent HMAC.
 */
class IntegrationConfigPushTests {

	private static final String SECRET = "5ebbf794-1665-4d48-80d6-21ac34be7faedf9e10b3-551a-4682-bb77-fee59d6355d6";

	@Test
	void bodyWhenDocumentThenHexOfUtf8AndHmacOfHex() {
		String body = new IntegrationConfigPush(SECRET).body("{\"Version\":7}");
		String hex = "7b2256657273696f6e223a377d";
		assertThat(body)
			.isEqualTo("{\"integrationInfo\":\"" + hex + "\",\"hash\":\"" + Encoding.hmacHex(SECRET, hex) + "\"}");
	}

	@Test
	void pushWhenConnectorListensThenPutsSignedBodyAndReturnsStatus() throws Exception {
		AtomicReference<String> method = new AtomicReference<>();
		AtomicReference<String> received = new AtomicReference<>();
		HttpServer connector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		connector.createContext("/queueit/integration-config", (exchange) -> {
			method.set(exchange.getRequestMethod());
			received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		connector.start();
		try {
			URI endpoint = URI
				.create("http://127.0.0.1:" + connector.getAddress().getPort() + "/queueit/integration-config");
			int status = new IntegrationConfigPush(SECRET).push(endpoint, "{\"Version\":7}");
			assertThat(status).isEqualTo(200);
			assertThat(method.get()).isEqualTo("PUT");
			assertThat(received.get()).startsWith("{\"integrationInfo\":\"7b2256657273696f6e223a377d\",\"hash\":\"");
		}
		finally {
			connector.stop(0);
		}
	}

}

package io.queuekeeper.benchmarks.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.queuekeeper.benchmarks.e2e.Scenarios.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link PairedLatency} against a real HTTP server on loopback: it must read every kind
 * of response the benchmark applications send, keep each scenario on its own connection,
 * interleave the two as it claims and refuse a response with the wrong status.
 */
class PairedLatencyTests {

	private static final Duration LIMIT = Duration.ofSeconds(20);

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String cookie = exchange.getRequestHeaders().getFirst("Cookie");
		this.requests.add(path + ((cookie != null) ? " " + cookie : ""));
		this.clientPorts.add(exchange.getRemoteAddress().getPort());
		byte[] body = "hello".getBytes(StandardCharsets.US_ASCII);
		switch (path) {
			case "/fixed" -> send(exchange, 200, body.length, body);
			case "/chunked" -> send(exchange, 200, 0, body);
			case "/redirect" -> {
				exchange.getResponseHeaders().add("Location", "https://queue.example.com/");
				send(exchange, 302, -1, null);
			}
			case "/closing" -> {
				exchange.getResponseHeaders().add("Connection", "close");
				send(exchange, 200, body.length, body);
			}
			default -> send(exchange, 404, -1, null);
		}
	}

	private static void send(HttpExchange exchange, int status, long length, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, length);
		try (OutputStream out = exchange.getResponseBody()) {
			if (body != null) {
				out.write(body);
			}
		}
	}

	private Scenario scenario(String path, String cookie, int status) {
		return new Scenario(path, "http://127.0.0.1:" + this.server.getAddress().getPort() + path, cookie, status);
	}

	@Test
	void readsFixedLengthAndChunkedResponsesEachScenarioOnItsOwnConnections() throws IOException {
		long[][] latencies = PairedLatency.measure(scenario("/fixed", null, 200),
				scenario("/chunked", "session=abc", 200), 50, LIMIT);

		assertThat(latencies[0]).hasSize(50).isSorted();
		assertThat(latencies[1]).hasSize(50).isSorted();
		assertThat(latencies[0][0]).isPositive();
		assertThat(latencies[1][0]).isPositive();
		assertThat(this.requests).hasSize(100)
			.filteredOn((request) -> request.equals("/chunked session=abc"))
			.hasSize(50);
		assertThat(this.clientPorts).hasSize(2 * PairedLatency.CONNECTIONS);
	}

	@Test
	void interleavesTheBaselineAndTheScenarioAsAbba() throws IOException {
		PairedLatency.measure(scenario("/fixed", null, 200), scenario("/redirect", null, 302), 4, LIMIT);

		assertThat(this.requests).containsExactly("/fixed", "/redirect", "/redirect", "/fixed", "/fixed", "/redirect",
				"/redirect", "/fixed");
	}

	@Test
	void opensTheConnectionAgainWhenTheServerClosesIt() throws IOException {
		long[][] latencies = PairedLatency.measure(scenario("/fixed", null, 200), scenario("/closing", null, 200), 10,
				LIMIT);

		assertThat(latencies[1]).hasSize(10);
		// The baseline's connections, and one for each of the closing answers.
		assertThat(this.clientPorts).hasSize(PairedLatency.CONNECTIONS + 10);
	}

	@Test
	void refusesAResponseWithAnotherStatus() {
		assertThatIllegalStateException().isThrownBy(
				() -> PairedLatency.measure(scenario("/fixed", null, 200), scenario("/missing", null, 200), 3, LIMIT))
			.withMessage("/missing: expected 200 but got 404");
	}

	@Test
	void sendsNoPairOnceTheLimitHasPassed() throws IOException {
		long[][] latencies = PairedLatency.measure(scenario("/fixed", null, 200), scenario("/chunked", null, 200), 1000,
				Duration.ZERO);

		assertThat(latencies[0]).isEmpty();
		assertThat(latencies[1]).isEmpty();
	}

	@Test
	void quantilesAreNearestRankInMicroseconds() {
		long[] sorted = new long[100];
		for (int i = 0; i < sorted.length; i++) {
			sorted[i] = 1000L * (i + 1);
		}

		assertThat(PairedLatency.quantileMicros(sorted, 0.5)).isCloseTo(50.0, within(1e-9));
		assertThat(PairedLatency.quantileMicros(sorted, 0.99)).isCloseTo(99.0, within(1e-9));
		assertThat(PairedLatency.quantileMicros(sorted, 0.999)).isCloseTo(100.0, within(1e-9));
		assertThat(PairedLatency.quantileMicros(new long[] { 7_000 }, 0.99)).isCloseTo(7.0, within(1e-9));
		assertThat(PairedLatency.quantileMicros(new long[0], 0.5)).isNaN();
	}

}

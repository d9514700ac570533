package io.queuekeeper.boot.config;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link IntegrationConfigClient} against a loopback server that streams more than the
 * document limit: the download fails with a reason, and what is kept in memory never
 * grows past the limit.
 */
class IntegrationConfigClientTests {

	private static final int LIMIT = 64 * 1024;

	private final AtomicLong sent = new AtomicLong();

	private HttpServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			// Chunked, with no Content-Length: the size is known only while reading.
			exchange.sendResponseHeaders(200, 0);
			byte[] chunk = new byte[8192];
			Arrays.fill(chunk, (byte) ' ');
			try (OutputStream body = exchange.getResponseBody()) {
				body.write('{');
				for (int i = 0; i < 128; i++) {
					body.write(chunk);
					this.sent.addAndGet(chunk.length);
				}
				body.write('}');
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void fetchWhenDocumentIsLargerThanTheLimitThenFailsNamingTheLimit() {
		URI uri = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/config");
		IntegrationConfigClient client = new IntegrationConfigClient(uri, "api-key-value", Duration.ofSeconds(10),
				LIMIT);
		assertThatExceptionOfType(IntegrationConfigClient.FetchException.class).isThrownBy(client::fetch)
			.withMessageContaining("larger than " + LIMIT + " bytes")
			.withMessageNotContaining("api-key-value");
		assertThat(this.sent.get()).isGreaterThan(LIMIT);
	}

	@Test
	void bodySubscriberWhenOverTheLimitThenKeepsNoMoreThanTheLimit() {
		LimitedBodySubscriber subscriber = new LimitedBodySubscriber(10);
		subscriber.onSubscribe(new Flow.Subscription() {

			@Override
			public void request(long n) {
			}

			@Override
			public void cancel() {
			}

		});
		subscriber.onNext(List.of(ByteBuffer.wrap(new byte[8]), ByteBuffer.wrap(new byte[8])));
		subscriber.onComplete();
		assertThat(subscriber.getBody().toCompletableFuture()).isCompletedExceptionally();
	}

}

package io.queuekeeper.boot.config;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Plays the GO platform on 127.0.0.1, on a free port: serves whatever the current
 * {@link Answer} says and records each request's headers.
 */
public final class GoPlatformServer implements AutoCloseable {

	static final String PATH = "/status/integrationconfig/secure/ticketania";

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final AtomicReference<Answer> answer = new AtomicReference<>(Answer.status(503));

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	public GoPlatformServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + PATH);
	}

	public void answer(Answer answer) {
		this.answer.set(answer);
	}

	public void publish(String document) {
		answer(Answer.document(document));
	}

	public List<Request> requests() {
		return this.requests;
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("api-key"), exchange.getRequestHeaders().getFirst("User-Agent")));
		Answer current = this.answer.get();
		try (exchange) {
			if (current.hang()) {
				try {
					this.release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return;
			}
			byte[] body = current.body().getBytes(StandardCharsets.UTF_8);
			if (current.stalled()) {
				exchange.sendResponseHeaders(200, body.length);
				OutputStream output = exchange.getResponseBody();
				output.write(body, 0, 10);
				output.flush();
				try {
					this.release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return;
			}
			if (current.truncated()) {
				exchange.sendResponseHeaders(current.status(), body.length + 1000L);
				try (OutputStream output = exchange.getResponseBody()) {
					output.write(body, 0, body.length / 2);
					output.flush();
				}
				return;
			}
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(current.status(), (body.length > 0) ? body.length : -1);
			if (body.length > 0) {
				try (OutputStream output = exchange.getResponseBody()) {
					output.write(body);
				}
			}
		}
	}

	@Override
	public void close() {
		this.release.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	public static String config(int version, String name) {
		return "{\"Version\":" + version + ",\"PublishDate\":\"2026-11-25T10:00:00Z\",\"Integrations\":[{"
				+ "\"Name\":\"" + name + "\",\"ActionType\":\"Queue\",\"EventId\":\"summersale\","
				+ "\"QueueDomain\":\"ticketania.queue-it.net\",\"CookieValidityMinute\":20,"
				+ "\"Triggers\":[{\"LogicalOperator\":\"And\",\"TriggerParts\":[{\"ValidatorType\":\"UrlValidator\","
				+ "\"UrlPart\":\"PagePath\",\"Operator\":\"Contains\",\"ValueToCompare\":\"/sale\"}]}]}]}";
	}

	/**
	 * What the server answers.
	 */
	public record Answer(int status, String body, boolean hang, boolean truncated, boolean stalled) {

		public static Answer document(String body) {
			return new Answer(200, body, false, false, false);
		}

		public static Answer status(int status) {
			return new Answer(status, "{\"error\":\"nope\"}", false, false, false);
		}

		public static Answer hanging() {
			return new Answer(200, "", true, false, false);
		}

		public static Answer stalledBody(String body) {
			return new Answer(200, body, false, false, true);
		}

		public static Answer truncated(String body) {
			return new Answer(200, body, false, true, false);
		}

	}

	/**
	 * What the server saw.
	 */
	public record Request(String method, String path, String apiKey, String userAgent) {

	}

}

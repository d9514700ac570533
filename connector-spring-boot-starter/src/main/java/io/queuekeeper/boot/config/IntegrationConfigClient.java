package io.queuekeeper.boot.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.queuekeeper.core.QueueConnector;
import org.jspecify.annotations.Nullable;

/**
 * Downloads the integration config from the GO platform with the JDK's
 * {@link HttpClient}: the {@code api-key} header when a key is set, a {@code User-Agent},
 * and a timeout on connecting and on the whole exchange. Calls block the calling thread,
 * so only the poller thread calls it; the client's own work runs on the executor it is
 * given.
 *
 * @since 0.1.0
 */
public final class IntegrationConfigClient {

	/** The {@code User-Agent} sent to GO. */
	public static final String USER_AGENT = "queueit-connector " + QueueConnector.SDK_VERSION;

	/** Largest document accepted from GO. */
	public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

	private final URI uri;

	private final @Nullable String apiKey;

	private final Duration timeout;

	private final int maxDocumentBytes;

	private final ExecutorService executor;

	private final HttpClient client;

	/**
	 * Creates a client.
	 * @param uri where the config is published
	 * @param apiKey the API key from GO, or {@code null} for the public endpoint
	 * @param timeout longest time one download may take, connecting included
	 */
	public IntegrationConfigClient(URI uri, @Nullable String apiKey, Duration timeout) {
		this(uri, apiKey, timeout, MAX_DOCUMENT_BYTES);
	}

	IntegrationConfigClient(URI uri, @Nullable String apiKey, Duration timeout, int maxDocumentBytes) {
		this.maxDocumentBytes = maxDocumentBytes;
		this.uri = uri;
		this.apiKey = apiKey;
		this.timeout = timeout;
		this.executor = Executors.newCachedThreadPool(new DaemonThreads("queueit-config-http-"));
		this.client = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(this.executor)
			.build();
	}

	/**
	 * Returns where the config is downloaded from.
	 */
	public URI uri() {
		return this.uri;
	}

	/**
	 * Downloads the document.
	 * @return the document text
	 * @throws FetchException with a reason fit for logs and the actuator (it never
	 * contains the API key)
	 */
	public String fetch() throws FetchException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.uri)
			.timeout(this.timeout)
			.header("User-Agent", USER_AGENT)
			.header("Accept", "application/json")
			.GET();
		if (this.apiKey != null) {
			request.header("api-key", this.apiKey);
		}
		HttpResponse<byte[]> response;
		// The request timeout ends when the headers arrive; waiting on the future bounds
		// the whole exchange, body included, and cancelling it aborts the exchange.
		CompletableFuture<HttpResponse<byte[]>> exchange = this.client.sendAsync(request.build(),
				(info) -> new LimitedBodySubscriber(this.maxDocumentBytes));
		try {
			response = exchange.get(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			throw new FetchException(noAnswer(), ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof HttpTimeoutException) {
				throw new FetchException(noAnswer(), cause);
			}
			if (cause instanceof LimitedBodySubscriber.TooLargeException) {
				throw new FetchException(tooLarge(), cause);
			}
			throw new FetchException(
					"download from " + this.uri.getHost() + " failed: " + cause.getClass().getSimpleName()
							+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : ""),
					cause);
		}
		catch (InterruptedException ex) {
			exchange.cancel(true);
			Thread.currentThread().interrupt();
			throw new FetchException("download interrupted", ex);
		}
		int status = response.statusCode();
		if (status != 200) {
			String hint = (status == 401 || status == 403)
					? " (check queueit.api-key and that the secure integration config is enabled in GO)" : "";
			throw new FetchException("GO answered HTTP " + status + hint, null);
		}
		byte[] body = response.body();
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new FetchException("document is not UTF-8", ex);
		}
	}

	private String tooLarge() {
		return "document from " + this.uri.getHost() + " larger than " + this.maxDocumentBytes
				+ " bytes; the download was stopped";
	}

	private String noAnswer() {
		return "no answer from " + this.uri.getHost() + " within " + this.timeout;
	}

	/**
	 * Stops the threads of the HTTP client.
	 */
	void close() {
		this.executor.shutdownNow();
	}

	/**
	 * A download that failed; the message says why.
	 */
	public static final class FetchException extends Exception {

		private static final long serialVersionUID = 1L;

		FetchException(String reason, @Nullable Throwable cause) {
			super(reason, cause);
		}

	}

}

package io.queuekeeper.web.reactive;

import java.nio.charset.StandardCharsets;

import io.queuekeeper.web.IntegrationConfigPush;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Serves the integration config push endpoint on a reactive stack: requests to its path
 * are answered here and never reach the application. Parsing and swapping the document
 * (which may write the snapshot file) run on the bounded elastic scheduler, never on an
 * event-loop thread.
 *
 * @since 0.1.0
 */
public class ServerIntegrationConfigPushFilter implements WebFilter {

	private final IntegrationConfigPush push;

	private final String path;

	/**
	 * Creates a filter.
	 * @param push the endpoint logic
	 * @param path the path of the endpoint, below the context path
	 */
	public ServerIntegrationConfigPushFilter(IntegrationConfigPush push, String path) {
		this.push = push;
		this.path = path;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!this.path.equals(request.getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		String method = request.getMethod().name();
		if (!"PUT".equals(method)) {
			return write(exchange.getResponse(), this.push.handle(method, new byte[0]));
		}
		if (request.getHeaders().getContentLength() > this.push.maxBodyBytes()) {
			return write(exchange.getResponse(), IntegrationConfigPush.Response.TOO_LARGE);
		}
		Mono<IntegrationConfigPush.Response> answer = DataBufferUtils.join(request.getBody(), this.push.maxBodyBytes())
			.map(ServerIntegrationConfigPushFilter::bytes)
			.defaultIfEmpty(new byte[0])
			.publishOn(Schedulers.boundedElastic())
			.map((body) -> this.push.handle(method, body))
			.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.just(IntegrationConfigPush.Response.TOO_LARGE));
		return answer.flatMap((response) -> write(exchange.getResponse(), response));
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private Mono<Void> write(ServerHttpResponse response, IntegrationConfigPush.Response answer) {
		response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
		if (answer.status() == 405) {
			response.getHeaders().set("Allow", "PUT");
		}
		response.getHeaders().set("Cache-Control", "no-store");
		response.getHeaders().setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

}

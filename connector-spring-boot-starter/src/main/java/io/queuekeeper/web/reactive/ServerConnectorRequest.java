package io.queuekeeper.web.reactive;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.Principal;

import io.queuekeeper.core.http.ConnectorRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Adapts a reactive request to the engine's view. The URL is the request URI, so it
 * reflects forwarded-header handling ({@code ForwardedHeaderTransformer} or the server's
 * own). The body, when a trigger needs it, was read before the engine runs, so nothing
 * here waits for the network.
 */
final class ServerConnectorRequest implements ConnectorRequest {

	private final ServerHttpRequest request;

	private final @Nullable PeekedBody body;

	private final @Nullable Principal principal;

	ServerConnectorRequest(ServerHttpRequest request, @Nullable PeekedBody body) {
		this(request, body, null);
	}

	ServerConnectorRequest(ServerHttpRequest request, @Nullable PeekedBody body, @Nullable Principal principal) {
		this.request = request;
		this.body = body;
		this.principal = principal;
	}

	@Override
	public @Nullable Principal principal() {
		return this.principal;
	}

	@Override
	public String method() {
		return this.request.getMethod().name();
	}

	@Override
	public String url() {
		return this.request.getURI().toString();
	}

	@Override
	public @Nullable String header(String name) {
		return this.request.getHeaders().getFirst(name);
	}

	@Override
	public @Nullable String cookie(String name) {
		HttpCookie cookie = this.request.getCookies().getFirst(name);
		return (cookie != null) ? cookie.getValue() : null;
	}

	@Override
	public @Nullable String remoteAddress() {
		InetSocketAddress remote = this.request.getRemoteAddress();
		if (remote == null) {
			return null;
		}
		InetAddress address = remote.getAddress();
		return (address != null) ? address.getHostAddress() : remote.getHostString();
	}

	@Override
	public String body() {
		return (this.body != null) ? this.body.text() : "";
	}

}

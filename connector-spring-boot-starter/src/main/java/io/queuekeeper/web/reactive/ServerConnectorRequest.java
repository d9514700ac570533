package io.queuekeeper.web.reactive;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.Principal;

import io.queuekeeper.core.http.ConnectorRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Adapts a reactive request to the engine's view. The URL is the request URI, so it
 * reflects forwarded-header handling ({@code ForwardedHeaderTransformer} or the server's
 * own). The body, when a trigger needs it, was read before the engine runs, so nothing
 * here waits for the network. On Reactor Netty a cookie is read from the {@code Cookie}
 * headers, by Netty's rules, instead of through {@code getCookies()}, which would build
 * every cookie of the request; not when the request is a decorator or a mutated copy,
 * which may answer {@code getCookies()} otherwise.
 */
final class ServerConnectorRequest implements ConnectorRequest {

	/**
	 * The class of the requests that Spring's adapter for Reactor Netty hands out. It is
	 * package-private, so it is known by name.
	 */
	private static final String REACTOR_REQUEST = "org.springframework.http.server.reactive.ReactorServerHttpRequest";

	/** Where Reactor Netty's own server requests, which decode the cookies, live. */
	private static final String REACTOR_NETTY_PACKAGE = "reactor.netty.http.server.";

	/** Whether a request class is Spring's adapter for Reactor Netty itself. */
	private static final ClassValue<Boolean> REACTOR_REQUESTS = new ClassValue<>() {

		@Override
		protected Boolean computeValue(Class<?> type) {
			return type.getName().equals(REACTOR_REQUEST);
		}

	};

	/** Whether a native request class is one of Reactor Netty's server requests. */
	private static final ClassValue<Boolean> REACTOR_NETTY_REQUESTS = new ClassValue<>() {

		@Override
		protected Boolean computeValue(Class<?> type) {
			return type.getName().startsWith(REACTOR_NETTY_PACKAGE);
		}

	};

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
		String found = headerCookie(name);
		if (found != NettyCookieHeader.ASK_SERVER) {
			return found;
		}
		HttpCookie cookie = this.request.getCookies().getFirst(name);
		return (cookie != null) ? cookie.getValue() : null;
	}

	/**
	 * Returns the cookie as read from the {@code Cookie} headers, or
	 * {@link NettyCookieHeader#ASK_SERVER} when only {@code getCookies()} can tell: the
	 * request is not Reactor Netty's as Spring adapts it (another server, a decorator, a
	 * mutated copy, a mock), or {@link NettyCookieHeader#find} leaves the header to it.
	 */
	@Nullable String headerCookie(String name) {
		if (!cookiesAreReactorNettys(this.request)) {
			return NettyCookieHeader.ASK_SERVER;
		}
		return NettyCookieHeader.find(this.request.getHeaders().get(HttpHeaders.COOKIE), name);
	}

	/**
	 * Whether {@code getCookies()} of the request is Reactor Netty's decoding of the very
	 * headers that {@code getHeaders()} shows: the request is Spring's adapter itself,
	 * over one of Reactor Netty's server requests.
	 */
	static boolean cookiesAreReactorNettys(ServerHttpRequest request) {
		if (!REACTOR_REQUESTS.get(request.getClass())) {
			return false;
		}
		Object nativeRequest = ((AbstractServerHttpRequest) request).getNativeRequest();
		return REACTOR_NETTY_REQUESTS.get(nativeRequest.getClass());
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

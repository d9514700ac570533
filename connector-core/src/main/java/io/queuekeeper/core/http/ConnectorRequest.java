package io.queuekeeper.core.http;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

/**
 * The engine's read-only view of one HTTP request. Each web stack supplies a small
 * adapter; the engine never sees a servlet or reactive type.
 *
 * @since 0.1.0
 */
public interface ConnectorRequest {

	/**
	 * Returns the HTTP method, e.g. {@code GET}.
	 */
	String method();

	/**
	 * Returns the absolute URL the browser used, with scheme, host, port (if any), path
	 * and the raw, still-encoded query. Behind a proxy this is the public URL.
	 */
	String url();

	/**
	 * Returns the first value of the header, looked up ignoring case, or {@code null}.
	 */
	@Nullable String header(String name);

	/**
	 * Returns the raw value, as sent by the browser, of the first cookie with exactly
	 * this name, or {@code null}.
	 */
	@Nullable String cookie(String name);

	/**
	 * Returns the remote address of the client, or {@code null} when unknown. Only used
	 * for connector diagnostics.
	 */
	default @Nullable String remoteAddress() {
		return null;
	}

	/**
	 * Returns the authenticated user, or {@code null} when the request is anonymous or
	 * the stack does not know. The engine never reads it; enqueue token customizers do.
	 */
	default @Nullable Principal principal() {
		return null;
	}

	/**
	 * Returns the request body as text, cut to the adapter's size limit, or {@code ""}.
	 * The engine calls it only while evaluating a {@code RequestBodyValidator} trigger
	 * and at most once per evaluation, so an adapter may read lazily; reading must not
	 * consume the body the application will read.
	 */
	default String body() {
		return "";
	}

}

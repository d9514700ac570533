package io.queuekeeper.core.testing;

import java.util.ArrayList;
import java.util.List;

import io.queuekeeper.core.http.ConnectorRequest;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a request and records the names of the cookies the engine reads, to prove that a
 * decision did not look at the session cookie.
 */
public final class RecordingRequest implements ConnectorRequest {

	private final ConnectorRequest delegate;

	private final List<String> cookiesRead = new ArrayList<>();

	public RecordingRequest(ConnectorRequest delegate) {
		this.delegate = delegate;
	}

	public List<String> cookiesRead() {
		return List.copyOf(this.cookiesRead);
	}

	@Override
	public String method() {
		return this.delegate.method();
	}

	@Override
	public String url() {
		return this.delegate.url();
	}

	@Override
	public @Nullable String header(String name) {
		return this.delegate.header(name);
	}

	@Override
	public @Nullable String cookie(String name) {
		this.cookiesRead.add(name);
		return this.delegate.cookie(name);
	}

	@Override
	public @Nullable String remoteAddress() {
		return this.delegate.remoteAddress();
	}

	@Override
	public String body() {
		return this.delegate.body();
	}

}

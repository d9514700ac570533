package io.queuekeeper.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import io.queuekeeper.core.http.ConnectorRequest;
import org.jspecify.annotations.Nullable;

/**
 * A minimal, immutable {@link ConnectorRequest}: plain fields and two small maps, so that
 * a benchmark measures the engine and not the request adapter. Header lookup ignores case
 * without allocating, as a servlet container's does.
 */
final class FakeRequest implements ConnectorRequest {

	private final String url;

	private final Map<String, String> headers;

	private final Map<String, String> cookies;

	private FakeRequest(String url, Map<String, String> headers, Map<String, String> cookies) {
		this.url = url;
		this.headers = headers;
		this.cookies = cookies;
	}

	static FakeRequest get(String url, Map<String, String> headers, Map<String, String> cookies) {
		Map<String, String> headerMap = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headerMap.putAll(headers);
		return new FakeRequest(url, headerMap, new HashMap<>(cookies));
	}

	@Override
	public String method() {
		return "GET";
	}

	@Override
	public String url() {
		return this.url;
	}

	@Override
	public @Nullable String header(String name) {
		return this.headers.get(name);
	}

	@Override
	public @Nullable String cookie(String name) {
		return this.cookies.get(name);
	}

	@Override
	public String remoteAddress() {
		return "203.0.113.7";
	}

}

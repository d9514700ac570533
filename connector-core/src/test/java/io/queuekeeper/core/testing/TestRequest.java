package io.queuekeeper.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.queuekeeper.core.http.ConnectorRequest;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ConnectorRequest} built in tests. Counts how often the body is read.
 */
public final class TestRequest implements ConnectorRequest {

	private final String method;

	private final String url;

	private final Map<String, String> headers;

	private final List<String[]> cookies;

	private final String body;

	private final @Nullable String remoteAddress;

	private final AtomicInteger bodyReads = new AtomicInteger();

	private TestRequest(Builder builder) {
		this.method = builder.method;
		this.url = builder.url;
		this.headers = new LinkedHashMap<>(builder.headers);
		this.cookies = new ArrayList<>(builder.cookies);
		this.body = builder.body;
		this.remoteAddress = builder.remoteAddress;
	}

	public static Builder get(String url) {
		return new Builder("GET", url);
	}

	public static Builder request(String method, String url) {
		return new Builder(method, url);
	}

	@Override
	public String method() {
		return this.method;
	}

	@Override
	public String url() {
		return this.url;
	}

	@Override
	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	@Override
	public @Nullable String cookie(String name) {
		for (String[] cookie : this.cookies) {
			if (cookie[0].equals(name)) {
				return cookie[1];
			}
		}
		return null;
	}

	@Override
	public @Nullable String remoteAddress() {
		return this.remoteAddress;
	}

	@Override
	public String body() {
		this.bodyReads.incrementAndGet();
		return this.body;
	}

	public int bodyReads() {
		return this.bodyReads.get();
	}

	public static final class Builder {

		private final String method;

		private final String url;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private final List<String[]> cookies = new ArrayList<>();

		private String body = "";

		private @Nullable String remoteAddress;

		private Builder(String method, String url) {
			this.method = method;
			this.url = url;
		}

		public Builder header(String name, String value) {
			this.headers.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
			return this;
		}

		public Builder cookie(String name, String value) {
			this.cookies.add(new String[] { name, value });
			return this;
		}

		public Builder body(String body) {
			this.body = body;
			return this;
		}

		public Builder remoteAddress(String remoteAddress) {
			this.remoteAddress = remoteAddress;
			return this;
		}

		public TestRequest build() {
			return new TestRequest(this);
		}

	}

}

package io.queuekeeper.core.rules;

import java.util.Arrays;

import io.queuekeeper.core.http.ConnectorRequest;
import io.queuekeeper.core.internal.Strings;
import io.queuekeeper.core.internal.UrlParts;
import org.jspecify.annotations.Nullable;

/**
 * The values triggers compare for one request, each read at most once. Not thread-safe:
 * one instance serves one evaluation.
 *
 * @since 0.1.0
 */
public final class RequestValues {

	private static final String[] NO_HEADERS = {};

	private final ConnectorRequest request;

	private final String pageUrl;

	private @Nullable String pagePath;

	private @Nullable String hostName;

	private @Nullable String foldedPageUrl;

	private @Nullable String foldedPagePath;

	private @Nullable String foldedHostName;

	private @Nullable String body;

	/*
	 * Headers already read. Integrations often test the same header, so each name costs
	 * one lookup per request; names are compared exactly, and one spelled differently by
	 * another part is simply read again. Two small arrays, because a map would cost more
	 * than the lookups it saves.
	 */
	private String[] headerNames = NO_HEADERS;

	private @Nullable String[] headerValues = NO_HEADERS;

	private int headerCount;

	/**
	 * Creates the values of a request.
	 * @param request the request
	 * @param pageUrl the request URL without the queue token
	 */
	public RequestValues(ConnectorRequest request, String pageUrl) {
		this.request = request;
		this.pageUrl = pageUrl;
	}

	/**
	 * Returns the request the values come from.
	 */
	public ConnectorRequest request() {
		return this.request;
	}

	/**
	 * Returns the URL without the queue token.
	 */
	public String pageUrl() {
		return this.pageUrl;
	}

	String url(UrlPart part, boolean folded) {
		switch (part) {
			case PAGE_URL:
				if (!folded) {
					return this.pageUrl;
				}
				if (this.foldedPageUrl == null) {
					this.foldedPageUrl = Strings.fold(this.pageUrl);
				}
				return this.foldedPageUrl;
			case PAGE_PATH:
				if (this.pagePath == null) {
					this.pagePath = UrlParts.path(this.pageUrl);
				}
				if (!folded) {
					return this.pagePath;
				}
				if (this.foldedPagePath == null) {
					this.foldedPagePath = Strings.fold(this.pagePath);
				}
				return this.foldedPagePath;
			case HOST_NAME:
				if (this.hostName == null) {
					this.hostName = UrlParts.host(this.pageUrl);
				}
				if (!folded) {
					return this.hostName;
				}
				if (this.foldedHostName == null) {
					this.foldedHostName = Strings.fold(this.hostName);
				}
				return this.foldedHostName;
			default:
				return "";
		}
	}

	@Nullable String header(String name) {
		for (int i = 0; i < this.headerCount; i++) {
			if (this.headerNames[i].equals(name)) {
				return this.headerValues[i];
			}
		}
		String value = this.request.header(name);
		if (this.headerCount == this.headerNames.length) {
			int capacity = Math.max(4, 2 * this.headerCount);
			this.headerNames = Arrays.copyOf(this.headerNames, capacity);
			this.headerValues = Arrays.copyOf(this.headerValues, capacity);
		}
		this.headerNames[this.headerCount] = name;
		this.headerValues[this.headerCount] = value;
		this.headerCount++;
		return value;
	}

	String body() {
		if (this.body == null) {
			String read = this.request.body();
			this.body = (read != null) ? read : "";
		}
		return this.body;
	}

}

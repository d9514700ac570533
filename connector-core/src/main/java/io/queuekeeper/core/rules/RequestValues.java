package io.queuekeeper.core.rules;

import java.util.Arrays;

import io.queuekeeper.core.http.ConnectorRequest;
import io.queuekeeper.core.internal.Strings;
import io.queuekeeper.core.internal.UrlParts;
import org.jspecify.annotations.Nullable;

/**
 * The values triggers compare for one request, each read and each case-folded at most
 * once. Not thread-safe: one instance serves one evaluation.
 *
 * @since 0.1.0
 */
public final class RequestValues {

	static final int NONE = -1;

	static final int EMPTY = 0;

	static final int PAGE_URL = 1;

	static final int PAGE_PATH = 2;

	static final int HOST_NAME = 3;

	static final int USER_AGENT = 4;

	static final int HEADER = 5;

	static final int COOKIE = 6;

	static final int BODY = 7;

	private static final String USER_AGENT_HEADER = "User-Agent";

	private static final String[] NO_STRINGS = {};

	private final ConnectorRequest request;

	private final String pageUrl;

	private @Nullable String foldedPageUrl;

	private @Nullable String pagePath;

	private @Nullable String foldedPagePath;

	private @Nullable String hostName;

	private @Nullable String foldedHostName;

	private @Nullable String body;

	private @Nullable String lastAsciiChecked;

	private boolean lastAscii;

	private boolean gramsRead;

	/**
	 * Once the grams are read: whether the page URL's UTF-8 bytes are one per character.
	 */
	private boolean urlAscii;

	private long gramsLow;

	private long gramsHigh;

	private @Nullable String foldedBody;

	/*
	 * Headers already read, as read and folded. Integrations often test the same header,
	 * so each name costs one lookup per request; names are compared exactly, and one
	 * spelled differently by another part is simply read again. Small arrays, because a
	 * map would cost more than the lookups it saves.
	 */
	private String[] headerNames = NO_STRINGS;

	private String[] headerValues = NO_STRINGS;

	private @Nullable String[] foldedHeaderValues = NO_STRINGS;

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

	/**
	 * Whether upper-casing a value read from this request with the root locale changes
	 * nothing but its ASCII letters: true for ASCII text. The answer for the last value
	 * asked about is kept, as parts often test the same value.
	 */
	boolean foldsAsAscii(String value) {
		if (this.gramsRead && (value == this.pagePath || value == this.hostName || value == this.pageUrl)) {
			// Ranges of the URL, whose summary tells whether it is ASCII.
			return this.urlAscii;
		}
		if (value != this.lastAsciiChecked) {
			// Unpaired surrogates, which asciiBytes lets through, no case mapping
			// changes.
			this.lastAscii = Strings.asciiBytes(value) != null;
			this.lastAsciiChecked = value;
		}
		return this.lastAscii;
	}

	/**
	 * Whether the page URL may contain every trigram of a literal, as {@link UrlGrams}
	 * tells: {@code false} means that no URL part, in any ASCII letter case, contains it.
	 */
	boolean urlMayContain(long low, long high) {
		return (low & ~urlGramsLow()) == 0 && (high & ~urlGramsHigh()) == 0;
	}

	/**
	 * Bits 0-63 of the page URL's {@link UrlGrams} summary.
	 */
	long urlGramsLow() {
		if (!this.gramsRead) {
			readGrams();
		}
		return this.gramsLow;
	}

	/**
	 * Bits 64-127 of the page URL's {@link UrlGrams} summary.
	 */
	long urlGramsHigh() {
		if (!this.gramsRead) {
			readGrams();
		}
		return this.gramsHigh;
	}

	private void readGrams() {
		// An unpaired surrogate is among the bytes as a '?', which is harmless: no ASCII
		// literal can be found across it.
		byte[] url = Strings.asciiBytes(this.pageUrl);
		this.gramsRead = true;
		this.urlAscii = url != null;
		if (url == null) {
			this.gramsLow = UrlGrams.ALL;
			this.gramsHigh = UrlGrams.ALL;
			return;
		}
		long[] grams = UrlGrams.of(url);
		this.gramsLow = grams[0];
		this.gramsHigh = grams[1];
	}

	/**
	 * Maps what a trigger part reads to the source {@link #value} reads it from.
	 */
	static int source(ValidatorType validator, UrlPart urlPart) {
		switch (validator) {
			case URL:
				switch (urlPart) {
					case PAGE_URL:
						return PAGE_URL;
					case PAGE_PATH:
						return PAGE_PATH;
					case HOST_NAME:
						return HOST_NAME;
					default:
						return EMPTY;
				}
			case COOKIE:
				return COOKIE;
			case USER_AGENT:
				return USER_AGENT;
			case HTTP_HEADER:
				return HEADER;
			case REQUEST_BODY:
				return BODY;
			default:
				return NONE;
		}
	}

	/**
	 * Returns a value of the request, {@code ""} when it is missing.
	 * @param source what to read, one of the constants of this class
	 * @param name the header or cookie name, for those sources
	 * @param folded whether to return it upper-cased with {@link java.util.Locale#ROOT}
	 */
	String value(int source, String name, boolean folded) {
		switch (source) {
			case PAGE_URL:
				return folded ? foldedPageUrl() : this.pageUrl;
			case PAGE_PATH:
				return folded ? foldedPagePath() : pagePath();
			case HOST_NAME:
				return folded ? foldedHostName() : hostName();
			case USER_AGENT:
				return header(USER_AGENT_HEADER, folded);
			case HEADER:
				return header(name, folded);
			case COOKIE:
				String cookie = this.request.cookie(name);
				if (cookie == null) {
					return "";
				}
				return folded ? Strings.fold(cookie) : cookie;
			case BODY:
				return folded ? foldedBody() : body();
			default:
				return "";
		}
	}

	private String foldedPageUrl() {
		if (this.foldedPageUrl == null) {
			this.foldedPageUrl = Strings.fold(this.pageUrl);
		}
		return this.foldedPageUrl;
	}

	private String pagePath() {
		if (this.pagePath == null) {
			this.pagePath = UrlParts.path(this.pageUrl);
		}
		return this.pagePath;
	}

	private String foldedPagePath() {
		if (this.foldedPagePath == null) {
			this.foldedPagePath = Strings.fold(pagePath());
		}
		return this.foldedPagePath;
	}

	private String hostName() {
		if (this.hostName == null) {
			this.hostName = UrlParts.host(this.pageUrl);
		}
		return this.hostName;
	}

	private String foldedHostName() {
		if (this.foldedHostName == null) {
			this.foldedHostName = Strings.fold(hostName());
		}
		return this.foldedHostName;
	}

	private String header(String name, boolean folded) {
		int index = headerIndex(name);
		if (!folded) {
			return this.headerValues[index];
		}
		String value = this.foldedHeaderValues[index];
		if (value == null) {
			value = Strings.fold(this.headerValues[index]);
			this.foldedHeaderValues[index] = value;
		}
		return value;
	}

	private int headerIndex(String name) {
		for (int i = 0; i < this.headerCount; i++) {
			String known = this.headerNames[i];
			if (known == name || known.equals(name)) {
				return i;
			}
		}
		String value = this.request.header(name);
		if (this.headerCount == this.headerNames.length) {
			int capacity = Math.max(4, 2 * this.headerCount);
			this.headerNames = Arrays.copyOf(this.headerNames, capacity);
			this.headerValues = Arrays.copyOf(this.headerValues, capacity);
			this.foldedHeaderValues = Arrays.copyOf(this.foldedHeaderValues, capacity);
		}
		this.headerNames[this.headerCount] = name;
		this.headerValues[this.headerCount] = (value != null) ? value : "";
		return this.headerCount++;
	}

	private String body() {
		if (this.body == null) {
			String read = this.request.body();
			this.body = (read != null) ? read : "";
		}
		return this.body;
	}

	private String foldedBody() {
		if (this.foldedBody == null) {
			this.foldedBody = Strings.fold(body());
		}
		return this.foldedBody;
	}

}

package io.queuekeeper.core;

import io.queuekeeper.core.internal.Strings;
import io.queuekeeper.core.internal.UrlCodec;
import io.queuekeeper.core.token.TokenError;
import org.jspecify.annotations.Nullable;

/**
 * Builds the waiting room URLs byte for byte as Queue-it's Java connector does, except
 * that the token echoed in an error URL is percent-encoded (a no-op for genuine tokens),
 * and that a queue domain on {@code localhost} or a loopback address is reached over
 * {@code http://}, so a local waiting room works without a certificate.
 */
final class RedirectUrls {

	/*
	 * The queue URL up to the enqueue token and the target (domain, c, e, ver, cver, man,
	 * cid, l) depends only on the event, so it is built once per event and kept in a
	 * small direct-mapped table: bounded whatever the configs, and a slot that another
	 * event takes over is simply built again. Entries are immutable, so threads racing on
	 * a slot see either entry whole.
	 */
	private static final int QUEUE_PREFIXES = 16;

	private final String customerId;

	private final String encodedPrefix;

	private final String encodedVersion;

	private final @Nullable QueuePrefix[] queuePrefixes = new QueuePrefix[QUEUE_PREFIXES];

	RedirectUrls(String customerId, String sdkVersion) {
		this.customerId = customerId;
		this.encodedPrefix = "c=" + UrlCodec.queryEncode(customerId);
		this.encodedVersion = "&ver=" + UrlCodec.queryEncode(sdkVersion);
	}

	String queue(EventSettings event, @Nullable String target) {
		return queue(event, null, target);
	}

	/**
	 * The queue redirect with an enqueue token, which goes after {@code cid} and
	 * {@code l} and before {@code t} (spec 10.4), unencoded because it is URL-safe.
	 */
	String queue(EventSettings event, @Nullable String enqueueToken, @Nullable String target) {
		String prefix = queuePrefix(event);
		int capacity = prefix.length() + ((target != null) ? target.length() + 16 : 0)
				+ ((enqueueToken != null) ? enqueueToken.length() + 14 : 0);
		StringBuilder url = new StringBuilder(capacity).append(prefix);
		if (enqueueToken != null) {
			url.append("&enqueuetoken=").append(enqueueToken);
		}
		appendTarget(url, "t", target);
		return url.toString();
	}

	private String queuePrefix(EventSettings event) {
		int slot = event.eventId().hashCode() & (QUEUE_PREFIXES - 1);
		QueuePrefix cached = this.queuePrefixes[slot];
		if (cached != null && cached.isFor(event)) {
			return cached.prefix;
		}
		StringBuilder url = base(event.queueDomain(), "");
		appendQuery(url, event, true);
		QueuePrefix built = new QueuePrefix(event, url.toString());
		this.queuePrefixes[slot] = built;
		return built.prefix;
	}

	String error(EventSettings event, TokenError error, String token, long now, @Nullable String target) {
		StringBuilder url = base(event.queueDomain(), "error/" + error.code() + "/");
		appendQuery(url, event, true);
		url.append("&queueittoken=").append(UrlCodec.unreservedEncode(token)).append("&ts=").append(now);
		appendTarget(url, "t", target);
		return url.toString();
	}

	String cancel(EventSettings event, @Nullable String queueId, @Nullable String target) {
		String path = "cancel/" + this.customerId + "/" + event.eventId()
				+ (Strings.isBlank(queueId) ? "" : "/" + queueId);
		StringBuilder url = base(event.queueDomain(), path);
		appendQuery(url, event, false);
		appendTarget(url, "r", target);
		return url.toString();
	}

	private static StringBuilder base(String queueDomain, String path) {
		StringBuilder url = new StringBuilder(256).append(isLoopback(queueDomain) ? "http://" : "https://")
			.append(queueDomain);
		if (!queueDomain.endsWith("/")) {
			url.append('/');
		}
		return url.append(path).append('?');
	}

	private void appendQuery(StringBuilder url, EventSettings event, boolean withLayout) {
		url.append(this.encodedPrefix)
			.append("&e=")
			.append(UrlCodec.queryEncode(event.eventId()))
			.append(this.encodedVersion)
			.append("&cver=")
			.append(event.version())
			.append("&man=")
			.append(UrlCodec.queryEncode(event.actionName()));
		if (withLayout) {
			if (!Strings.isBlank(event.culture())) {
				url.append("&cid=").append(UrlCodec.queryEncode(event.culture()));
			}
			if (!Strings.isBlank(event.layoutName())) {
				url.append("&l=").append(UrlCodec.queryEncode(event.layoutName()));
			}
		}
	}

	private static void appendTarget(StringBuilder url, String name, @Nullable String target) {
		if (!Strings.isBlank(target)) {
			UrlCodec.appendQueryEncoded(url.append('&').append(name).append('='), target);
		}
	}

	/**
	 * The event fields that the queue URL prefix is built from, and that prefix.
	 */
	private static final class QueuePrefix {

		private final String eventId;

		private final String queueDomain;

		private final int version;

		private final String actionName;

		private final @Nullable String culture;

		private final @Nullable String layoutName;

		final String prefix;

		QueuePrefix(EventSettings event, String prefix) {
			this.eventId = event.eventId();
			this.queueDomain = event.queueDomain();
			this.version = event.version();
			this.actionName = event.actionName();
			this.culture = event.culture();
			this.layoutName = event.layoutName();
			this.prefix = prefix;
		}

		boolean isFor(EventSettings event) {
			return this.version == event.version() && same(this.eventId, event.eventId())
					&& same(this.queueDomain, event.queueDomain()) && same(this.actionName, event.actionName())
					&& same(this.culture, event.culture()) && same(this.layoutName, event.layoutName());
		}

		private static boolean same(@Nullable String a, @Nullable String b) {
			// The strings of one compiled integration are the same instances on every
			// request, so identity settles almost every comparison.
			return a == b || (a != null && a.equals(b));
		}

	}

	/**
	 * Whether the host of a queue domain ({@code host[:port][/path]}) is
	 * {@code localhost}, an IPv4 address in 127.0.0.0/8 or the IPv6 loopback {@code ::1}.
	 * Only literal hosts count: names are never resolved, so {@code localhost.evil.com}
	 * stays on https. Works on indexes, so a redirect allocates nothing more.
	 */
	static boolean isLoopback(String queueDomain) {
		int end = queueDomain.indexOf('/');
		if (end < 0) {
			end = queueDomain.length();
		}
		if (end > 0 && queueDomain.charAt(0) == '[') {
			int close = queueDomain.indexOf(']');
			return close == 4 && queueDomain.startsWith("::1", 1) && isPortSuffix(queueDomain, close + 1, end);
		}
		if (end == 3 && queueDomain.startsWith("::1")) {
			return true;
		}
		int hostEnd = end;
		int colon = queueDomain.indexOf(':');
		if (colon >= 0 && colon < end) {
			if (!isPortSuffix(queueDomain, colon, end)) {
				return false;
			}
			hostEnd = colon;
		}
		return (hostEnd == 9 && queueDomain.regionMatches(true, 0, "localhost", 0, 9))
				|| isLoopbackIpv4(queueDomain, hostEnd);
	}

	private static boolean isPortSuffix(String value, int from, int end) {
		if (from == end) {
			return true;
		}
		if (from > end || value.charAt(from) != ':' || from + 1 == end) {
			return false;
		}
		for (int i = from + 1; i < end; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean isLoopbackIpv4(String value, int end) {
		int octets = 0;
		int start = 0;
		while (true) {
			int dot = value.indexOf('.', start);
			int octetEnd = (dot < 0 || dot > end) ? end : dot;
			if (octetEnd == start || octetEnd - start > 3) {
				return false;
			}
			int octet = 0;
			for (int i = start; i < octetEnd; i++) {
				char c = value.charAt(i);
				if (c < '0' || c > '9') {
					return false;
				}
				octet = octet * 10 + (c - '0');
			}
			if (octet > 255 || (octets == 0 && octet != 127)) {
				return false;
			}
			octets++;
			if (octetEnd == end) {
				return octets == 4;
			}
			start = octetEnd + 1;
		}
	}

}

package io.queuekeeper.core;

import io.queuekeeper.core.internal.Strings;
import io.queuekeeper.core.internal.UrlCodec;
import io.queuekeeper.core.token.TokenError;
import org.jspecify.annotations.Nullable;

/**
 * Builds the waiting room URLs byte for byte as Queue-it's Java connector does, except
 * that the token echoed in an error URL is percent-encoded (a no-op for genuine tokens).
 */
final class RedirectUrls {

	private final String customerId;

	private final String encodedPrefix;

	private final String encodedVersion;

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
		StringBuilder url = base(event.queueDomain(), "");
		appendQuery(url, event, true);
		if (enqueueToken != null) {
			url.append("&enqueuetoken=").append(enqueueToken);
		}
		appendTarget(url, "t", target);
		return url.toString();
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
		StringBuilder url = new StringBuilder(256).append("https://").append(queueDomain);
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
			url.append('&').append(name).append('=').append(UrlCodec.queryEncode(target));
		}
	}

}

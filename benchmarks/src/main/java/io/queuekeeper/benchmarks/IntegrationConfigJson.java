package io.queuekeeper.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Builds a realistic integration config as GO publishes it: 20 integrations of two
 * triggers each. The first 19 guard other pages of the shop and must not match the
 * benchmark requests; the last one queues every path containing {@code /drop/}.
 */
public final class IntegrationConfigJson {

	static final int INTEGRATIONS = 20;

	static final String DROP_NAME = "Sneaker drop";

	/** The event of the integration that matches {@code /drop/}. */
	public static final String DROP_EVENT = "dropevent";

	/** The waiting room domain of every integration. */
	public static final String QUEUE_DOMAIN = "acme.queue-it.net";

	/** The cookie domain of every integration. */
	public static final String COOKIE_DOMAIN = ".shop.example.com";

	/** How long a session cookie of every integration stays valid. */
	public static final int COOKIE_VALIDITY_MINUTES = 20;

	private IntegrationConfigJson() {
	}

	/**
	 * Returns the integration config document.
	 */
	public static String build() {
		List<String> integrations = new ArrayList<>();
		for (int i = 0; i < INTEGRATIONS - 1; i++) {
			integrations.add(filler(i));
		}
		integrations.add(integration(DROP_NAME, "Queue", DROP_EVENT, true,
				trigger("And", part("UrlValidator", "PagePath", null, "Contains", "/drop/", false, true),
						part("UserAgentValidator", null, null, "Contains", "bot", true, true)),
				trigger("Or",
						part("UrlValidator", "PageUrl", null, "Equals", "https://shop.example.com/drop", false, false),
						part("HttpHeaderValidator", null, "X-Drop-Preview", "Equals", "1", false, false))));
		return "{\"Description\":\"benchmark\",\"Version\":42,\"Integrations\":[" + String.join(",", integrations)
				+ "],\"CustomerId\":\"acme\",\"AccountId\":\"acme\",\"PublishDate\":\"2026-07-01T11:55:00Z\"}";
	}

	/**
	 * One of four trigger shapes that real configs use, with paths no benchmark request
	 * has. Every fifth integration is an Ignore action, as for an API or a static folder.
	 */
	private static String filler(int i) {
		String action = (i % 5 == 4) ? "Ignore" : "Queue";
		String event = (i % 5 == 4) ? "" : "event" + i;
		String name = "Integration " + i;
		return switch (i % 4) {
			case 0 -> integration(name, action, event, false,
					trigger("And", part("UrlValidator", "PagePath", null, "Contains", "/sale-" + i + "/", false, true),
							part("UserAgentValidator", null, null, "Contains", "Mozilla", false, false)),
					trigger("Or",
							part("UrlValidator", "PageUrl", null, "Equals", "https://shop.example.com/campaign/" + i,
									false, false),
							part("HttpHeaderValidator", null, "X-Campaign", "Equals", "c" + i, false, false)));
			case 1 -> integration(name, action, event, true,
					trigger("And", part("UrlValidator", "PageUrl", null, "Contains", "/launch-" + i, false, true),
							part("HttpHeaderValidator", null, "Accept-Language", "Contains", "en", false, true)),
					trigger("And", part("UrlValidator", "PagePath", null, "Equals", "/tickets/" + i, false, false),
							part("UserAgentValidator", null, null, "Contains", "bot", true, true)));
			case 2 -> integration(name, action, event, false,
					trigger("Or", part("UrlValidator", "PagePath", null, "Contains", "/event-" + i + "/", false, false),
							part("UrlValidator", "PagePath", null, "Contains", "/promo-" + i + "/", false, true)),
					trigger("And", part("UrlValidator", "PageUrl", null, "Contains", "?campaign=" + i, false, false),
							part("HttpHeaderValidator", null, "Referer", "Contains", "newsletter", false, true)));
			default -> integration(name, action, event, true,
					trigger("And", part("UrlValidator", "PagePath", null, "Equals", "/checkout/" + i, false, true),
							part("UserAgentValidator", null, null, "Contains", "Chrome", false, false)),
					trigger("Or", part("UrlValidator", "PageUrl", null, "Contains", "release-" + i, false, true),
							part("HttpHeaderValidator", null, "X-Preview", "Equals", "true", false, false)));
		};
	}

	private static String integration(String name, String action, String event, boolean extend, String... triggers) {
		return "{\"Name\":" + quote(name) + ",\"ActionType\":" + quote(action) + ",\"EventId\":" + quote(event)
				+ ",\"CookieDomain\":" + quote(COOKIE_DOMAIN)
				+ ",\"IsCookieHttpOnly\":true,\"IsCookieSecure\":true,\"LayoutName\":\"Drop layout\""
				+ ",\"Culture\":\"en-US\",\"ExtendCookieValidity\":" + extend + ",\"CookieValidityMinute\":"
				+ COOKIE_VALIDITY_MINUTES + ",\"QueueDomain\":" + quote(QUEUE_DOMAIN)
				+ ",\"RedirectLogic\":\"AllowTParameter\",\"ForcedTargetUrl\":\"\",\"Triggers\":["
				+ String.join(",", triggers) + "]}";
	}

	private static String trigger(String logicalOperator, String... parts) {
		return "{\"TriggerParts\":[" + String.join(",", parts) + "],\"LogicalOperator\":" + quote(logicalOperator)
				+ "}";
	}

	private static String part(String validator, @Nullable String urlPart, @Nullable String header, String operator,
			String value, boolean negative, boolean ignoreCase) {
		StringBuilder json = new StringBuilder("{\"ValidatorType\":").append(quote(validator));
		if (urlPart != null) {
			json.append(",\"UrlPart\":").append(quote(urlPart));
		}
		if (header != null) {
			json.append(",\"HttpHeaderName\":").append(quote(header));
		}
		return json.append(",\"Operator\":")
			.append(quote(operator))
			.append(",\"ValueToCompare\":")
			.append(quote(value))
			.append(",\"ValuesToCompare\":null,\"IsNegative\":")
			.append(negative)
			.append(",\"IsIgnoreCase\":")
			.append(ignoreCase)
			.append('}')
			.toString();
	}

	private static String quote(String value) {
		return '"' + value + '"';
	}

}

package io.queuekeeper.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.internal.UrlCodec;
import org.jspecify.annotations.Nullable;

/**
 * One recorded wire-compatibility case, as described in
 * {@code shared/conformance/README.md}.
 */
public final class ConformanceCase {

	private static final String SDK_PLACEHOLDER = "{SDK_VERSION}";

	private final String file;

	private final JsonNode node;

	ConformanceCase(String file, JsonNode node) {
		this.file = file;
		this.node = node;
	}

	public String file() {
		return this.file;
	}

	public String name() {
		return this.node.path("name").asText();
	}

	public long now() {
		return this.node.path("now").asLong();
	}

	public Clock clock() {
		return Clock.fixed(Instant.ofEpochSecond(now()), ZoneOffset.UTC);
	}

	public String customerId() {
		return this.node.path("customerId").asText();
	}

	public String secretKey() {
		return this.node.path("secretKey").asText();
	}

	/** The integration config exactly as GO serves it. */
	public String configJson() {
		return this.node.path("config").toString();
	}

	public String method() {
		return this.node.path("request").path("method").asText("GET");
	}

	public String url() {
		return this.node.path("request").path("url").asText();
	}

	/** Request headers in recorded order. */
	public Map<String, String> headers() {
		Map<String, String> headers = new LinkedHashMap<>();
		var fields = this.node.path("request").path("headers").properties().iterator();
		fields.forEachRemaining((field) -> headers.put(field.getKey(), field.getValue().asText()));
		return headers;
	}

	/** Request cookies as {@code [name, raw value]} pairs, in order. */
	public List<String[]> cookies() {
		List<String[]> cookies = new ArrayList<>();
		for (JsonNode pair : this.node.path("request").path("cookies")) {
			cookies.add(new String[] { pair.get(0).asText(), pair.get(1).asText() });
		}
		return cookies;
	}

	public String body() {
		JsonNode body = this.node.path("request").path("body");
		return body.isTextual() ? body.asText() : "";
	}

	public TestRequest toRequest() {
		TestRequest.Builder builder = TestRequest.request(method(), url()).body(body());
		headers().forEach(builder::header);
		cookies().forEach((cookie) -> builder.cookie(cookie[0], cookie[1]));
		return builder.build();
	}

	public String outcome() {
		return this.node.path("expect").path("outcome").asText();
	}

	public @Nullable String location() {
		return substitute(text(this.node.path("expect").path("location")));
	}

	/** The expected engine result, field by field, with the SDK version substituted. */
	public Map<String, Object> result() {
		Map<String, Object> result = new LinkedHashMap<>();
		var fields = this.node.path("expect").path("result").properties().iterator();
		fields.forEachRemaining((field) -> {
			JsonNode value = field.getValue();
			result.put(field.getKey(), value.isBoolean() ? (Object) value.asBoolean() : substitute(text(value)));
		});
		return result;
	}

	/** The expected cookies, in write order. */
	public List<ObservedCookie> setCookies() {
		List<ObservedCookie> cookies = new ArrayList<>();
		for (JsonNode cookie : this.node.path("expect").path("setCookies")) {
			cookies.add(new ObservedCookie(cookie.path("name").asText(), cookie.path("value").asText(),
					cookie.path("maxAge").isNull() ? null : cookie.path("maxAge").asLong(), text(cookie.path("domain")),
					cookie.path("path").asText(), cookie.path("httpOnly").asBoolean(),
					cookie.path("secure").asBoolean()));
		}
		return cookies;
	}

	public String about() {
		return this.node.path("about").toString();
	}

	/**
	 * Compares what an HTTP layer produced with the expectation.
	 * @param observed the response as the layer produced it
	 * @param controllerInvoked whether the application handler ran
	 * @return the differences, empty when the case passes
	 */
	public List<String> compareHttp(ObservedResponse observed, boolean controllerInvoked) {
		List<String> diffs = new ArrayList<>();
		String outcome = outcome();
		String location = location();
		switch (outcome) {
			case "redirect" -> {
				check(diffs, "status", 302, observed.status());
				check(diffs, "Location", location, observed.header("Location"));
				check(diffs, "controller invoked", false, controllerInvoked);
				checkNoCache(diffs, observed);
			}
			case "ajax-redirect" -> {
				check(diffs, "status", 200, observed.status());
				check(diffs, "Location", null, observed.header("Location"));
				check(diffs, "x-queueit-redirect", (location != null) ? UrlCodec.formEncode(location) : null,
						observed.header("x-queueit-redirect"));
				check(diffs, "Access-Control-Expose-Headers", "x-queueit-redirect",
						observed.header("Access-Control-Expose-Headers"));
				check(diffs, "controller invoked", false, controllerInvoked);
				checkNoCache(diffs, observed);
			}
			default -> {
				check(diffs, "status", 200, observed.status());
				check(diffs, "Location", null, observed.header("Location"));
				check(diffs, "x-queueit-redirect", null, observed.header("x-queueit-redirect"));
				check(diffs, "controller invoked", true, controllerInvoked);
			}
		}
		check(diffs, "Set-Cookie", setCookies(), observed.cookies());
		return diffs;
	}

	private static void checkNoCache(List<String> diffs, ObservedResponse observed) {
		check(diffs, "Cache-Control", "no-cache, no-store, must-revalidate, max-age=0",
				observed.header("Cache-Control"));
		check(diffs, "Pragma", "no-cache", observed.header("Pragma"));
		check(diffs, "Expires", "Fri, 01 Jan 1990 00:00:00 GMT", observed.header("Expires"));
	}

	static void check(List<String> diffs, String what, @Nullable Object expected, @Nullable Object actual) {
		if (!Objects.equals(expected, actual)) {
			diffs.add(what + "\n      expected: " + expected + "\n      actual:   " + actual);
		}
	}

	private static @Nullable String substitute(@Nullable String value) {
		return (value != null) ? value.replace(SDK_PLACEHOLDER, UrlCodec.queryEncode(QueueConnector.SDK_VERSION))
				: null;
	}

	private static @Nullable String text(JsonNode node) {
		return (node.isMissingNode() || node.isNull()) ? null : node.asText();
	}

}

package io.queuekeeper.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * jqwik generators for hostile wire input: any UTF-16 text (lone surrogates and control
 * characters included) mixed with the characters and fragments the KnownUser v3 protocol
 * gives a meaning to ({@code % & = ~ _ ? # +}, percent escapes, token and cookie keys).
 */
public final class WireArbitraries {

	private static final String SPECIALS = "%&=~_?#+;,:/\\\"' <>[]{}|^`@!$*()";

	private static final String HEX = "0123456789abcdefABCDEF";

	private static final List<String> FRAGMENTS = List.of("queueittoken", "QueueItToken", "queueittoken=",
			"&queueittoken=", "e_", "q_", "ts_", "cv_", "ce_true", "rt_", "rt_debug", "h_", "~", "~h_", "EventId=",
			"&QueueId=", "FixedValidityMins=", "&RedirectType=", "IssueTime=", "&Hash=", "http://", "https://",
			"HTTPS://", "//", "javascript:", "\r\n", "\u0000", "\uFEFF", "\uD83D\uDE00", "\uD800", "\uDFFF", "\u0130",
			"\u0131", "\u00DF", "\u212A", "\u2126", "\u0663", "\uFF13", "%", "%2", "%G0", "%%", "%C3", "%C3%28",
			"%E2%82", "%F0%9F%98%80", "%00", "%0a", "%0D%0A", "%25", "%26", "%3D", "%3d", "%7E", "%5F", "%2B", "%u0041",
			"%\u0663D", "%\uFF13D", "+", "*", "debug", "queue", "1893456000", "-1", "9223372036854775808");

	private static final List<String> TOKEN_KEYS = List.of("e", "q", "ts", "ce", "cv", "rt", "h", "c", "ti", "hip", "",
			"E", "RT");

	private WireArbitraries() {
	}

	/**
	 * Arbitrary text as it may arrive in a URL, header, cookie or body.
	 */
	public static Arbitrary<String> wireText() {
		List<Tuple2<Integer, Arbitrary<String>>> fragments = new ArrayList<>();
		fragments.add(Tuple.of(3, Arbitraries.strings().all().ofMaxLength(8)));
		fragments.add(Tuple.of(3, Arbitraries.strings().withChars(SPECIALS).ofMinLength(1).ofMaxLength(4)));
		fragments.add(Tuple.of(2,
				Arbitraries.strings()
					.withCharRange('\u0000', '\u001f')
					.withChars('\u007f')
					.ofMinLength(1)
					.ofMaxLength(3)));
		fragments.add(Tuple.of(3, Arbitraries.strings().alpha().numeric().ofMaxLength(10)));
		fragments.add(Tuple.of(2, percentEscapes()));
		fragments.add(Tuple.of(3, Arbitraries.of(FRAGMENTS)));
		Arbitrary<String> joined = Arbitraries.frequencyOf(fragments)
			.list()
			.ofMaxSize(10)
			.map((parts) -> String.join("", parts));
		return Arbitraries
			.frequencyOf(List.of(Tuple.of(4, joined), Tuple.of(1, Arbitraries.strings().all().ofMaxLength(60))));
	}

	/**
	 * Well-formed {@code %XX} escapes in either hex case.
	 */
	public static Arbitrary<String> percentEscapes() {
		Arbitrary<String> hexPair = Arbitraries.strings().withChars(HEX).ofLength(2);
		return hexPair.list().ofMinSize(1).ofMaxSize(4).map((pairs) -> "%" + String.join("%", pairs));
	}

	/**
	 * Text shaped like a {@code queueittoken}: {@code key_value} pairs joined by
	 * {@code ~}, with arbitrary keys and values mixed in.
	 */
	public static Arbitrary<String> tokenShaped() {
		Arbitrary<String> key = Arbitraries
			.frequencyOf(List.of(Tuple.of(5, Arbitraries.of(TOKEN_KEYS)), Tuple.of(1, wireText())));
		Arbitrary<String> value = Arbitraries.frequencyOf(List.of(Tuple.of(3, wireText()),
				Tuple.of(2, Arbitraries.of("debug", "queue", "safetynet", "DirectLink", "true", "sale", "")),
				Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
				Tuple.of(1, Arbitraries.strings().withChars("0123456789abcdef").ofLength(64))));
		Arbitrary<String> pair = Combinators.combine(key, value).as((k, v) -> k + "_" + v);
		return pair.list().ofMaxSize(8).map((pairs) -> String.join("~", pairs));
	}

	/**
	 * A query parameter name that is, resembles or contains {@code queueittoken}.
	 */
	public static Arbitrary<String> tokenNameVariants() {
		Arbitrary<String> mixedCase = Arbitraries.of(true, false)
			.list()
			.ofSize(12)
			.map((upper) -> caseVariant("queueittoken", upper));
		Arbitrary<String> lookAlikes = Arbitraries.of("QUEUEITTOKEN", "queueittokenx", "xqueueittoken", "queueit token",
				"queueit%74oken", "queue\u0130ttoken", "queueitto\u212Aen", " queueittoken", "queueittoken ");
		return Arbitraries.frequencyOf(List.of(Tuple.of(3, Arbitraries.just("queueittoken")), Tuple.of(2, mixedCase),
				Tuple.of(2, lookAlikes)));
	}

	/**
	 * A request URL: mostly structured ({@code scheme://host:port/path?query#fragment},
	 * each part hostile), sometimes any text at all.
	 */
	public static Arbitrary<String> requestUrls() {
		Arbitrary<String> scheme = Arbitraries.oneOf(Arbitraries.of("http://", "https://", "HTTPS://", "Http://",
				"ftp://", "", "http:/", "h t://", "1http://", "https:"), wireText().map((text) -> text + "://"));
		Arbitrary<String> host = Arbitraries.oneOf(Arbitraries.of("shop.example.com", "SHOP.Example.COM", "[::1]",
				"user:pw@shop.example.com", "", "a@b@c", "xn--bcher-kva.example", "127.0.0.1"), wireText());
		Arbitrary<String> port = Arbitraries.of("", ":8080", ":", ":abc", ":99999999999", ":443:80");
		Arbitrary<String> path = wireText().list().ofMaxSize(4).map((segments) -> "/" + String.join("/", segments));
		Arbitrary<String> query = queries().injectNull(0.2).map((q) -> (q != null) ? "?" + q : "");
		Arbitrary<String> fragment = wireText().injectNull(0.7).map((f) -> (f != null) ? "#" + f : "");
		Arbitrary<String> structured = Combinators.combine(scheme, host, port, path, query, fragment)
			.as((s, h, p, pa, q, f) -> s + h + p + pa + q + f);
		return Arbitraries.frequencyOf(List.of(Tuple.of(4, structured), Tuple.of(1, wireText())));
	}

	/**
	 * A raw query string (no leading {@code ?}) of parameters joined by {@code &}, some
	 * named like the queue token.
	 */
	public static Arbitrary<String> queries() {
		return queryParameters().map((parameters) -> String.join("&", parameters));
	}

	/**
	 * Raw query parameters, none containing {@code &}; some are named like the queue
	 * token, some have no {@code =}, some are empty.
	 */
	public static Arbitrary<List<String>> queryParameters() {
		Arbitrary<String> name = Arbitraries.frequencyOf(List.of(Tuple.of(2, tokenNameVariants()),
				Tuple.of(3, wireText().map(WireArbitraries::withoutAmpersand))));
		Arbitrary<String> value = Arbitraries.frequencyOf(List.of(Tuple.of(3, wireText()), Tuple.of(1, tokenShaped())))
			.map(WireArbitraries::withoutAmpersand);
		Arbitrary<String> parameter = Arbitraries.frequencyOf(List.of(
				Tuple.of(6, Combinators.combine(name.map((n) -> n.replace("=", "")), value).as((n, v) -> n + "=" + v)),
				Tuple.of(1, name), Tuple.of(1, Arbitraries.just(""))));
		return parameter.list().ofMaxSize(6);
	}

	/**
	 * A request with a hostile URL, User-Agent, AJAX header, cookies and body, for
	 * evaluating configs of any shape.
	 */
	public static Arbitrary<TestRequest> requests() {
		Arbitrary<String> url = Arbitraries.frequencyOf(List.of(Tuple.of(1, requestUrls()), Tuple.of(1,
				Arbitraries.of("https://shop.example.com/drop/item?color=red", "https://shop.example.com/static/app.js",
						"http://SHOP.example.com:8080/cancel/?queueittoken=e_sale~h_00",
						"https://shop.example.com/"))));
		Arbitrary<String> optionalText = wireText().injectNull(0.5).map((text) -> (text != null) ? text : "");
		return Combinators.combine(url, optionalText, optionalText, optionalText, optionalText, optionalText)
			.as((u, userAgent, ajax, cookieName, cookieValue, body) -> {
				TestRequest.Builder builder = TestRequest.request("POST", u).body(body);
				if (!userAgent.isEmpty()) {
					builder.header("User-Agent", userAgent);
				}
				if (!ajax.isEmpty()) {
					builder.header("x-queueit-ajaxpageurl", ajax);
				}
				if (!cookieValue.isEmpty()) {
					builder.cookie(cookieName, cookieValue);
					builder.cookie("QueueITAccepted-SDFrts345E-V3_sale", cookieValue);
				}
				return builder.build();
			});
	}

	private static String withoutAmpersand(String value) {
		return value.replace("&", "");
	}

	private static String caseVariant(String value, List<Boolean> upper) {
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			String c = value.substring(i, i + 1);
			out.append(upper.get(i) ? c.toUpperCase(Locale.ROOT) : c);
		}
		return out.toString();
	}

}

package io.queuekeeper.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.testing.ConfigJson;
import io.queuekeeper.core.testing.Decisions;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.TokenMaker;
import io.queuekeeper.core.testing.Vectors;
import org.junit.jupiter.api.Test;

import static io.queuekeeper.core.testing.Vectors.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connector diagnostics (spec 8): a signed token with {@code rt_debug}.
 */
class QueueConnectorDiagnosticsTests {

	private static final String PAGE = "https://shop.example.com/products/42";

	private final IntegrationConfig example = ConfigJson.example();

	private final QueueConnector connector = Vectors.connectorAt(NOW);

	private static CookieInstruction debugCookie(Decision decision) {
		return decision.cookies()
			.stream()
			.filter((cookie) -> cookie.name().equals("queueitdebug"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no queueitdebug cookie in " + decision.cookies()));
	}

	private static Map<String, String> debugValues(Decision decision) {
		String value = URLDecoder.decode(debugCookie(decision).value(), StandardCharsets.UTF_8);
		Map<String, String> values = new LinkedHashMap<>();
		Arrays.stream(value.split("\\|")).forEach((pair) -> {
			int eq = pair.indexOf('=');
			values.put(pair.substring(0, eq), pair.substring(eq + 1));
		});
		return values;
	}

	@Test
	void evaluateWhenDebugTokenValidThenDiagnosticsCookieIsHttpOnlySecureAndExpires() {
		Decision decision = this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV16)
			.remoteAddress("203.0.113.7")
			.header("X-Forwarded-For", "198.51.100.1")
			.build(), this.example);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(PAGE);
		CookieInstruction cookie = debugCookie(decision);
		assertThat(cookie.path()).isEqualTo("/");
		assertThat(cookie.maxAge()).isEqualTo(Duration.ofMinutes(20));
		assertThat(cookie.domain()).isNull();
		assertThat(cookie.httpOnly()).isTrue();
		assertThat(cookie.secure()).isTrue();
		Map<String, String> values = debugValues(decision);
		assertThat(values).containsEntry("SdkVersion", QueueConnector.SDK_VERSION)
			.containsEntry("QueueitToken", Vectors.TV16)
			.containsEntry("PureUrl", PAGE)
			.containsEntry("OriginalUrl", PAGE + "?queueittoken=" + Vectors.TV16)
			.containsEntry("ServerUtcTime", "2023-11-14T22:13:20Z")
			.containsEntry("RequestIP", "203.0.113.7")
			.containsEntry("RequestHttpHeader_XForwardedFor", "198.51.100.1")
			.containsEntry("ConfigVersion", "7")
			.containsEntry("MatchedConfig", "Summer Sale (main)")
			.containsEntry("TargetUrl", PAGE)
			.containsKeys("Runtime", "RequestHttpHeader_Via", "RequestHttpHeader_Forwarded",
					"RequestHttpHeader_XForwardedHost", "RequestHttpHeader_XForwardedProto");
		assertThat(values.get("QueueConfig"))
			.startsWith("EventId:summersale&Version:7&QueueDomain:ticketania.queue-it.net")
			.contains("&CookieValidityMinute:20&")
			.endsWith("&ActionName:Summer Sale (main)");
	}

	@Test
	void evaluateWhenDebugTokenOnPlainHttpThenDiagnosticsCookieIsNotSecure() {
		Decision decision = this.connector.evaluate(
				TestRequest.get("http://shop.example.com/products/42?queueittoken=" + Vectors.TV16).build(),
				this.example);
		assertThat(debugCookie(decision).secure()).isFalse();
		assertThat(debugCookie(decision).httpOnly()).isTrue();
	}

	@Test
	void evaluateWhenDiagnosticsValueContainsSeparatorThenItIsEscaped() {
		String page = PAGE + "?filter=a|b&pct=50%25";
		Decision decision = this.connector.evaluate(TestRequest.get(page + "&queueittoken=" + Vectors.TV16).build(),
				this.example);
		Map<String, String> values = debugValues(decision);
		assertThat(values).containsEntry("PureUrl", PAGE + "?filter=a%7Cb&pct=50%2525");
		assertThat(values.keySet()).contains("SdkVersion", "PureUrl", "OriginalUrl", "MatchedConfig");
	}

	@Test
	void evaluateWhenDebugTokenValidThenAlsoAcceptedAsQueueToken() {
		Decision decision = this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV16).build(),
				this.example);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.QUEUE);
		assertThat(Decisions.storedValue(decision)).contains("&RedirectType=debug&");
	}

	@Test
	void evaluateWhenNoDebugTokenThenNoDiagnosticsCookie() {
		Decision decision = this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV03).build(),
				this.example);
		assertThat(decision.cookies()).extracting(CookieInstruction::name).doesNotContain("queueitdebug");
	}

	@Test
	void evaluateWhenDebugTokenAndNoMatchThenDiagnosticsCookieSaysNull() {
		Decision decision = this.connector.evaluate(
				TestRequest.get("https://shop.example.com/about?queueittoken=" + Vectors.TV16).build(), this.example);
		Decisions.proceed(decision);
		assertThat(decision.result()).isEqualTo(ValidationResult.NO_MATCH);
		assertThat(debugValues(decision)).containsEntry("MatchedConfig", "NULL");
	}

	@Test
	void evaluateWhenDebugTokenForAnotherEventThenEventIdErrorAndDiagnosticsCookie() {
		String token = TokenMaker.queueToken("wintersale", Vectors.TS, "debug").signed();
		Decision decision = this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + token).build(),
				this.example);
		assertThat(Decisions.redirect(decision).location())
			.startsWith("https://ticketania.queue-it.net/error/eventid/?c=ticketania&e=summersale&");
		assertThat(debugCookie(decision)).isNotNull();
	}

	@Test
	void evaluateWhenDebugTokenExpiredThenTimestampDiagnosticsBeforeAnyMatching() {
		Decision decision = this.connector.evaluate(
				TestRequest.get("https://shop.example.com/about?queueittoken=" + Vectors.TV16_EXPIRED).build(),
				this.example);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.TV16_TIMESTAMP_URL);
		assertThat(decision.result()).isEqualTo(new ValidationResult(ResultType.CONNECTOR_DIAGNOSTICS_REDIRECT, null,
				null, null, null, Vectors.TV16_TIMESTAMP_URL, false));
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void evaluateWhenDebugTokenSignedWithAnotherSecretThenHashDiagnostics() {
		String token = TokenMaker.queueToken(Vectors.EVENT, Vectors.TS, "debug").secret("another").signed();
		Decision decision = this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + token).build(),
				this.example);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.TV16_HASH_URL);
	}

	@Test
	void evaluateWhenDebugTokenHasBadHashAndIsExpiredThenHashIsReportedFirst() {
		String token = Vectors.TV16_EXPIRED.replace("ce_true", "ce_false");
		Decision decision = this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + token).build(),
				this.example);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.TV16_HASH_URL);
	}

	@Test
	void evaluateWhenRedirectTypeIsDebugInOtherCaseThenOrdinaryTokenHandling() {
		String token = TokenMaker.queueToken(Vectors.EVENT, 1600000000L, "Debug").signed();
		Decision decision = this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + token).build(),
				this.example);
		assertThat(Decisions.redirect(decision).location())
			.startsWith("https://ticketania.queue-it.net/error/timestamp/?");
		assertThat(decision.cookies()).extracting(CookieInstruction::name).doesNotContain("queueitdebug");
	}

	@Test
	void queueWhenLocalConfigAndExpiredDebugTokenThenTimestampDiagnostics() {
		Decision decision = this.connector.queue(
				TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV16_EXPIRED).build(),
				QueueEventConfig.of(Vectors.EVENT, Vectors.QUEUE_DOMAIN));
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.TV16_TIMESTAMP_URL);
	}

	@Test
	void cancelWhenLocalConfigAndExpiredDebugTokenThenTimestampDiagnostics() {
		Decision decision = this.connector.cancel(
				TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV16_EXPIRED).build(),
				CancelEventConfig.of(Vectors.EVENT, Vectors.QUEUE_DOMAIN));
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.TV16_TIMESTAMP_URL);
	}

	@Test
	void cancelWhenLocalConfigAndValidDebugTokenThenDiagnosticsCookieDescribesTheCancelConfig() {
		Decision decision = this.connector.cancel(TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV16).build(),
				CancelEventConfig.of(Vectors.EVENT, Vectors.QUEUE_DOMAIN));
		assertThat(debugValues(decision).get("CancelConfig"))
			.isEqualTo("EventId:summersale&Version:-1&QueueDomain:ticketania.queue-it.net&CookieDomain:null"
					+ "&IsCookieHttpOnly:false&IsCookieSecure:false&ActionName:unspecified");
	}

	@Test
	void failureUrlWhenChecksPassThenNull() {
		assertThat(Diagnostics.failureUrl(Vectors.CUSTOMER, Vectors.SECRET, true, false)).isNull();
		assertThat(Diagnostics.failureUrl(Vectors.CUSTOMER, Vectors.SECRET, false, true))
			.isEqualTo(Vectors.TV16_HASH_URL);
		assertThat(Diagnostics.failureUrl(Vectors.CUSTOMER, Vectors.SECRET, true, true))
			.isEqualTo(Vectors.TV16_TIMESTAMP_URL);
	}

}

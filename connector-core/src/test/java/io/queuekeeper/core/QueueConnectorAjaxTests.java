package io.queuekeeper.core;

import java.util.ArrayList;
import java.util.List;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.http.ConnectorRequest;
import io.queuekeeper.core.testing.ConfigJson;
import io.queuekeeper.core.testing.Decisions;
import io.queuekeeper.core.testing.Encoding;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.Vectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.queuekeeper.core.testing.ConfigJson.pathContains;
import static io.queuekeeper.core.testing.Vectors.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * AJAX mode (spec 7): calls from Queue-it's client script carry the page URL in
 * {@code x-queueit-ajaxpageurl} and get an empty 200 with {@code x-queueit-redirect}.
 */
class QueueConnectorAjaxTests {

	private static final String API = "https://shop.example.com/api/products/42";

	private static final String PAGE_HEADER = "https%3A%2F%2Fshop.example.com%2Fproducts%2F42%3Fcolor%3Dred";

	private static final String ENCODED_PAGE = "https%3A%2F%2Fshop.example.com%2Fproducts%2F42%3Fcolor%3Dred";

	private static final String ENCODED_API = "https%3A%2F%2Fshop.example.com%2Fapi%2Fproducts%2F42";

	private static final String QUEUE_PREFIX = Vectors
		.withOurVersion("https://ticketania.queue-it.net/?c=ticketania&e=summersale&ver=v3-java-3.7.0&cver=7&man=Sale");

	private final IntegrationConfig config = ConfigJson.config()
		.integration(ConfigJson.queue("Sale").and(pathContains("/api/products")))
		.integration(ConfigJson.queue("Forced")
			.set("RedirectLogic", "ForcedTargetUrl")
			.set("ForcedTargetUrl", "https://shop.example.com/basket")
			.and(pathContains("/api/forced")))
		.integration(ConfigJson.cancel("Leave").and(pathContains("/api/logout")))
		.integration(ConfigJson.ignore("Bypass").and(pathContains("/api/static")))
		.parse();

	private final QueueConnector connector = Vectors.connectorAt(NOW);

	private Decision ajax(String url, String pageHeader) {
		return this.connector.evaluate(TestRequest.get(url).header("x-queueit-ajaxpageurl", pageHeader).build(),
				this.config);
	}

	@Test
	void evaluateWhenAjaxHeaderPresentThenAjaxRedirectWithEncodedLocationHeader() {
		Decision decision = ajax(API, PAGE_HEADER);
		Decision.AjaxRedirect redirect = Decisions.ajaxRedirect(decision);
		String expected = QUEUE_PREFIX + "&t=" + ENCODED_PAGE;
		assertThat(redirect.location()).isEqualTo(expected);
		assertThat(Decisions.header(decision, "x-queueit-redirect")).isEqualTo(Encoding.form(expected));
		assertThat(Decisions.header(decision, "Access-Control-Expose-Headers")).isEqualTo("x-queueit-redirect");
		assertThat(Decisions.header(decision, "Location")).isNull();
		assertThat(Decision.AjaxRedirect.STATUS).isEqualTo(200);
		assertThat(Decision.AjaxRedirect.REDIRECT_HEADER).isEqualTo("x-queueit-redirect");
	}

	@Test
	void evaluateWhenAjaxHeaderNameInOtherCaseThenStillAjax() {
		Decision decision = this.connector
			.evaluate(TestRequest.get(API).header("X-QueueIT-AjaxPageUrl", PAGE_HEADER).build(), this.config);
		Decisions.ajaxRedirect(decision);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t" })
	void evaluateWhenAjaxHeaderBlankThenOrdinaryRedirect(String value) {
		Decision decision = ajax(API, value);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(QUEUE_PREFIX + "&t=" + ENCODED_API);
	}

	@Test
	void evaluateWhenOnlyThePageUrlMatchesATriggerThenNoMatch() {
		Decision decision = ajax("https://shop.example.com/other", "https%3A%2F%2Fshop.example.com%2Fapi%2Fproducts");
		Decisions.proceed(decision);
		assertThat(decision.result()).isEqualTo(ValidationResult.NO_MATCH);
	}

	@Test
	void evaluateWhenPageUrlHasPlusThenDecodedAsSpaceLikeUrlDecoder() {
		Decision decision = ajax(API, "https%3A%2F%2Fshop.example.com%2Fsearch%3Fq%3Da+b");
		assertThat(Decisions.ajaxRedirect(decision).location())
			.isEqualTo(QUEUE_PREFIX + "&t=https%3A%2F%2Fshop.example.com%2Fsearch%3Fq%3Da%20b");
	}

	@Test
	void evaluateWhenPageUrlIsNotEncodedThenUsedAsIs() {
		Decision decision = ajax(API, "https://shop.example.com/products/42?color=red");
		assertThat(Decisions.ajaxRedirect(decision).location()).isEqualTo(QUEUE_PREFIX + "&t=" + ENCODED_PAGE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "%", "%ZZ", "https%3A%2F%2Fshop.example.com%2Fp%E", "%C3%28" })
	void evaluateWhenPageUrlHasMalformedPercentSequenceThenNoException(String header) {
		assertThatNoException().isThrownBy(() -> ajax(API, header));
		Decisions.ajaxRedirect(ajax(API, header));
	}

	@Test
	void evaluateWhenPageUrlHasMalformedPercentSequenceThenKeptLiterallyInTheTarget() {
		Decision decision = ajax(API, "https%3A%2F%2Fshop.example.com%2Fp%ZZ");
		assertThat(Decisions.ajaxRedirect(decision).location())
			.isEqualTo(QUEUE_PREFIX + "&t=https%3A%2F%2Fshop.example.com%2Fp%25ZZ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "%2Fproducts%2F42", "javascript%3Aalert(1)", "ftp%3A%2F%2Fshop.example.com%2F", "x", "%ZZ",
			"https%3A%2F%2F" })
	void evaluateWhenPageUrlIsNotAnAbsoluteHttpUrlThenTheRequestUrlIsTheTarget(String header) {
		Decision decision = ajax(API, header);
		assertThat(Decisions.ajaxRedirect(decision).location()).isEqualTo(QUEUE_PREFIX + "&t=" + ENCODED_API);
	}

	@Test
	void evaluateWhenForcedTargetThenPageUrlIgnoredButStillAjax() {
		Decision decision = ajax("https://shop.example.com/api/forced", PAGE_HEADER);
		assertThat(Decisions.ajaxRedirect(decision).location()).isEqualTo(Vectors.withOurVersion(
				"https://ticketania.queue-it.net/?c=ticketania&e=summersale&ver=v3-java-3.7.0&cver=7&man=Forced"
						+ "&t=https%3A%2F%2Fshop.example.com%2Fbasket"));
	}

	@Test
	void evaluateWhenBadTokenInAjaxCallThenErrorUrlAsAjaxRedirectWithThePageTarget() {
		Decision decision = ajax(API + "?queueittoken=" + Vectors.TV05, PAGE_HEADER);
		assertThat(Decisions.ajaxRedirect(decision).location()).isEqualTo(Vectors.withOurVersion(
				"https://ticketania.queue-it.net/error/hash/?c=ticketania&e=summersale&ver=v3-java-3.7.0&cver=7&man=Sale"
						+ "&queueittoken=" + Vectors.TV05 + "&ts=" + NOW + "&t=" + ENCODED_PAGE));
	}

	@Test
	void evaluateWhenCancelWithValidCookieInAjaxCallThenAjaxRedirectWithPageAsR() {
		Decision decision = this.connector.evaluate(TestRequest.get("https://shop.example.com/api/logout")
			.header("x-queueit-ajaxpageurl", "https%3A%2F%2Fshop.example.com%2Flogout")
			.cookie(Vectors.COOKIE_NAME, Vectors.TV14)
			.build(), this.config);
		assertThat(Decisions.ajaxRedirect(decision).location())
			.isEqualTo(Vectors.withOurVersion("https://ticketania.queue-it.net/cancel/ticketania/summersale/"
					+ Vectors.QID + "?c=ticketania&e=summersale&ver=v3-java-3.7.0&cver=7&man=Leave"
					+ "&r=https%3A%2F%2Fshop.example.com%2Flogout"));
		Decisions.clearedCookie(decision);
	}

	@Test
	void evaluateWhenValidTokenInAjaxCallThenTokenStrippedWithAnOrdinaryRedirect() {
		Decision decision = ajax(API + "?queueittoken=" + Vectors.TV03, PAGE_HEADER);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(API);
		assertThat(decision.result().ajax()).isTrue();
		assertThat(decision.result().redirectUrl()).isNull();
		assertThat(Decisions.storedValue(decision)).isEqualTo(Vectors.TV12);
	}

	@Test
	void evaluateWhenValidCookieInAjaxCallThenProceedMarkedAjax() {
		Decision decision = this.connector.evaluate(TestRequest.get(API)
			.header("x-queueit-ajaxpageurl", PAGE_HEADER)
			.cookie(Vectors.COOKIE_NAME, Vectors.TV14)
			.build(), this.config);
		Decisions.proceed(decision);
		assertThat(decision.result().ajax()).isTrue();
		assertThat(decision.headers()).isEmpty();
	}

	@Test
	void evaluateWhenIgnoreInAjaxCallThenProceedWithoutHeaders() {
		Decision decision = ajax("https://shop.example.com/api/static/x.js", PAGE_HEADER);
		Decisions.proceed(decision);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.IGNORE);
		assertThat(decision.headers()).isEmpty();
	}

	@Test
	void evaluateWhenNoMatchInAjaxCallThenResultNotMarkedAjax() {
		Decision decision = ajax("https://shop.example.com/elsewhere", PAGE_HEADER);
		assertThat(decision.result()).isEqualTo(ValidationResult.NO_MATCH);
		assertThat(decision.result().ajax()).isFalse();
	}

	@Test
	void evaluateWhenExpiredDebugTokenInAjaxCallThenDiagnosticsRedirectIsNeverAjax() {
		Decision decision = ajax(API + "?queueittoken=" + Vectors.TV16_EXPIRED, PAGE_HEADER);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.TV16_TIMESTAMP_URL);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.CONNECTOR_DIAGNOSTICS_REDIRECT);
	}

	@Test
	void evaluateWhenLocalQueueConfigInAjaxCallThenAjaxRedirectWithPageTarget() {
		Decision decision = this.connector.queue(
				TestRequest.get(API).header("x-queueit-ajaxpageurl", PAGE_HEADER).build(),
				QueueEventConfig.of(Vectors.EVENT, Vectors.QUEUE_DOMAIN));
		assertThat(Decisions.ajaxRedirect(decision).location()).endsWith("&cver=-1&man=unspecified&t=" + ENCODED_PAGE);
	}

	@Test
	void evaluateWhenNoIntegrationMatchesThenAjaxHeaderIsNotRead() {
		List<String> read = new ArrayList<>();
		Decision decision = this.connector.evaluate(recordingHeaders(
				TestRequest.get("https://shop.example.com/home").header("x-queueit-ajaxpageurl", PAGE_HEADER).build(),
				read), this.config);
		assertThat(decision.result()).isSameAs(ValidationResult.NO_MATCH);
		assertThat(read).doesNotContain("x-queueit-ajaxpageurl");
	}

	@Test
	void evaluateWhenIntegrationMatchesThenAjaxHeaderIsReadOnce() {
		List<String> read = new ArrayList<>();
		Decision decision = this.connector.evaluate(
				recordingHeaders(TestRequest.get(API).header("x-queueit-ajaxpageurl", PAGE_HEADER).build(), read),
				this.config);
		Decisions.ajaxRedirect(decision);
		assertThat(read).containsOnlyOnce("x-queueit-ajaxpageurl");
	}

	/**
	 * The request, recording the name of each header the engine asks for.
	 */
	private static ConnectorRequest recordingHeaders(ConnectorRequest request, List<String> read) {
		return new ConnectorRequest() {

			@Override
			public String method() {
				return request.method();
			}

			@Override
			public String url() {
				return request.url();
			}

			@Override
			public @Nullable String header(String name) {
				read.add(name);
				return request.header(name);
			}

			@Override
			public @Nullable String cookie(String name) {
				return request.cookie(name);
			}

		};
	}

}

package io.queuekeeper.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.testing.ConfigJson;
import io.queuekeeper.core.testing.CookieMaker;
import io.queuekeeper.core.testing.Decisions;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.TokenMaker;
import io.queuekeeper.core.testing.Vectors;
import org.junit.jupiter.api.Test;

import static io.queuekeeper.core.testing.Vectors.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The known-answer vectors of spec section 13, run through the whole engine with the spec
 * 5.7 example config ("Summer Sale (main)" protects {@code /products}).
 */
class QueueConnectorKnownAnswerTests {

	private static final String PRODUCTS = "https://shop.example.com/products?id=42&color=red~blue";

	private final IntegrationConfig example = ConfigJson.example();

	private final QueueConnector connector = Vectors.connectorAt(NOW);

	private Decision products(String token) {
		return this.connector.evaluate(TestRequest.get(PRODUCTS + "&queueittoken=" + token).build(), this.example);
	}

	@Test
	void sdkVersionWhenReportedThenStartsWithTheJavaPrefixTheSuiteRequires() {
		assertThat(QueueConnector.SDK_VERSION).startsWith("v3-java-");
	}

	@Test
	void evaluateWhenTv03TokenThenAcceptedAndTv12CookieStored() {
		Decision decision = products(Vectors.TV03);
		Decision.Redirect redirect = Decisions.redirect(decision);
		assertThat(redirect.location()).isEqualTo(PRODUCTS);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.QUEUE);
		assertThat(decision.result().queueId()).isEqualTo(Vectors.QID);
		assertThat(decision.result().redirectType()).isEqualTo("queue");
		assertThat(decision.result().redirectUrl()).isNull();
		assertThat(Decisions.storedValue(decision)).isEqualTo(Vectors.TV12).doesNotContain("FixedValidityMins");
		assertThat(Decisions.sessionCookies(decision).get(0).value()).isEqualTo(Vectors.TV14);
	}

	@Test
	void evaluateWhenTv04TokenThenCookieCarriesFixedValidityMinsAsTv13() {
		Decision decision = products(Vectors.TV04);
		Decisions.redirect(decision);
		assertThat(Decisions.storedValue(decision)).isEqualTo(Vectors.TV13).contains("&FixedValidityMins=20&");
		assertThat(Decisions.sessionCookies(decision).get(0).value()).isEqualTo(Vectors.TV13_WIRE);
		assertThat(decision.result().redirectType()).isEqualTo("safetynet");
	}

	@Test
	void evaluateWhenTv05TamperedTokenThenTv10HashErrorUrl() {
		Decision decision = products(Vectors.TV05);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.withOurVersion(Vectors.TV10));
		assertThat(decision.result().actionType()).isEqualTo(ResultType.QUEUE);
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void evaluateWhenTv06UpperCaseHashThenAccepted() {
		Decision decision = products(Vectors.TV06);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(PRODUCTS);
		assertThat(Decisions.storedValue(decision)).isEqualTo(Vectors.TV12);
	}

	@Test
	void evaluateWhenTv07EventInOtherCaseThenAcceptedAndCookieUsesTheConfiguredEvent() {
		Decision decision = products(Vectors.TV07);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(PRODUCTS);
		assertThat(Decisions.storedValue(decision)).isEqualTo(Vectors.TV12);
	}

	@Test
	void evaluateWhenTv08ExpiredTokenThenTimestampErrorUrl() {
		Decision decision = products(Vectors.TV08);
		String expected = Vectors.withOurVersion(Vectors.TV10.replace("/error/hash/", "/error/timestamp/")
			.replace("queueittoken=" + Vectors.TV05, "queueittoken=" + Vectors.TV08));
		assertThat(Decisions.redirect(decision).location()).isEqualTo(expected);
	}

	@Test
	void evaluateWhenNoTokenThenTv09QueueUrl() {
		Decision decision = this.connector.evaluate(TestRequest.get(PRODUCTS).build(), this.example);
		String expected = Vectors.withOurVersion(Vectors.TV09);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(expected);
		assertThat(decision.result().redirectUrl()).isEqualTo(expected);
		assertThat(decision.result().actionName()).isEqualTo("Summer Sale (main)");
		assertThat(decision.result().eventId()).isEqualTo(Vectors.EVENT);
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void evaluateWhenTv11CancelWithValidCookieThenCancelUrlAndClearCookie() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.cancel("Cancel Action").or(ConfigJson.pathContains("/cancel")))
			.parse();
		Decision decision = this.connector.evaluate(TestRequest.get("https://shop.example.com/cancel?x=1")
			.cookie(Vectors.COOKIE_NAME, Vectors.TV14)
			.build(), config);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.withOurVersion(Vectors.TV11));
		assertThat(decision.result().actionType()).isEqualTo(ResultType.CANCEL);
		assertThat(decision.result().queueId()).isEqualTo(Vectors.QID);
		CookieInstruction cleared = Decisions.clearedCookie(decision);
		assertThat(cleared.domain()).isNull();
	}

	@Test
	void evaluateWhenTv12CookieExactlyAtExpiryThenValidAndOneSecondLaterInvalid() {
		QueueEventConfig tenMinutes = new QueueEventConfig(Vectors.EVENT, Vectors.QUEUE_DOMAIN, null, false, false, 10,
				false, null, null, -1, "unspecified");
		TestRequest request = TestRequest.get("https://shop.example.com/products/42")
			.cookie(Vectors.COOKIE_NAME, Vectors.TV14)
			.build();
		Decision atExpiry = Vectors.connectorAt(NOW + 600).queue(request, tenMinutes);
		Decisions.proceed(atExpiry);
		assertThat(atExpiry.result().queueId()).isEqualTo(Vectors.QID);
		assertThat(atExpiry.cookies()).isEmpty();
		Decision afterExpiry = Vectors.connectorAt(NOW + 601).queue(request, tenMinutes);
		Decisions.redirect(afterExpiry);
		Decisions.clearedCookie(afterExpiry);
	}

	@Test
	void evaluateWhenTv13CookieThenValidUntilItsFixedValidityAndNeverExtended() {
		QueueEventConfig tenMinutesExtended = new QueueEventConfig(Vectors.EVENT, Vectors.QUEUE_DOMAIN, null, false,
				false, 10, true, null, null, -1, "unspecified");
		TestRequest request = TestRequest.get("https://shop.example.com/products/42")
			.cookie(Vectors.COOKIE_NAME, Vectors.TV13_WIRE)
			.build();
		Decision atExpiry = Vectors.connectorAt(NOW + 1200).queue(request, tenMinutesExtended);
		Decisions.proceed(atExpiry);
		assertThat(atExpiry.result().redirectType()).isEqualTo("safetynet");
		assertThat(atExpiry.cookies()).isEmpty();
		Decision afterExpiry = Vectors.connectorAt(NOW + 1201).queue(request, tenMinutesExtended);
		Decisions.redirect(afterExpiry);
		Decisions.clearedCookie(afterExpiry);
	}

	@Test
	void evaluateWhenTv15AjaxRequestThenHeaderCarriesTheUrlEncodedQueueUrl() {
		TestRequest request = TestRequest.get("https://shop.example.com/api/products/42")
			.header("x-queueit-ajaxpageurl", "https%3A%2F%2Fshop.example.com%2Fproducts%3Fid%3D42%26color%3Dred%7Eblue")
			.build();
		Decision decision = this.connector.evaluate(request, this.example);
		Decision.AjaxRedirect ajax = Decisions.ajaxRedirect(decision);
		assertThat(ajax.location()).isEqualTo(Vectors.withOurVersion(Vectors.TV09));
		assertThat(Decisions.header(decision, "x-queueit-redirect"))
			.isEqualTo(Vectors.withOurVersionFormEncoded(Vectors.TV15));
	}

	@Test
	void evaluateWhenTv16DebugTokenThenDiagnosticsOnAndTokenAccepted() {
		Decision decision = products(Vectors.TV16);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(PRODUCTS);
		assertThat(decision.result().redirectType()).isEqualTo("debug");
		String stored = Decisions.storedValue(decision);
		assertThat(stored).isEqualTo(CookieMaker.cookie().redirectType("debug").value())
			.isEqualTo("EventId=summersale&QueueId=7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e&RedirectType=debug"
					+ "&IssueTime=1700000000&Hash=2e761a4458604d5c3d368a5b8fcccf1ef247bd2ee6e0979367577b07827b4aac");
		CookieInstruction debug = decision.cookies()
			.stream()
			.filter((cookie) -> cookie.name().equals("queueitdebug"))
			.findFirst()
			.orElseThrow();
		assertThat(URLDecoder.decode(debug.value(), StandardCharsets.UTF_8)).contains("QueueitToken=" + Vectors.TV16);
	}

	@Test
	void evaluateWhenTv16ExpiredDebugTokenThenDiagnosticsTimestampUrl() {
		Decision decision = products(Vectors.TV16_EXPIRED);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.TV16_TIMESTAMP_URL);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.CONNECTOR_DIAGNOSTICS_REDIRECT);
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void evaluateWhenTv16DebugTokenWithBadHashThenDiagnosticsHashUrl() {
		Decision decision = products(Vectors.TV16.replace("ce_true", "ce_false"));
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.TV16_HASH_URL);
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void failureUrlWhenTv16SecretIsBlankThenDiagnosticsSetupUrl() {
		assertThat(Diagnostics.failureUrl(Vectors.CUSTOMER, "", true, false)).isEqualTo(Vectors.TV16_SETUP_URL);
		assertThat(Diagnostics.failureUrl(" ", Vectors.SECRET, true, false)).isEqualTo(Vectors.TV16_SETUP_URL);
	}

	@Test
	void evaluateWhenTv17TokenInTheMiddleThenStrippedAndOtherParametersKeptInOrder() {
		Decision decision = this.connector.evaluate(
				TestRequest.get("https://shop.example.com/products?a=1&queueittoken=" + Vectors.TV03 + "&b=2").build(),
				this.example);
		assertThat(Decisions.redirect(decision).location()).isEqualTo("https://shop.example.com/products?a=1&b=2");
	}

	@Test
	void evaluateWhenTv17TokenFirstThenQuestionMarkKept() {
		Decision decision = this.connector.evaluate(
				TestRequest.get("https://shop.example.com/products?queueittoken=" + Vectors.TV03 + "&b=2").build(),
				this.example);
		assertThat(Decisions.redirect(decision).location()).isEqualTo("https://shop.example.com/products?b=2");
	}

	@Test
	void evaluateWhenTv17TokenAloneThenQuestionMarkDropped() {
		Decision decision = this.connector.evaluate(
				TestRequest.get("https://shop.example.com/products?queueittoken=" + Vectors.TV03).build(),
				this.example);
		assertThat(Decisions.redirect(decision).location()).isEqualTo("https://shop.example.com/products");
	}

	@Test
	void evaluateWhenTv18CharactersInNameAndTargetThenJavaEncoder() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.queue(Vectors.TV18_INPUT).and(ConfigJson.pathContains("/p")))
			.parse();
		Decision decision = this.connector.evaluate(TestRequest.get("https://shop.example.com/p").build(), config);
		assertThat(Decisions.redirect(decision).location()).contains("&man=" + Vectors.TV18_JAVA + "&t=");
	}

	@Test
	void evaluateWhenTv22TokenWithoutQueueIdThenCookieWithEmptyQueueIdThatStaysValid() {
		String token = TokenMaker.token()
			.with("e", Vectors.EVENT)
			.with("ts", "1893456000")
			.with("ce", "true")
			.with("rt", "safetynet")
			.signed();
		assertThat(token).isEqualTo("e_summersale~ts_1893456000~ce_true~rt_safetynet"
				+ "~h_d30478c5dd64641556be71aef29144923fd18aec2b08e35e13477312dc5e4257");
		Decision first = products(token);
		Decisions.redirect(first);
		assertThat(first.result().queueId()).isEmpty();
		String stored = Decisions.storedValue(first);
		assertThat(stored).isEqualTo("EventId=summersale&QueueId=&RedirectType=safetynet&IssueTime=1700000000"
				+ "&Hash=a35a4476f562136712300e0795b2b8d2cc785f8927159ba36836365018fe43b1");

		String wire = Decisions.sessionCookies(first).get(0).value();
		Decision next = Vectors.connectorAt(NOW + 60)
			.evaluate(TestRequest.get(PRODUCTS).cookie(Vectors.COOKIE_NAME, wire).build(), this.example);
		Decisions.proceed(next);
		assertThat(next.result().actionType()).isEqualTo(ResultType.QUEUE);
		assertThat(next.result().redirectType()).isEqualTo("safetynet");
		assertThat(Decisions.storedValue(next))
			.isEqualTo(CookieMaker.cookie().queueId("").redirectType("safetynet").issueTime(NOW + 60).value());
	}

}

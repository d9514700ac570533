package io.queuekeeper.core;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.testing.ConfigJson;
import io.queuekeeper.core.testing.CookieMaker;
import io.queuekeeper.core.testing.Decisions;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.TokenMaker;
import io.queuekeeper.core.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.queuekeeper.core.testing.ConfigJson.pathContains;
import static io.queuekeeper.core.testing.Vectors.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the engine treats each state of a {@code queueittoken} (spec 1, 2 and 4.3), with a
 * Queue integration "Sale" on {@code /products}, config version 7.
 */
class QueueConnectorTokenTests {

	private static final String PAGE = "https://shop.example.com/products/42";

	private static final String ENCODED_PAGE = "https%3A%2F%2Fshop.example.com%2Fproducts%2F42";

	private static final String PREFIX = "c=ticketania&e=summersale&ver=" + Vectors.REFERENCE_VERSION
			+ "&cver=7&man=Sale";

	private final IntegrationConfig config = ConfigJson.config()
		.integration(ConfigJson.queue("Sale").and(pathContains("/products")))
		.integration(ConfigJson.ignore("Static").and(pathContains("/static")))
		.integration(ConfigJson.cancel("Logout").and(pathContains("/logout")))
		.parse();

	private final QueueConnector connector = Vectors.connectorAt(NOW);

	private static String queueUrl() {
		return Vectors.withOurVersion("https://ticketania.queue-it.net/?" + PREFIX + "&t=" + ENCODED_PAGE);
	}

	private static String errorUrl(String code, String echoedToken) {
		return Vectors.withOurVersion("https://ticketania.queue-it.net/error/" + code + "/?" + PREFIX + "&queueittoken="
				+ echoedToken + "&ts=" + NOW + "&t=" + ENCODED_PAGE);
	}

	private Decision withToken(String rawToken) {
		return this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + rawToken).build(), this.config);
	}

	@Test
	void evaluateWhenValidTokenThenCookieStoredAndRedirectToTheUrlWithoutToken() {
		Decision decision = withToken(Vectors.TV03);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(PAGE);
		assertThat(Decisions.storedValue(decision)).isEqualTo(Vectors.TV12);
		assertThat(decision.result().actionName()).isEqualTo("Sale");
	}

	@Test
	void evaluateWhenExpiredTokenThenTimestampErrorUrl() {
		Decision decision = withToken(Vectors.TV08);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(errorUrl("timestamp", Vectors.TV08));
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void evaluateWhenTokenExpiresThisSecondThenValid() {
		String token = TokenMaker.queueToken(Vectors.EVENT, NOW, "queue").signed();
		Decision decision = withToken(token);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(PAGE);
		assertThat(Decisions.sessionCookies(decision)).hasSize(1);
	}

	@Test
	void evaluateWhenTokenExpiredOneSecondAgoThenTimestampError() {
		String token = TokenMaker.queueToken(Vectors.EVENT, NOW - 1, "queue").signed();
		assertThat(Decisions.redirect(withToken(token)).location()).isEqualTo(errorUrl("timestamp", token));
	}

	@Test
	void evaluateWhenTokenForAnotherEventThenEventIdErrorUrl() {
		String token = TokenMaker.queueToken("wintersale", Vectors.TS, "queue").signed();
		assertThat(Decisions.redirect(withToken(token)).location()).isEqualTo(errorUrl("eventid", token));
	}

	@Test
	void evaluateWhenTokenEventInOtherCaseThenValid() {
		Decision decision = withToken(Vectors.TV07);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(PAGE);
		assertThat(Decisions.storedValue(decision)).startsWith("EventId=summersale&");
	}

	@Test
	void evaluateWhenTokenHashDoesNotMatchThenHashErrorUrlEchoingTheToken() {
		assertThat(Decisions.redirect(withToken(Vectors.TV05)).location()).isEqualTo(errorUrl("hash", Vectors.TV05));
	}

	@Test
	void evaluateWhenTokenHashInUpperCaseThenValid() {
		Decision decision = withToken(Vectors.TV06);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(PAGE);
		assertThat(Decisions.storedValue(decision)).isEqualTo(Vectors.TV12);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "~~~", "e_", "h_x", "e_summersale", "e_summersale~q_x~ts_9999999999~h_" })
	void evaluateWhenTokenIsGarbageThenHashErrorUrl(String token) {
		Decision decision = withToken(token);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(errorUrl("hash", token));
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void evaluateWhenTokenParameterIsEmptyThenTreatedAsNoToken() {
		Decision decision = withToken("");
		assertThat(Decisions.redirect(decision).location()).isEqualTo(queueUrl());
	}

	@Test
	void evaluateWhenTokenIsPercentEncodedInTheUrlThenDecodedBeforeUse() {
		Decision upper = withToken(Vectors.TV03.replace("~", "%7E"));
		assertThat(Decisions.redirect(upper).location()).isEqualTo(PAGE);
		assertThat(Decisions.storedValue(upper)).isEqualTo(Vectors.TV12);
		Decision lower = withToken(Vectors.TV03.replace("~", "%7e").replace("_", "%5F"));
		assertThat(Decisions.storedValue(lower)).isEqualTo(Vectors.TV12);
	}

	@Test
	void evaluateWhenTokenParameterNameInOtherCaseThenNotReadButStillStripped() {
		Decision decision = this.connector.evaluate(TestRequest.get(PAGE + "?QueueItToken=" + Vectors.TV03).build(),
				this.config);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(queueUrl());
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void evaluateWhenTokenBetweenOtherParametersThenTargetKeepsThemWithoutTheToken() {
		Decision decision = this.connector
			.evaluate(TestRequest.get(PAGE + "?a=1&queueittoken=" + Vectors.TV05 + "&b=%2F").build(), this.config);
		assertThat(Decisions.redirect(decision).location()).endsWith("&queueittoken=" + Vectors.TV05 + "&ts=" + NOW
				+ "&t=https%3A%2F%2Fshop.example.com%2Fproducts%2F42" + "%3Fa%3D1%26b%3D%252F");
	}

	@Test
	void evaluateWhenValidTokenAmongOtherParametersThenStripRedirectKeepsThem() {
		Decision decision = this.connector
			.evaluate(TestRequest.get(PAGE + "?a=1&queueittoken=" + Vectors.TV03 + "&b=%2F").build(), this.config);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(PAGE + "?a=1&b=%2F");
	}

	@Test
	void evaluateWhenValidCookieAndInvalidTokenThenCookieWinsAndTokenIsStripped() {
		String cookie = CookieMaker.cookie().issueTime(NOW - 60).wire();
		Decision decision = this.connector.evaluate(
				TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV05).cookie(Vectors.COOKIE_NAME, cookie).build(),
				this.config);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(PAGE);
		assertThat(decision.result().redirectUrl()).isNull();
		assertThat(Decisions.storedValue(decision)).isEqualTo(Vectors.TV12);
	}

	@Test
	void evaluateWhenInvalidCookieAndValidTokenThenNewCookieStoredWithoutClear() {
		String tampered = CookieMaker.cookie().signNow().queueId("someone-else").wire();
		Decision decision = this.connector.evaluate(
				TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV03).cookie(Vectors.COOKIE_NAME, tampered).build(),
				this.config);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(PAGE);
		assertThat(Decisions.storedValue(decision)).isEqualTo(Vectors.TV12);
		assertThat(decision.cookies()).noneMatch((cookie) -> cookie.isDeletion());
	}

	@Test
	void evaluateWhenInvalidCookieAndInvalidTokenThenErrorRedirectAndClear() {
		String tampered = CookieMaker.cookie().signNow().queueId("someone-else").wire();
		Decision decision = this.connector.evaluate(
				TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV08).cookie(Vectors.COOKIE_NAME, tampered).build(),
				this.config);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(errorUrl("timestamp", Vectors.TV08));
		Decisions.clearedCookie(decision);
	}

	@Test
	void evaluateWhenTokenOnAnIgnoredPageThenNotStripped() {
		Decision decision = this.connector.evaluate(
				TestRequest.get("https://shop.example.com/static/a.css?queueittoken=" + Vectors.TV03).build(),
				this.config);
		Decisions.proceed(decision);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.IGNORE);
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void evaluateWhenTokenOnACancelPageThenNotStripped() {
		Decision decision = this.connector.evaluate(
				TestRequest.get("https://shop.example.com/logout?queueittoken=" + Vectors.TV03).build(), this.config);
		Decisions.proceed(decision);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.CANCEL);
	}

	@Test
	void evaluateWhenTokenOnAnUnprotectedPageThenNoMatchAndNotStripped() {
		Decision decision = this.connector.evaluate(
				TestRequest.get("https://shop.example.com/about?queueittoken=" + Vectors.TV03).build(), this.config);
		Decisions.proceed(decision);
		assertThat(decision.result()).isEqualTo(ValidationResult.NO_MATCH);
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void evaluateWhenTriggerLooksAtTheUrlThenItSeesTheUrlWithoutToken() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.queue("Token page").and(ConfigJson.urlContains("queueittoken")))
			.parse();
		Decision decision = this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV03).build(),
				config);
		assertThat(decision.result()).isEqualTo(ValidationResult.NO_MATCH);
	}

}

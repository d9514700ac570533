package io.queuekeeper.core;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.testing.ConfigJson;
import io.queuekeeper.core.testing.CookieMaker;
import io.queuekeeper.core.testing.Decisions;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.Vectors;
import org.junit.jupiter.api.Test;

import static io.queuekeeper.core.testing.Vectors.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenarios S1 to S11 of spec 5.7, with the example config published there.
 */
class QueueConnectorExampleConfigTests {

	private static final String MAIN_QUEUE_PREFIX = "https://ticketania.queue-it.net/?c=ticketania&e=summersale&ver="
			+ Vectors.REFERENCE_VERSION
			+ "&cver=7&man=Summer%20Sale%20%28main%29&cid=en-US&l=Christmas%20Layout%20by%20Queue-it&t=";

	private final IntegrationConfig example = ConfigJson.example();

	private final QueueConnector connector = Vectors.connectorAt(NOW);

	/**
	 * A cookie issued a minute ago, so that an extension is visible as a new IssueTime.
	 */
	private final String minuteOldCookie = CookieMaker.cookie().issueTime(NOW - 60).wire();

	private Decision evaluate(TestRequest.Builder request) {
		return this.connector.evaluate(request.build(), this.example);
	}

	@Test
	void evaluateWhenS1StaticAssetThenIgnoredWithoutTouchingTheResponse() {
		Decision decision = evaluate(TestRequest.get("https://shop.example.com/static/app.css"));
		Decisions.proceed(decision);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.IGNORE);
		assertThat(decision.result().actionName()).isEqualTo("Static assets bypass");
		assertThat(decision.cookies()).isEmpty();
		assertThat(decision.headers()).isEmpty();
	}

	@Test
	void evaluateWhenS2ProductPageFromBrowserThenQueueRedirect() {
		Decision decision = evaluate(
				TestRequest.get("https://shop.example.com/products/42?color=red").header("User-Agent", "Mozilla/5.0"));
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors
			.withOurVersion(MAIN_QUEUE_PREFIX + "https%3A%2F%2Fshop.example.com%2Fproducts%2F42%3Fcolor%3Dred"));
		assertThat(decision.result().actionType()).isEqualTo(ResultType.QUEUE);
		assertThat(decision.result().actionName()).isEqualTo("Summer Sale (main)");
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void evaluateWhenS3GooglebotThenNoMatch() {
		Decision decision = evaluate(TestRequest.get("https://shop.example.com/products/42?color=red")
			.header("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
		Decisions.proceed(decision);
		assertThat(decision.result()).isEqualTo(ValidationResult.NO_MATCH);
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void evaluateWhenS4SaleChannelHeaderInOtherCaseThenSecondTriggerQueues() {
		Decision decision = evaluate(TestRequest.get("https://shop.example.com/").header("X-Sale-Channel", "APP"));
		assertThat(Decisions.redirect(decision).location())
			.isEqualTo(Vectors.withOurVersion(MAIN_QUEUE_PREFIX + "https%3A%2F%2Fshop.example.com%2F"));
	}

	@Test
	void evaluateWhenS5VipCookieThenQueue() {
		Decision decision = evaluate(TestRequest.get("https://shop.example.com/").cookie("vip", "1"));
		assertThat(Decisions.redirect(decision).location())
			.isEqualTo(Vectors.withOurVersion(MAIN_QUEUE_PREFIX + "https%3A%2F%2Fshop.example.com%2F"));
	}

	@Test
	void evaluateWhenS5VipCookieValueDiffersInCaseOrIsMissingThenNoMatch() {
		assertThat(evaluate(TestRequest.get("https://shop.example.com/").cookie("VIP", "1")).result())
			.isEqualTo(ValidationResult.NO_MATCH);
		assertThat(evaluate(TestRequest.get("https://shop.example.com/").cookie("vip", "10")).result())
			.isEqualTo(ValidationResult.NO_MATCH);
	}

	@Test
	void evaluateWhenS6CheckoutBodyThenForcedTargetWithoutCultureOrLayout() {
		TestRequest request = TestRequest.request("POST", "https://shop.example.com/api/checkout")
			.body("{\"sku\":\"SUMMER-001\",\"qty\":1}")
			.build();
		Decision decision = this.connector.evaluate(request, this.example);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.withOurVersion(
				"https://ticketania.queue-it.net/?c=ticketania&e=summersale&ver=v3-java-3.7.0&cver=7&man=Checkout%20API"
						+ "&t=https%3A%2F%2Fshop.example.com%2Fbasket"));
		assertThat(decision.result().actionName()).isEqualTo("Checkout API");
		assertThat(request.bodyReads()).isEqualTo(1);
	}

	@Test
	void evaluateWhenS6BodyDoesNotMatchThenNoMatch() {
		TestRequest request = TestRequest.request("POST", "https://shop.example.com/api/checkout")
			.body("{\"sku\":\"winter-001\"}")
			.build();
		assertThat(this.connector.evaluate(request, this.example).result()).isEqualTo(ValidationResult.NO_MATCH);
	}

	@Test
	void evaluateWhenNoBodyTriggerIsReachedThenTheBodyIsNeverRead() {
		TestRequest request = TestRequest.request("POST", "https://shop.example.com/products/42").body("x").build();
		Decision decision = this.connector.evaluate(request, this.example);
		assertThat(decision.result().actionName()).isEqualTo("Summer Sale (main)");
		assertThat(request.bodyReads()).isZero();
	}

	@Test
	void evaluateWhenS7LogoutWithoutCookieThenCancelWithoutRedirect() {
		Decision decision = evaluate(TestRequest.get("https://shop.example.com/logout"));
		Decisions.proceed(decision);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.CANCEL);
		assertThat(decision.result().actionName()).isEqualTo("Leave queue on logout");
		assertThat(decision.result().eventId()).isEqualTo(Vectors.EVENT);
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void evaluateWhenS8LogoutWithValidCookieThenCancelRedirectAndCookieCleared() {
		Decision decision = evaluate(
				TestRequest.get("https://shop.example.com/logout").cookie(Vectors.COOKIE_NAME, this.minuteOldCookie));
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.withOurVersion(
				"https://ticketania.queue-it.net/cancel/ticketania/summersale/7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e"
						+ "?c=ticketania&e=summersale&ver=v3-java-3.7.0&cver=7&man=Leave%20queue%20on%20logout"
						+ "&r=https%3A%2F%2Fshop.example.com%2Flogout"));
		assertThat(decision.result().queueId()).isEqualTo(Vectors.QID);
		assertThat(decision.result().redirectType()).isEqualTo("queue");
		CookieInstruction cleared = Decisions.clearedCookie(decision);
		assertThat(cleared.domain()).isEqualTo(".shop.example.com");
		assertThat(cleared.httpOnly()).isTrue();
		assertThat(cleared.secure()).isTrue();
	}

	@Test
	void evaluateWhenS9ProductPageWithValidCookieThenProceedAndCookieExtended() {
		Decision decision = evaluate(TestRequest.get("https://shop.example.com/products/42")
			.cookie(Vectors.COOKIE_NAME, this.minuteOldCookie));
		Decisions.proceed(decision);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.QUEUE);
		assertThat(decision.result().queueId()).isEqualTo(Vectors.QID);
		assertThat(Decisions.storedValue(decision)).isEqualTo(Vectors.TV12);
		CookieInstruction cookie = Decisions.sessionCookies(decision).get(0);
		assertThat(cookie.value()).isEqualTo(Vectors.TV14);
		assertThat(cookie.domain()).isEqualTo(".shop.example.com");
		assertThat(cookie.httpOnly()).isTrue();
		assertThat(cookie.secure()).isTrue();
	}

	@Test
	void evaluateWhenS10AjaxCallThenMatchedOnTheCallUrlAndTargetIsThePageUrl() {
		Decision decision = evaluate(TestRequest.get("https://shop.example.com/api/products/42")
			.header("x-queueit-ajaxpageurl", "https%3A%2F%2Fshop.example.com%2Fproducts%2F42%3Fcolor%3Dred"));
		Decision.AjaxRedirect ajax = Decisions.ajaxRedirect(decision);
		assertThat(ajax.location()).isEqualTo(Vectors
			.withOurVersion(MAIN_QUEUE_PREFIX + "https%3A%2F%2Fshop.example.com%2Fproducts%2F42%3Fcolor%3Dred"));
		assertThat(decision.result().actionName()).isEqualTo("Summer Sale (main)");
	}

	@Test
	void evaluateWhenS11ProductPageWithTv03TokenThenCookieStoredAndRedirectToThePureUrl() {
		Decision decision = evaluate(
				TestRequest.get("https://shop.example.com/products/42?queueittoken=" + Vectors.TV03));
		assertThat(Decisions.redirect(decision).location()).isEqualTo("https://shop.example.com/products/42");
		assertThat(decision.result().actionType()).isEqualTo(ResultType.QUEUE);
		assertThat(decision.result().redirectUrl()).isNull();
		assertThat(decision.result().queueId()).isEqualTo(Vectors.QID);
		assertThat(Decisions.storedValue(decision)).isEqualTo(Vectors.TV12);
		assertThat(Decisions.sessionCookies(decision).get(0).domain()).isEqualTo(".shop.example.com");
	}

}

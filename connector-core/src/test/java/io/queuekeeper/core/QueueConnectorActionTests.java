package io.queuekeeper.core;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.testing.ConfigJson;
import io.queuekeeper.core.testing.CookieMaker;
import io.queuekeeper.core.testing.Decisions;
import io.queuekeeper.core.testing.RecordingRequest;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.queuekeeper.core.testing.ConfigJson.pathContains;
import static io.queuekeeper.core.testing.Vectors.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Queue, Cancel and Ignore actions (spec 4 and 6) and how integrations are chosen.
 */
class QueueConnectorActionTests {

	private static final String PAGE = "https://shop.example.com/products/42?size=m";

	private static final String ENCODED_PAGE = "https%3A%2F%2Fshop.example.com%2Fproducts%2F42%3Fsize%3Dm";

	private static final String FORCED = "https://shop.example.com/landing?from=queue";

	private static final String ENCODED_FORCED = "https%3A%2F%2Fshop.example.com%2Flanding%3Ffrom%3Dqueue";

	private final QueueConnector connector = Vectors.connectorAt(NOW);

	private static String queuePrefix(String name) {
		return Vectors.withOurVersion("https://ticketania.queue-it.net/?c=ticketania&e=summersale&ver="
				+ Vectors.REFERENCE_VERSION + "&cver=7&man=" + name);
	}

	private static IntegrationConfig queueWithLogic(String redirectLogic) {
		return ConfigJson.config()
			.integration(ConfigJson.queue("Sale")
				.set("RedirectLogic", redirectLogic)
				.set("ForcedTargetUrl", FORCED)
				.and(pathContains("/products")))
			.parse();
	}

	private Decision page(IntegrationConfig config) {
		return this.connector.evaluate(TestRequest.get(PAGE).build(), config);
	}

	@ParameterizedTest
	@ValueSource(strings = { "AllowTParameter", "", "AllowTargetUrl", "forcedtargeturl", "Anything" })
	void evaluateWhenRedirectLogicAllowsTheTargetThenTIsTheRequestedUrl(String redirectLogic) {
		assertThat(Decisions.redirect(page(queueWithLogic(redirectLogic))).location())
			.isEqualTo(queuePrefix("Sale") + "&t=" + ENCODED_PAGE);
	}

	@Test
	void evaluateWhenRedirectLogicMissingThenTIsTheRequestedUrl() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.queue("Sale").without("RedirectLogic").and(pathContains("/products")))
			.parse();
		assertThat(Decisions.redirect(page(config)).location()).isEqualTo(queuePrefix("Sale") + "&t=" + ENCODED_PAGE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ForcedTargetUrl", "ForecedTargetUrl" })
	void evaluateWhenRedirectLogicForcesTheTargetThenTIsTheForcedUrl(String redirectLogic) {
		assertThat(Decisions.redirect(page(queueWithLogic(redirectLogic))).location())
			.isEqualTo(queuePrefix("Sale") + "&t=" + ENCODED_FORCED);
	}

	@Test
	void evaluateWhenForcedTargetIsBlankThenNoTParameter() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.queue("Sale")
				.set("RedirectLogic", "ForcedTargetUrl")
				.set("ForcedTargetUrl", "")
				.and(pathContains("/products")))
			.parse();
		assertThat(Decisions.redirect(page(config)).location()).isEqualTo(queuePrefix("Sale"));
	}

	@Test
	void evaluateWhenRedirectLogicIsEventTargetUrlThenNoTParameter() {
		assertThat(Decisions.redirect(page(queueWithLogic("EventTargetUrl"))).location())
			.isEqualTo(queuePrefix("Sale"));
	}

	@Test
	void evaluateWhenForcedTargetAndBadTokenThenErrorUrlCarriesTheForcedTarget() {
		Decision decision = this.connector.evaluate(TestRequest.get(PAGE + "&queueittoken=" + Vectors.TV05).build(),
				queueWithLogic("ForcedTargetUrl"));
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.withOurVersion(
				"https://ticketania.queue-it.net/error/hash/?c=ticketania&e=summersale&ver=v3-java-3.7.0&cver=7&man=Sale"
						+ "&queueittoken=" + Vectors.TV05 + "&ts=" + NOW + "&t=" + ENCODED_FORCED));
	}

	@Test
	void evaluateWhenEventTargetAndBadTokenThenErrorUrlHasNoTParameter() {
		Decision decision = this.connector.evaluate(TestRequest.get(PAGE + "&queueittoken=" + Vectors.TV05).build(),
				queueWithLogic("EventTargetUrl"));
		assertThat(Decisions.redirect(decision).location()).endsWith("&ts=" + NOW);
	}

	@Test
	void evaluateWhenCultureAndLayoutSetThenSentAsCidAndLAfterMan() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.queue("Sale")
				.set("Culture", "da-DK")
				.set("LayoutName", "Dark & Bold*")
				.and(pathContains("/products")))
			.parse();
		assertThat(Decisions.redirect(page(config)).location())
			.isEqualTo(queuePrefix("Sale") + "&cid=da-DK&l=Dark%20%26%20Bold%2A&t=" + ENCODED_PAGE);
	}

	@Test
	void evaluateWhenQueueDomainHasAPathThenSlashAddedOnlyWhenMissing() {
		for (String domain : new String[] { "queue.example.com/room", "queue.example.com/room/" }) {
			IntegrationConfig config = ConfigJson.config()
				.integration(ConfigJson.queue("Sale").set("QueueDomain", domain).and(pathContains("/products")))
				.parse();
			assertThat(Decisions.redirect(page(config)).location())
				.startsWith("https://queue.example.com/room/?c=ticketania&e=summersale&ver=");
		}
	}

	@Test
	void evaluateWhenConfigHasNoVersionThenCverIsMinusOne() {
		IntegrationConfig config = ConfigJson.config()
			.without("Version")
			.integration(ConfigJson.queue("Sale").and(pathContains("/products")))
			.parse();
		assertThat(Decisions.redirect(page(config)).location()).contains("&cver=-1&man=Sale&");
	}

	@Test
	void evaluateWhenActionTypeMissingThenQueue() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.queue("Sale").without("ActionType").and(pathContains("/products")))
			.parse();
		Decision decision = page(config);
		Decisions.redirect(decision);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.QUEUE);
	}

	@Test
	void evaluateWhenActionTypeUnknownThenIgnore() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.queue("Odd").set("ActionType", "Redirect").and(pathContains("/products")))
			.parse();
		Decision decision = page(config);
		Decisions.proceed(decision);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.IGNORE);
		assertThat(decision.result().actionName()).isEqualTo("Odd");
	}

	@Test
	void evaluateWhenIgnoreMatchesThenNoCookieReadOrWrittenAndTokenKept() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.ignore("Bypass").and(pathContains("/products")))
			.integration(ConfigJson.queue("Sale").and(pathContains("/products")))
			.parse();
		RecordingRequest request = new RecordingRequest(TestRequest.get(PAGE + "&queueittoken=" + Vectors.TV03)
			.cookie(Vectors.COOKIE_NAME, CookieMaker.cookie().hash("tampered").wire())
			.build());
		Decision decision = this.connector.evaluate(request, config);
		Decisions.proceed(decision);
		assertThat(decision.result())
			.isEqualTo(new ValidationResult(ResultType.IGNORE, "Bypass", null, null, null, null, false));
		assertThat(decision.cookies()).isEmpty();
		assertThat(decision.headers()).isEmpty();
		assertThat(request.cookiesRead()).doesNotContain(Vectors.COOKIE_NAME);
	}

	@Test
	void evaluateWhenIgnoreMatchesAndValidCookieThenCookieNotExtended() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.ignore("Bypass").and(pathContains("/products")))
			.parse();
		Decision decision = this.connector
			.evaluate(TestRequest.get(PAGE).cookie(Vectors.COOKIE_NAME, Vectors.TV14).build(), config);
		Decisions.proceed(decision);
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void evaluateWhenNothingMatchesThenNoMatchProceedWithoutCookiesOrHeaders() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.queue("Sale").and(pathContains("/checkout")))
			.parse();
		RecordingRequest request = new RecordingRequest(
				TestRequest.get(PAGE).cookie(Vectors.COOKIE_NAME, "garbage").build());
		Decision decision = this.connector.evaluate(request, config);
		Decisions.proceed(decision);
		assertThat(decision.result()).isSameAs(ValidationResult.NO_MATCH);
		assertThat(decision.result().actionType()).isNull();
		assertThat(decision.cookies()).isEmpty();
		assertThat(decision.headers()).isEmpty();
		assertThat(request.cookiesRead()).doesNotContain(Vectors.COOKIE_NAME);
	}

	@Test
	void evaluateWhenConfigHasNoIntegrationsThenNoMatch() {
		assertThat(page(ConfigJson.config().parse()).result()).isEqualTo(ValidationResult.NO_MATCH);
	}

	@Test
	void evaluateWhenSeveralIntegrationsMatchThenTheFirstInArrayOrderWins() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.queue("Never").and(pathContains("/never")))
			.integration(ConfigJson.queue("First").and(pathContains("/products")))
			.integration(ConfigJson.ignore("Second").and(pathContains("/products")))
			.parse();
		assertThat(page(config).result().actionName()).isEqualTo("First");
	}

	@Test
	void evaluateWhenAnyTriggerOfAnIntegrationMatchesThenItMatches() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.queue("Sale").and(pathContains("/nope")).and(pathContains("/products")))
			.parse();
		assertThat(page(config).result().actionName()).isEqualTo("Sale");
	}

	@Test
	void cancelWhenValidCookieThenCancelRedirectWithoutCultureAndLayoutAndCookieCleared() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.cancel("Leave")
				.set("Culture", "en-US")
				.set("LayoutName", "Layout")
				.set("RedirectLogic", "ForcedTargetUrl")
				.set("ForcedTargetUrl", FORCED)
				.set("CookieDomain", ".shop.example.com")
				.and(pathContains("/products")))
			.parse();
		Decision decision = this.connector
			.evaluate(TestRequest.get(PAGE).cookie(Vectors.COOKIE_NAME, Vectors.TV14).build(), config);
		assertThat(Decisions.redirect(decision).location())
			.isEqualTo(Vectors.withOurVersion("https://ticketania.queue-it.net/cancel/ticketania/summersale/"
					+ Vectors.QID + "?c=ticketania&e=summersale&ver=v3-java-3.7.0&cver=7&man=Leave&r=" + ENCODED_PAGE));
		assertThat(Decisions.clearedCookie(decision).domain()).isEqualTo(".shop.example.com");
		assertThat(decision.result().actionType()).isEqualTo(ResultType.CANCEL);
		assertThat(decision.result().queueId()).isEqualTo(Vectors.QID);
	}

	@Test
	void cancelWhenCookieExpiredThenStillCancelledBecauseTimeIsNotChecked() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.cancel("Leave").and(pathContains("/products")))
			.parse();
		Decision decision = Vectors.connectorAt(NOW + 86_400)
			.evaluate(TestRequest.get(PAGE).cookie(Vectors.COOKIE_NAME, Vectors.TV14).build(), config);
		Decisions.redirect(decision);
		Decisions.clearedCookie(decision);
	}

	@Test
	void cancelWhenCookieHasNoQueueIdThenPathEndsWithTheEvent() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.cancel("Leave").and(pathContains("/products")))
			.parse();
		Decision decision = this.connector.evaluate(
				TestRequest.get(PAGE).cookie(Vectors.COOKIE_NAME, CookieMaker.cookie().queueId("").wire()).build(),
				config);
		assertThat(Decisions.redirect(decision).location())
			.startsWith("https://ticketania.queue-it.net/cancel/ticketania/summersale?c=ticketania&");
	}

	@Test
	void cancelWhenNoCookieThenCancelResultWithoutRedirectOrCookies() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.cancel("Leave").and(pathContains("/products")))
			.parse();
		Decision decision = page(config);
		Decisions.proceed(decision);
		assertThat(decision.result())
			.isEqualTo(new ValidationResult(ResultType.CANCEL, "Leave", Vectors.EVENT, null, null, null, false));
		assertThat(decision.cookies()).isEmpty();
		assertThat(decision.headers()).isEmpty();
	}

	@Test
	void cancelWhenCookieInvalidThenNoRedirectAndTheCookieIsLeftInPlace() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.cancel("Leave").and(pathContains("/products")))
			.parse();
		Decision decision = this.connector.evaluate(TestRequest.get(PAGE)
			.cookie(Vectors.COOKIE_NAME, CookieMaker.cookie().signNow().queueId("x").wire())
			.build(), config);
		Decisions.proceed(decision);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.CANCEL);
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void redirectWhenAnyRedirectThenLocationAndTheThreeNoCacheHeaders() {
		Decision.Redirect redirect = Decisions.redirect(page(queueWithLogic("AllowTParameter")));
		assertThat(Decisions.header(redirect, "Location")).isEqualTo(redirect.location());
		assertThat(Decisions.header(redirect, "Cache-Control"))
			.isEqualTo("no-cache, no-store, must-revalidate, max-age=0");
		assertThat(Decisions.header(redirect, "Pragma")).isEqualTo("no-cache");
		assertThat(Decisions.header(redirect, "Expires")).isEqualTo("Fri, 01 Jan 1990 00:00:00 GMT");
		assertThat(Decision.Redirect.STATUS).isEqualTo(302);
	}

	@Test
	void redirectWhenTokenStrippedThenAlsoNoCacheHeaders() {
		Decision decision = this.connector.evaluate(TestRequest.get(PAGE + "&queueittoken=" + Vectors.TV03).build(),
				queueWithLogic("AllowTParameter"));
		assertThat(Decisions.redirect(decision).location()).isEqualTo(PAGE);
	}

}

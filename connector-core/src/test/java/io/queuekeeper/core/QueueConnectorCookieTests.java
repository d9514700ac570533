package io.queuekeeper.core;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.testing.ConfigJson;
import io.queuekeeper.core.testing.CookieMaker;
import io.queuekeeper.core.testing.Decisions;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.queuekeeper.core.testing.ConfigJson.pathContains;
import static io.queuekeeper.core.testing.Vectors.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the Queue action treats each state of the session cookie (spec 3.4 and 3.5), with a
 * 10-minute validity, extension on, and cookie domain and flags set.
 */
class QueueConnectorCookieTests {

	private static final String PAGE = "https://shop.example.com/products/42";

	private static final String QUEUE_URL = Vectors.withOurVersion("https://ticketania.queue-it.net/?c=ticketania"
			+ "&e=summersale&ver=v3-java-3.7.0&cver=7&man=Sale&t=https%3A%2F%2Fshop.example.com%2Fproducts%2F42");

	private final IntegrationConfig config = config(true);

	private static IntegrationConfig config(boolean extend) {
		return ConfigJson.config()
			.integration(ConfigJson.queue("Sale")
				.set("CookieValidityMinute", 10)
				.set("ExtendCookieValidity", extend)
				.set("CookieDomain", ".shop.example.com")
				.set("IsCookieHttpOnly", true)
				.set("IsCookieSecure", true)
				.and(pathContains("/products")))
			.parse();
	}

	private Decision at(long now, String cookieValue) {
		return at(now, cookieValue, this.config);
	}

	private static Decision at(long now, String cookieValue, IntegrationConfig config) {
		return Vectors.connectorAt(now)
			.evaluate(TestRequest.get(PAGE).cookie(Vectors.COOKIE_NAME, cookieValue).build(), config);
	}

	/** Asserts a queue redirect that clears the cookie with the config's attributes. */
	private static void assertRedirectedAndCleared(Decision decision) {
		assertThat(Decisions.redirect(decision).location()).isEqualTo(QUEUE_URL);
		CookieInstruction cleared = Decisions.clearedCookie(decision);
		assertThat(cleared.domain()).isEqualTo(".shop.example.com");
		assertThat(cleared.httpOnly()).isTrue();
		assertThat(cleared.secure()).isTrue();
	}

	@Test
	void evaluateWhenValidCookieThenProceedAndCookieReissuedNow() {
		Decision decision = at(NOW + 300, Vectors.TV14);
		Decisions.proceed(decision);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.QUEUE);
		assertThat(decision.result().queueId()).isEqualTo(Vectors.QID);
		assertThat(decision.result().redirectType()).isEqualTo("queue");
		assertThat(Decisions.storedValue(decision)).isEqualTo(CookieMaker.cookie().issueTime(NOW + 300).value());
		CookieInstruction cookie = Decisions.sessionCookies(decision).get(0);
		assertThat(cookie.domain()).isEqualTo(".shop.example.com");
		assertThat(cookie.httpOnly()).isTrue();
		assertThat(cookie.secure()).isTrue();
		assertThat(decision.headers()).isEmpty();
	}

	@Test
	void evaluateWhenValidCookieAndExtensionOffThenProceedWithoutWritingACookie() {
		Decision decision = at(NOW + 300, Vectors.TV14, config(false));
		Decisions.proceed(decision);
		assertThat(decision.result().queueId()).isEqualTo(Vectors.QID);
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void evaluateWhenCookieAtTheLastValidSecondThenProceed() {
		Decisions.proceed(at(NOW + 600, Vectors.TV14));
	}

	@Test
	void evaluateWhenCookieExpiredThenQueueRedirectAndClearInTheSameResponse() {
		assertRedirectedAndCleared(at(NOW + 601, Vectors.TV14));
	}

	@Test
	void evaluateWhenQueueIdTamperedThenRedirectAndClear() {
		assertRedirectedAndCleared(at(NOW, CookieMaker.cookie().signNow().queueId("other").wire()));
	}

	@Test
	void evaluateWhenRedirectTypeTamperedThenRedirectAndClear() {
		assertRedirectedAndCleared(at(NOW, CookieMaker.cookie().signNow().redirectType("DirectLink").wire()));
	}

	@Test
	void evaluateWhenIssueTimeTamperedThenRedirectAndClear() {
		assertRedirectedAndCleared(at(NOW + 3000, CookieMaker.cookie().signNow().issueTime(NOW + 3000).wire()));
	}

	@Test
	void evaluateWhenFixedValidityInjectedThenRedirectAndClear() {
		assertRedirectedAndCleared(at(NOW, CookieMaker.cookie().signNow().fixedValidityMinutes("100000").wire()));
	}

	@Test
	void evaluateWhenHashTamperedThenRedirectAndClear() {
		assertRedirectedAndCleared(at(NOW, CookieMaker.cookie().hash("0".repeat(64)).wire()));
	}

	@Test
	void evaluateWhenCookieSignedForAnotherEventThenRedirectAndClear() {
		assertRedirectedAndCleared(at(NOW, CookieMaker.cookie().eventId("wintersale").wire()));
	}

	@Test
	void evaluateWhenCookieHashInUpperCaseThenRedirectAndClear() {
		assertRedirectedAndCleared(at(NOW, CookieMaker.cookie().hash(Vectors.TV12_HASH.toUpperCase()).wire()));
	}

	@Test
	void evaluateWhenEventIdInsideTheCookieDiffersInCaseThenValid() {
		Decision decision = at(NOW, CookieMaker.cookie().eventId("SUMMERSALE").wire());
		Decisions.proceed(decision);
		assertThat(decision.result().queueId()).isEqualTo(Vectors.QID);
	}

	@Test
	void evaluateWhenConfiguredEventDiffersInCaseFromTheCookieNameThenCookieNotFoundAndNotCleared() {
		IntegrationConfig upper = ConfigJson.config()
			.integration(ConfigJson.queue("Sale").set("EventId", "SummerSale").and(pathContains("/products")))
			.parse();
		Decision decision = at(NOW, Vectors.TV14, upper);
		Decisions.redirect(decision);
		assertThat(decision.result().eventId()).isEqualTo("SummerSale");
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void evaluateWhenCookieNameMatchesTheMixedCaseEventThenValid() {
		IntegrationConfig upper = ConfigJson.config()
			.integration(ConfigJson.queue("Sale").set("EventId", "SummerSale").and(pathContains("/products")))
			.parse();
		Decision decision = Vectors.connectorAt(NOW)
			.evaluate(TestRequest.get(PAGE)
				.cookie("QueueITAccepted-SDFrts345E-V3_SummerSale", CookieMaker.cookie().eventId("SummerSale").wire())
				.build(), upper);
		Decisions.proceed(decision);
		assertThat(Decisions.sessionCookies(decision).get(0).name())
			.isEqualTo("QueueITAccepted-SDFrts345E-V3_SummerSale");
	}

	@Test
	void evaluateWhenFixedValidityCookieStillValidThenProceedWithoutExtension() {
		Decision decision = at(NOW + 1200, Vectors.TV13_WIRE);
		Decisions.proceed(decision);
		assertThat(decision.result().redirectType()).isEqualTo("safetynet");
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void evaluateWhenFixedValidityCookieExpiredThenRedirectAndClearEvenIfTheConfigWouldAllowIt() {
		IntegrationConfig longValidity = ConfigJson.config()
			.integration(ConfigJson.queue("Sale")
				.set("CookieValidityMinute", 600)
				.set("CookieDomain", ".shop.example.com")
				.set("IsCookieHttpOnly", true)
				.set("IsCookieSecure", true)
				.and(pathContains("/products")))
			.parse();
		assertRedirectedAndCleared(at(NOW + 1201, Vectors.TV13_WIRE, longValidity));
	}

	@ParameterizedTest
	@ValueSource(strings = { "%", "%ZZ", "EventId%3Dsummersale%26QueueId%3D%G1", Vectors.TV14 + "%" })
	void evaluateWhenCookieEncodingIsMalformedThenRedirectAndClearInTheSameResponse(String wire) {
		assertRedirectedAndCleared(at(NOW, wire));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "deleted", "EventId=summersale" })
	void evaluateWhenCookieIsNotASessionCookieThenRedirectAndClear(String wire) {
		assertRedirectedAndCleared(at(NOW, wire));
	}

	@Test
	void evaluateWhenQueueIdIsEmptyAndSignedThenValid() {
		Decision decision = at(NOW, CookieMaker.cookie().queueId("").redirectType("afterevent").wire());
		Decisions.proceed(decision);
		assertThat(decision.result().queueId()).isEmpty();
		assertThat(decision.result().redirectType()).isEqualTo("afterevent");
		assertThat(Decisions.storedValue(decision)).contains("&QueueId=&RedirectType=afterevent&");
	}

	@Test
	void evaluateWhenIssueTimeIsEmptyThenRedirectAndClear() {
		assertRedirectedAndCleared(at(NOW, CookieMaker.cookie().issueTime("").wire()));
	}

	@Test
	void evaluateWhenIssueTimeIsNotNumericThenRedirectAndClear() {
		assertRedirectedAndCleared(at(NOW, CookieMaker.cookie().issueTime("abc").wire()));
	}

	@Test
	void evaluateWhenCookieCarriesUnknownKeysThenValidAndReissuedWithoutThem() {
		String legacy = CookieMaker.cookie().extra("IsCookieHttpOnly", "true").extra("IsCookieSecure", "false").wire();
		Decision decision = at(NOW, legacy);
		Decisions.proceed(decision);
		assertThat(Decisions.storedValue(decision)).isEqualTo(Vectors.TV12);
	}

	@Test
	void evaluateWhenCookieOfAnotherEventOnlyThenNotFoundAndNothingCleared() {
		Decision decision = Vectors.connectorAt(NOW)
			.evaluate(TestRequest.get(PAGE)
				.cookie("QueueITAccepted-SDFrts345E-V3_wintersale", CookieMaker.cookie().eventId("wintersale").wire())
				.build(), this.config);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(QUEUE_URL);
		assertThat(decision.cookies()).isEmpty();
	}

}

package io.queuekeeper.core;

import java.util.List;
import java.util.Random;

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
 * Hostile request input is an expected outcome, never an exception (STYLE 5): a seeded
 * stream of odd URLs, tokens, cookies and AJAX headers must always yield a well-formed
 * decision.
 */
class QueueConnectorRobustnessTests {

	private static final List<String> PATHS = List.of("/products/42", "/static/a.css", "/logout", "/api/checkout", "/",
			"", "/products/%ZZ", "/products/é", "/p?", "/products/42#frag", "/products/42?a=1&&b=2&");

	private static final List<String> TOKENS = List.of(Vectors.TV03, Vectors.TV05, Vectors.TV08, Vectors.TV16,
			Vectors.TV16_EXPIRED, "", "%", "%ZZ", "~", "~~~", "e_", "h_", "_", "e_summersale~h_x", "%7E%7E", "+",
			"e_x~h_y%26t%3Dhttps%3A%2F%2Fevil", "rt_debug", "rt_debug~h_", "ts_99999999999999999999~h_x",
			"cv_-1~rt_debug~h_x", "%00", "%C3%28", "e_%F0%9F%98%80");

	private static final List<String> COOKIES = List.of(Vectors.TV14, Vectors.TV13_WIRE, "", "%", "%ZZ", "&&&", "===",
			"EventId=summersale", CookieMaker.cookie().issueTime("abc").wire(),
			CookieMaker.cookie().fixedValidityMinutes("99999999999999999999").wire(),
			CookieMaker.cookie().issueTime("999999999999999999").wire(), CookieMaker.cookie().queueId("").wire(),
			"EventId%3D%26QueueId%3D%26RedirectType%3D%26IssueTime%3D%26Hash%3D");

	private static final List<String> AJAX = List.of("", " ", "%", "%ZZ", "https%3A%2F%2Fshop.example.com%2Fp",
			"javascript:alert(1)", "https://", "http://x", "%E2%82", "+++");

	private final IntegrationConfig example = ConfigJson.example();

	@Test
	void evaluateWhenHostileInputThenAlwaysAWellFormedDecision() {
		Random random = new Random(20250501L);
		for (int i = 0; i < 3000; i++) {
			String tokenName = pick(random, List.of("queueittoken", "QueueItToken", "queueittoken", "x"));
			String url = "https://shop.example.com" + pick(random, PATHS);
			url += (url.contains("?") ? "&" : "?") + tokenName + "=" + pick(random, TOKENS);
			TestRequest.Builder request = TestRequest.request(random.nextBoolean() ? "GET" : "POST", url)
				.body(random.nextBoolean() ? "{\"sku\":\"SUMMER-1\"}" : "");
			if (random.nextBoolean()) {
				request.cookie(Vectors.COOKIE_NAME, pick(random, COOKIES));
			}
			if (random.nextInt(3) == 0) {
				request.header("x-queueit-ajaxpageurl", pick(random, AJAX));
			}
			QueueConnector connector = Vectors.connectorAt(NOW + random.nextInt(3) * 1000L);
			Decision decision = switch (random.nextInt(3)) {
				case 0 -> connector.queue(request.build(), QueueEventConfig.of(Vectors.EVENT, Vectors.QUEUE_DOMAIN));
				case 1 -> connector.cancel(request.build(), CancelEventConfig.of(Vectors.EVENT, Vectors.QUEUE_DOMAIN));
				default -> connector.evaluate(request.build(), this.example);
			};
			assertWellFormed(decision);
		}
	}

	private static void assertWellFormed(Decision decision) {
		if (decision instanceof Decision.Redirect redirect) {
			assertThat(Decisions.redirect(redirect).location()).startsWith("https://");
		}
		else if (decision instanceof Decision.AjaxRedirect ajax) {
			assertThat(Decisions.ajaxRedirect(ajax).location()).startsWith("https://");
		}
		else {
			Decisions.proceed(decision);
		}
		for (CookieInstruction cookie : decision.cookies()) {
			assertThat(cookie.name()).isIn(Vectors.COOKIE_NAME, "queueitdebug");
			assertThat(cookie.value()).doesNotContain(";", " ", ",", "\"");
		}
	}

	private static String pick(Random random, List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

}

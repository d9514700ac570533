package io.queuekeeper.core;

import java.util.Locale;

import io.queuekeeper.core.config.Integration;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigParser;
import io.queuekeeper.core.config.InvalidIntegrationConfigException;
import io.queuekeeper.core.internal.HmacSha256;
import io.queuekeeper.core.rules.LogicalOperator;
import io.queuekeeper.core.testing.ConfigJson;
import io.queuekeeper.core.testing.CookieMaker;
import io.queuekeeper.core.testing.Decisions;
import io.queuekeeper.core.testing.Encoding;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.TokenMaker;
import io.queuekeeper.core.testing.Vectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.queuekeeper.core.testing.ConfigJson.pathContains;
import static io.queuekeeper.core.testing.Vectors.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One regression test per reference-connector bug of spec section 12 that our engine
 * fixes (and a few the spec says to keep), named after the bug.
 */
class ReferenceBugRegressionTests {

	private static final String PAGE = "https://shop.example.com/products/42";

	private final IntegrationConfig config = ConfigJson.config()
		.integration(ConfigJson.queue("Sale").and(pathContains("/products")))
		.parse();

	private final QueueConnector connector = Vectors.connectorAt(NOW);

	private Decision withCookie(String wire) {
		return this.connector.evaluate(TestRequest.get(PAGE).cookie(Vectors.COOKIE_NAME, wire).build(), this.config);
	}

	@Test
	@DisplayName("J1: a signed cookie with a non-numeric IssueTime fails closed")
	void evaluateWhenCookieIssueTimeIsNotNumericThenInvalidAndClearedJ1() {
		String cookie = CookieMaker.cookie().issueTime("abc").wire();
		Decision decision = withCookie(cookie);
		assertThat(Decisions.redirect(decision).location()).startsWith("https://ticketania.queue-it.net/?c=ticketania");
		Decisions.clearedCookie(decision);
		assertThat(this.connector.extendQueueCookie(TestRequest.get(PAGE).cookie(Vectors.COOKIE_NAME, cookie).build(),
				Vectors.EVENT, 20, null, false, false))
			.isEmpty();
	}

	@Test
	@DisplayName("J2: a cookie from a token without q_ (QueueId=) stays valid")
	void evaluateWhenCookieHasEmptyQueueIdThenValidJ2() {
		String token = TokenMaker.token()
			.with("e", Vectors.EVENT)
			.with("ts", Long.toString(Vectors.TS))
			.with("ce", "true")
			.with("rt", "afterevent")
			.signed();
		Decision first = this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + token).build(), this.config);
		assertThat(Decisions.storedValue(first)).contains("&QueueId=&");
		Decision next = Vectors.connectorAt(NOW + 1)
			.evaluate(TestRequest.get(PAGE)
				.cookie(Vectors.COOKIE_NAME, Decisions.sessionCookies(first).get(0).value())
				.build(), this.config);
		Decisions.proceed(next);
		assertThat(next.result().redirectType()).isEqualTo("afterevent");
		assertThat(next.cookies()).noneMatch((cookie) -> cookie.isDeletion());
	}

	@Test
	@DisplayName("J3: hashes compare by value: token hex case-insensitive, cookie hash exact")
	void evaluateWhenHashCaseDiffersThenTokenAcceptedAndCookieRejectedJ3() {
		Decision token = this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV06).build(),
				this.config);
		assertThat(Decisions.redirect(token).location()).isEqualTo(PAGE);
		assertThat(Decisions.storedValue(token)).isEqualTo(Vectors.TV12);
		Decision cookie = withCookie(CookieMaker.cookie().hash(Vectors.TV12_HASH.toUpperCase(Locale.ROOT)).wire());
		Decisions.redirect(cookie);
		Decisions.clearedCookie(cookie);
		assertThat(HmacSha256.constantTimeEquals(Vectors.TV12_HASH, Vectors.TV12_HASH)).isTrue();
		assertThat(HmacSha256.constantTimeEquals(Vectors.TV12_HASH, Vectors.TV12_HASH.toUpperCase(Locale.ROOT)))
			.isFalse();
	}

	@Test
	@DisplayName("J4: HMAC never yields an empty signature")
	void hexWhenAnyKeyThenNeverEmptyJ4() {
		for (String key : new String[] { "a", " ", "\u0000", "ключ", Vectors.SECRET, "k".repeat(4096) }) {
			assertThat(new HmacSha256(key).hex("")).hasSize(64).isEqualTo(Encoding.hmacHex(key, ""));
		}
		assertThatThrownBy(() -> new HmacSha256("").hex("")).isInstanceOf(RuntimeException.class);
		String unsigned = TokenMaker.queueToken(Vectors.EVENT, Vectors.TS, "queue").unsigned();
		Decision decision = this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + unsigned).build(),
				this.config);
		assertThat(Decisions.redirect(decision).location()).contains("/error/hash/");
	}

	@Test
	@DisplayName("J5: a crafted token cannot inject parameters into the error URL")
	void evaluateWhenTokenCarriesReservedCharactersThenPercentEncodedInErrorUrlJ5() {
		Decision decision = this.connector
			.evaluate(TestRequest.get(PAGE + "?queueittoken=e_x~h_y%26t%3Dhttps%3A%2F%2Fevil").build(), this.config);
		String location = Decisions.redirect(decision).location();
		assertThat(location).isEqualTo(Vectors.withOurVersion(
				"https://ticketania.queue-it.net/error/hash/?c=ticketania&e=summersale&ver=v3-java-3.7.0&cver=7&man=Sale"
						+ "&queueittoken=e_x~h_y%26t%3Dhttps%3A%2F%2Fevil&ts=" + NOW
						+ "&t=https%3A%2F%2Fshop.example.com%2Fproducts%2F42"));
		assertThat(location).doesNotContain("&t=https://evil").containsOnlyOnce("&t=");

		Decision genuine = this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV05).build(),
				this.config);
		assertThat(Decisions.redirect(genuine).location()).contains("&queueittoken=" + Vectors.TV05 + "&ts=");
	}

	@Test
	@DisplayName("J6: a malformed AJAX page URL gives a defined AJAX redirect, not an exception")
	void evaluateWhenAjaxPageUrlHasMalformedEscapeThenAjaxRedirectJ6() {
		TestRequest request = TestRequest.get(PAGE)
			.header("x-queueit-ajaxpageurl", "https%3A%2F%2Fshop.example.com%2Fp%ZZ%")
			.build();
		assertThatNoException().isThrownBy(() -> this.connector.evaluate(request, this.config));
		Decision.AjaxRedirect ajax = Decisions.ajaxRedirect(this.connector.evaluate(request, this.config));
		assertThat(ajax.location()).endsWith("&t=https%3A%2F%2Fshop.example.com%2Fp%25ZZ%25");
	}

	@Test
	@DisplayName("J8: sparse integrations get defaults instead of failing")
	void parseWhenIntegrationIsSparseThenDefaultsJ8() {
		String json = "{\"Integrations\":[{\"Name\":\"Sparse\",\"ActionType\":\"Queue\",\"EventId\":\"summersale\","
				+ "\"QueueDomain\":\"ticketania.queue-it.net\"},{\"Name\":\"Trig\",\"EventId\":\"summersale\","
				+ "\"QueueDomain\":\"ticketania.queue-it.net\",\"Triggers\":[{\"TriggerParts\":[{"
				+ "\"ValidatorType\":\"UrlValidator\",\"UrlPart\":\"PagePath\",\"Operator\":\"Contains\","
				+ "\"ValueToCompare\":\"/products\"},{\"ValidatorType\":\"UserAgentValidator\",\"Operator\":\"Contains\","
				+ "\"ValueToCompare\":\"bot\",\"IsNegative\":true}]}]}]}";
		IntegrationConfig config = new IntegrationConfigParser().parse(json);
		Integration sparse = config.integrations().get(0);
		assertThat(sparse.cookieValidityMinutes()).isEqualTo(20);
		assertThat(sparse.extendCookieValidity()).isTrue();
		assertThat(sparse.triggers()).isEmpty();
		assertThat(config.integrations().get(1).triggers().get(0).operator()).isEqualTo(LogicalOperator.AND);
		assertThat(config.version()).isEqualTo(-1);
		Decision decision = this.connector.evaluate(
				TestRequest.get(PAGE).header("User-Agent", "Mozilla").cookie(Vectors.COOKIE_NAME, Vectors.TV14).build(),
				config);
		Decisions.proceed(decision);
		assertThat(decision.result().actionName()).isEqualTo("Trig");
		assertThat(Decisions.storedValue(decision)).isEqualTo(Vectors.TV12);
	}

	@Test
	@DisplayName("J11: case-insensitive comparisons do not depend on the default locale")
	void evaluateWhenDefaultLocaleIsTurkishThenIgnoreCaseStillMatchesJ11() {
		Locale original = Locale.getDefault();
		try {
			Locale.setDefault(new Locale("tr"));
			assertThat("i".toUpperCase()).as("the Turkish default locale is in effect").isNotEqualTo("I");
			IntegrationConfig config = ConfigJson.config()
				.integration(ConfigJson.queue("Limited")
					.set("EventId", "limitedtime")
					.and(ConfigJson.part("ValidatorType", "UrlValidator", "UrlPart", "PagePath", "Operator", "Equals",
							"ValueToCompare", "/LIMITED-EDITION", "IsIgnoreCase", true)))
				.parse();
			Decision decision = this.connector
				.evaluate(TestRequest.get("https://shop.example.com/limited-edition").build(), config);
			assertThat(decision.result().actionName()).isEqualTo("Limited");

			String token = TokenMaker.queueToken("LIMITEDTIME", Vectors.TS, "queue").signed();
			Decision withToken = this.connector.evaluate(
					TestRequest.get("https://shop.example.com/limited-edition?queueittoken=" + token).build(), config);
			assertThat(Decisions.redirect(withToken).location()).isEqualTo("https://shop.example.com/limited-edition");
			assertThat(Decisions.sessionCookies(withToken)).singleElement()
				.satisfies(
						(cookie) -> assertThat(cookie.name()).isEqualTo("QueueITAccepted-SDFrts345E-V3_limitedtime"));

			String cookie = CookieMaker.cookie().eventId("LIMITEDTIME").wire();
			Decision withCookie = this.connector.evaluate(TestRequest.get("https://shop.example.com/limited-edition")
				.cookie("QueueITAccepted-SDFrts345E-V3_limitedtime", cookie)
				.build(), config);
			Decisions.proceed(withCookie);
		}
		finally {
			Locale.setDefault(original);
		}
		assertThat(Locale.getDefault()).isEqualTo(original);
	}

	@Test
	@DisplayName("J12: a QueueDomain with a scheme is rejected when the config is loaded")
	void parseWhenQueueDomainHasSchemeThenRejectedJ12() {
		String json = ConfigJson.config()
			.integration(ConfigJson.queue("Sale").set("QueueDomain", "https://ticketania.queue-it.net"))
			.json();
		assertThatThrownBy(() -> new IntegrationConfigParser().parse(json))
			.isInstanceOf(InvalidIntegrationConfigException.class)
			.hasMessageContaining("integration #0 ('Sale')")
			.hasMessageContaining("QueueDomain");
	}

	@Test
	@DisplayName("J9 (keep): Contains '*' matches any non-empty value even when negated")
	void evaluateWhenNegatedContainsWildcardThenStillMatchesJ9() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.queue("Wildcard")
				.and(ConfigJson.part("ValidatorType", "UrlValidator", "UrlPart", "PagePath", "Operator", "Contains",
						"ValueToCompare", "*", "IsNegative", true)))
			.parse();
		assertThat(this.connector.evaluate(TestRequest.get(PAGE).build(), config).result().actionName())
			.isEqualTo("Wildcard");
	}

	@Test
	@DisplayName("J15 (keep): only the exact redirect type 'debug' switches diagnostics on")
	void evaluateWhenRedirectTypeIsUpperCaseDebugThenNoDiagnosticsJ15() {
		String token = TokenMaker.queueToken(Vectors.EVENT, Vectors.TS, "DEBUG").signed();
		Decision decision = this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + token).build(),
				this.config);
		assertThat(decision.cookies()).noneMatch((cookie) -> cookie.name().equals("queueitdebug"));
		assertThat(Decisions.storedValue(decision)).contains("&RedirectType=DEBUG&");
	}

	@Test
	@DisplayName("J17 (keep): the AJAX header is URLEncoder-encoded, '+' for space")
	void evaluateWhenAjaxRedirectThenHeaderUsesUrlEncoderJ17() {
		IntegrationConfig config = ConfigJson.config()
			.integration(
					ConfigJson.queue("Sale").set("QueueDomain", "queue.example.com/a*b").and(pathContains("/products")))
			.parse();
		Decision decision = this.connector.evaluate(
				TestRequest.get(PAGE).header("x-queueit-ajaxpageurl", "https%3A%2F%2Fshop.example.com%2F").build(),
				config);
		assertThat(Decisions.header(decision, "x-queueit-redirect"))
			.startsWith("https%3A%2F%2Fqueue.example.com%2Fa*b%2F%3Fc%3Dticketania");
	}

}

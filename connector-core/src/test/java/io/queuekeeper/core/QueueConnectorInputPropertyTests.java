package io.queuekeeper.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.testing.ConnectorFixtures;
import io.queuekeeper.core.testing.DecisionAssertions;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.TestSigning;
import io.queuekeeper.core.testing.TokenStripping;
import io.queuekeeper.core.testing.WireArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import static io.queuekeeper.core.testing.ConnectorFixtures.CANCEL_EVENT;
import static io.queuekeeper.core.testing.ConnectorFixtures.EVENT_ID;
import static io.queuekeeper.core.testing.ConnectorFixtures.NOW_SECONDS;
import static io.queuekeeper.core.testing.ConnectorFixtures.QUEUE_EVENT;
import static io.queuekeeper.core.testing.ConnectorFixtures.SECRET;
import static io.queuekeeper.core.testing.ConnectorFixtures.SESSION_COOKIE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds hostile request input (token, cookies, headers, URL, body) through all three
 * entry points of {@link QueueConnector}: every call returns a well-formed decision and
 * never throws, and nothing unsigned ever admits a visitor.
 */
class QueueConnectorInputPropertyTests {

	private static final String DROP_URL = "https://shop.example.com/drop/item?color=red";

	private static final String WAITING_ROOM = "https://queue.example.com/";

	private static final String DIAGNOSTICS_HASH = "https://acme.api2.queue-it.net/acme/diagnostics/connector/error/?code=hash";

	/**
	 * Every parameter an error URL may carry (§4.1, §4.3); anything else was injected.
	 */
	private static final List<String> ERROR_URL_PARAMETERS = List.of("c", "e", "ver", "cver", "man", "cid", "l",
			"queueittoken", "ts", "t");

	private final QueueConnector connector = ConnectorFixtures.connector();

	private final IntegrationConfig config = ConnectorFixtures.config();

	@Property(tries = 2000)
	void decideWhenQueueItTokenIsArbitraryThenNeverAdmitsTheVisitor(@ForAll("tokens") String token,
			@ForAll boolean percentEncoded) {
		String value = percentEncoded ? URLEncoder.encode(token, StandardCharsets.UTF_8) : token;
		TestRequest request = TestRequest.get(DROP_URL + "&queueittoken=" + value).build();
		Decision evaluated = this.connector.evaluate(request, this.config);
		Decision queued = this.connector.queue(request, QUEUE_EVENT);
		Decision cancelled = this.connector.cancel(request, CANCEL_EVENT);
		assertWellFormed(evaluated, queued, cancelled);
		assertNotAdmitted(evaluated);
		assertNotAdmitted(queued);
		assertNoSessionStored(cancelled);
		Statistics.label("queue").collect(kind(queued));
		Statistics.label("queue").coverage((coverage) -> {
			coverage.check("error").percentage((Double percent) -> percent > 30);
			coverage.check("queue").count((Integer count) -> count > 0);
			coverage.check("diagnostics").count((Integer count) -> count > 0);
		});
	}

	@Property(tries = 2000)
	void decideWhenCookieValuesAreArbitraryThenReturnsWellFormedDecision(@ForAll("wireText") String session,
			@ForAll("wireText") String skip, @ForAll("wireText") String name, @ForAll("wireText") String value) {
		TestRequest request = TestRequest.get(DROP_URL)
			.cookie(SESSION_COOKIE, session)
			.cookie("skip", skip)
			.cookie(name, value)
			.build();
		Decision evaluated = this.connector.evaluate(request, this.config);
		assertWellFormed(evaluated, this.connector.queue(request, QUEUE_EVENT),
				this.connector.cancel(request, CANCEL_EVENT));
		if (skip.contains("please")) {
			assertThat(evaluated).isInstanceOf(Decision.Proceed.class);
			assertThat(evaluated.result().actionType()).isEqualTo(ResultType.IGNORE);
		}
	}

	@Property(tries = 2000)
	void decideWhenHeaderValuesAreArbitraryThenReturnsWellFormedDecision(@ForAll("wireText") String ajaxPageUrl,
			@ForAll("wireText") String userAgent, @ForAll("wireText") String skip, @ForAll("wireText") String name,
			@ForAll("wireText") String value) {
		TestRequest request = TestRequest.get(DROP_URL)
			.header(QueueConnector.AJAX_PAGE_URL_HEADER, ajaxPageUrl)
			.header("User-Agent", userAgent)
			.header("x-skip", skip)
			.header(name, value)
			.build();
		Decision evaluated = this.connector.evaluate(request, this.config);
		Decision queued = this.connector.queue(request, QUEUE_EVENT);
		assertWellFormed(evaluated, queued, this.connector.cancel(request, CANCEL_EVENT));
		if (ajaxPageUrl.isBlank()) {
			assertThat(queued).isInstanceOf(Decision.Redirect.class);
		}
		else {
			assertThat(queued).isInstanceOf(Decision.AjaxRedirect.class);
		}
		assertNotAdmitted(queued);
		if (userAgent.toUpperCase(Locale.ROOT).contains("BOT")) {
			assertThat(evaluated.result().actionType()).isEqualTo(ResultType.IGNORE);
		}
	}

	@Property(tries = 3000)
	void decideWhenUrlIsArbitraryThenReturnsWellFormedDecision(@ForAll("urls") String url) {
		TestRequest request = TestRequest.get(url).build();
		Decision queued = this.connector.queue(request, QUEUE_EVENT);
		assertWellFormed(this.connector.evaluate(request, this.config), queued,
				this.connector.cancel(request, CANCEL_EVENT));
		assertNotAdmitted(queued);
	}

	@Property(tries = 2000)
	void queueWhenSessionIsValidAndUrlIsArbitraryThenAdmitsOrRedirectsToTheUrlWithoutToken(@ForAll("urls") String url) {
		String queueId = "7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e";
		String session = TestSigning.sessionCookie(SECRET, EVENT_ID, queueId, null, "queue", NOW_SECONDS - 60);
		Decision decision = this.connector.queue(TestRequest.get(url).cookie(SESSION_COOKIE, session).build(),
				QUEUE_EVENT);
		DecisionAssertions.assertWellFormed(decision);
		if (decision instanceof Decision.Redirect redirect && redirect.location().contains("/diagnostics/")) {
			Statistics.label("outcome").collect("diagnostics");
			assertThat(TokenStripping.firstExactTokenValue(url)).isNotEmpty();
			return;
		}
		assertThat(decision.result().queueId()).isEqualTo(queueId);
		assertThat(decision.cookies()).singleElement()
			.satisfies((cookie) -> assertThat(cookie.value())
				.isEqualTo(TestSigning.sessionCookie(SECRET, EVENT_ID, queueId, null, "queue", NOW_SECONDS)));
		if (TokenStripping.firstExactTokenValue(url).isEmpty()) {
			Statistics.label("outcome").collect("proceed");
			assertThat(decision).isInstanceOf(Decision.Proceed.class);
		}
		else {
			Statistics.label("outcome").collect("strip-token");
			assertThat(decision).isInstanceOfSatisfying(Decision.Redirect.class,
					(redirect) -> assertThat(redirect.location()).isEqualTo(TokenStripping.strip(url)));
		}
		Statistics.label("outcome").coverage((coverage) -> {
			coverage.check("proceed").count((Integer count) -> count > 0);
			coverage.check("strip-token").count((Integer count) -> count > 0);
		});
	}

	@Property(tries = 500)
	void evaluateWhenBodyIsArbitraryThenReadsItAtMostOnceAndMatchesOnIt(@ForAll("wireText") String body,
			@ForAll boolean large) {
		String sent = large ? body.repeat(2000) : body;
		TestRequest request = TestRequest.request("POST", DROP_URL).body(sent).build();
		Decision decision = this.connector.evaluate(request, this.config);
		DecisionAssertions.assertWellFormed(decision);
		assertThat(request.bodyReads()).isLessThanOrEqualTo(1);
		if (sent.toUpperCase(Locale.ROOT).contains("SKIP-QUEUE")) {
			assertThat(decision).isInstanceOf(Decision.Proceed.class);
			assertThat(decision.result().actionName()).isEqualTo("Skip");
		}
		else {
			assertNotAdmitted(decision);
		}
	}

	@Property(tries = 2000)
	void decideWhenAnyScenarioRedirectsThenResponseCarriesLocationAndNoCacheHeaders(
			@ForAll("scenarios") TestRequest request) {
		Decision evaluated = this.connector.evaluate(request, this.config);
		Decision queued = this.connector.queue(request, QUEUE_EVENT);
		Decision cancelled = this.connector.cancel(request, CANCEL_EVENT);
		for (Decision decision : List.of(evaluated, queued, cancelled)) {
			DecisionAssertions.assertWellFormed(decision);
			if (decision instanceof Decision.Redirect redirect) {
				DecisionAssertions.assertRedirectHeaders(redirect);
				assertThat(redirect.location()).isNotBlank();
			}
		}
		Statistics.label("evaluate").collect(kind(evaluated));
		Statistics.label("queue").collect(kind(queued));
		Statistics.label("cancel").collect(kind(cancelled));
		Statistics.label("evaluate").coverage((coverage) -> {
			for (String kind : List.of("queue", "error", "strip-token", "cancel", "diagnostics", "ajax", "proceed")) {
				coverage.check(kind).count((Integer count) -> count > 0);
			}
		});
		Statistics.label("queue").coverage((coverage) -> {
			for (String kind : List.of("queue", "error", "strip-token", "diagnostics", "ajax", "proceed")) {
				coverage.check(kind).count((Integer count) -> count > 0);
			}
		});
		Statistics.label("cancel").coverage((coverage) -> coverage.check("cancel").count((Integer count) -> count > 0));
	}

	@Provide
	Arbitrary<String> wireText() {
		return WireArbitraries.wireText();
	}

	@Provide
	Arbitrary<String> tokens() {
		return Arbitraries
			.frequencyOf(List.of(Tuple.of(4, WireArbitraries.wireText()), Tuple.of(4, WireArbitraries.tokenShaped()),
					Tuple.of(1, WireArbitraries.tokenShaped().map((token) -> token + "~rt_debug"))));
	}

	@Provide
	Arbitrary<String> urls() {
		return WireArbitraries.requestUrls();
	}

	@Provide
	Arbitrary<TestRequest> scenarios() {
		long later = NOW_SECONDS + 180;
		long earlier = NOW_SECONDS - 180;
		String queueId = "7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e";
		String validToken = TestSigning.token(SECRET, EVENT_ID, queueId, later, "queue", null);
		String fixedToken = TestSigning.token(SECRET, EVENT_ID, queueId, later, "queue", 5);
		String upperHashToken = validToken.substring(0, validToken.length() - 64)
				+ validToken.substring(validToken.length() - 64).toUpperCase(Locale.ROOT);
		Arbitrary<String> path = Arbitraries.of("/drop/item", "/cancel/now", "/static/app.js", "/");
		Arbitrary<String> query = Arbitraries
			.frequencyOf(List.of(Tuple.of(4, Arbitraries.of("color=red", "", "a=1&b=%20", "QueueItToken=x")),
					Tuple.of(1, WireArbitraries.queries())));
		Arbitrary<String> token = Arbitraries.frequencyOf(
				List.of(Tuple.of(3, Arbitraries.just("")), Tuple.of(2, WireArbitraries.tokenShaped()),
						Tuple.of(4, Arbitraries.of(validToken, fixedToken, upperHashToken,
								TestSigning.token(SECRET, EVENT_ID, queueId, earlier, "queue", null),
								TestSigning.token(SECRET, "other", queueId, later, "queue", null),
								TestSigning.token(SECRET, EVENT_ID, queueId, later, "debug", null),
								TestSigning.token(SECRET, EVENT_ID, queueId, earlier, "debug", null),
								TestSigning.token("not-the-secret", EVENT_ID, queueId, later, "debug", null),
								TestSigning.token("not-the-secret", EVENT_ID, queueId, later, "queue", null)))));
		Arbitrary<String> cookie = Arbitraries
			.frequencyOf(List.of(Tuple.of(3, Arbitraries.just("")), Tuple.of(2, WireArbitraries.wireText()),
					Tuple.of(3, Arbitraries.of(
							TestSigning.sessionCookie(SECRET, EVENT_ID, queueId, null, "queue", NOW_SECONDS - 60),
							TestSigning.sessionCookie(SECRET, EVENT_ID, queueId, "3", "queue", NOW_SECONDS - 60),
							TestSigning.sessionCookie(SECRET, EVENT_ID, queueId, null, "queue", NOW_SECONDS - 3600),
							TestSigning.sessionCookie(SECRET, "other", queueId, null, "queue", NOW_SECONDS - 60)))));
		Arbitrary<String> ajax = Arbitraries.frequencyOf(List.of(Tuple.of(6, Arbitraries.just("")),
				Tuple.of(1, WireArbitraries.wireText()), Tuple.of(1, Arbitraries.of("https://shop.example.com/page?x=1",
						"https%3A%2F%2Fshop.example.com%2Fpage%3Fx%3D1", "/relative", "javascript:alert(1)"))));
		return Combinators.combine(path, query, token, cookie, ajax).as((p, q, t, c, a) -> {
			String url = "https://shop.example.com" + p + "?" + q + (t.isEmpty() ? "" : "&queueittoken=" + t);
			TestRequest.Builder builder = TestRequest.get(url);
			if (!c.isEmpty()) {
				builder.cookie(SESSION_COOKIE, c);
			}
			if (!a.isEmpty()) {
				builder.header(QueueConnector.AJAX_PAGE_URL_HEADER, a);
			}
			return builder.build();
		});
	}

	private static String kind(Decision decision) {
		if (decision instanceof Decision.AjaxRedirect) {
			return "ajax";
		}
		if (decision instanceof Decision.Redirect redirect) {
			String location = redirect.location();
			if (location.startsWith(WAITING_ROOM + "error/")) {
				return "error";
			}
			if (location.startsWith(WAITING_ROOM + "cancel/")) {
				return "cancel";
			}
			if (location.startsWith(WAITING_ROOM + "?")) {
				return "queue";
			}
			if (location.contains("/diagnostics/")) {
				return "diagnostics";
			}
			return "strip-token";
		}
		return "proceed";
	}

	private static void assertWellFormed(Decision... decisions) {
		for (Decision decision : decisions) {
			DecisionAssertions.assertWellFormed(decision);
		}
	}

	/**
	 * The visitor is sent to the waiting room (or to the diagnostics page of a forged
	 * debug token) and no session is created.
	 */
	private static void assertNotAdmitted(Decision decision) {
		assertThat(decision).isNotInstanceOf(Decision.Proceed.class);
		String location = (decision instanceof Decision.Redirect redirect) ? redirect.location()
				: ((Decision.AjaxRedirect) decision).location();
		assertThat(location.startsWith(WAITING_ROOM) || location.equals(DIAGNOSTICS_HASH)).as("location %s", location)
			.isTrue();
		assertThat(location).as("location is printable ASCII without spaces").matches("[\\x21-\\x7E]+");
		if (location.startsWith(WAITING_ROOM + "error/")) {
			List<String> names = TokenStripping.queryParameters(location).stream().map(TokenStripping::name).toList();
			assertThat(names).as("parameters of %s", location)
				.doesNotHaveDuplicates()
				.isSubsetOf(ERROR_URL_PARAMETERS)
				.contains("queueittoken", "ts");
		}
		assertThat(decision.result().queueId()).isNull();
		assertNoSessionStored(decision);
	}

	private static void assertNoSessionStored(Decision decision) {
		assertThat(decision.cookies()).filteredOn((cookie) -> cookie.name().equals(SESSION_COOKIE))
			.allMatch(CookieInstruction::isDeletion);
	}

}

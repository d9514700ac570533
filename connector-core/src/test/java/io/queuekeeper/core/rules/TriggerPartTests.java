package io.queuekeeper.core.rules;

import java.util.List;

import io.queuekeeper.core.testing.TestRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators and validators of spec 5.3 and 5.4, including the results the spec lists as
 * verified on the Java connector.
 */
class TriggerPartTests {

	private static boolean header(Operator operator, String actual, String value, List<String> values, boolean negative,
			boolean ignoreCase) {
		TriggerPart part = TriggerPart.of(ValidatorType.HTTP_HEADER, UrlPart.UNKNOWN, "x-test", operator, value, values,
				negative, ignoreCase);
		TestRequest.Builder request = TestRequest.get("https://shop.example.com/");
		if (actual != null) {
			request.header("x-test", actual);
		}
		return part.matches(new RequestValues(request.build(), "https://shop.example.com/"));
	}

	@ParameterizedTest(name = "Equals {0} vs {1}, negative={2}, ignoreCase={3} -> {4}")
	@CsvSource({ "abc, abc, false, false, true", "abc, ABC, false, false, false", "abc, ABC, false, true, true",
			"abc, abc, true, false, false", "abc, xyz, true, false, true", "'', '', false, false, true" })
	void matchesWhenEqualsThenExactOrFoldedComparison(String actual, String value, boolean negative, boolean ignoreCase,
			boolean expected) {
		assertThat(header(Operator.EQUALS, actual, value, List.of(), negative, ignoreCase)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "Contains {1} in {0}, negative={2}, ignoreCase={3} -> {4}")
	@CsvSource({ "abcdef, cd, false, false, true", "abcdef, CD, false, false, false", "abcdef, CD, false, true, true",
			"abcdef, cd, true, false, false", "abc, *, true, false, true", "abc, '', false, false, true",
			"'', '', false, false, true", "'', *, false, false, false" })
	void matchesWhenContainsThenSubstringWithWildcardQuirk(String actual, String value, boolean negative,
			boolean ignoreCase, boolean expected) {
		assertThat(header(Operator.CONTAINS, actual, value, List.of(), negative, ignoreCase)).isEqualTo(expected);
	}

	@Test
	void matchesWhenContainsWildcardOnMissingValueNegatedThenTrue() {
		assertThat(header(Operator.CONTAINS, null, "*", List.of(), true, false)).isTrue();
	}

	@Test
	void matchesWhenEqualsAnyThenAnyEntryAndNegationAppliedOnce() {
		assertThat(header(Operator.EQUALS_ANY, "APP", "", List.of("app", "partner"), false, true)).isTrue();
		assertThat(header(Operator.EQUALS_ANY, "APP", "", List.of("app", "partner"), false, false)).isFalse();
		assertThat(header(Operator.EQUALS_ANY, "web", "", List.of("app", "partner"), true, false)).isTrue();
		assertThat(header(Operator.EQUALS_ANY, "abc", "", List.of(), true, false)).isTrue();
		assertThat(header(Operator.EQUALS_ANY, "abc", "", List.of(), false, false)).isFalse();
	}

	@Test
	void matchesWhenContainsAnyThenWildcardRespectsNegation() {
		assertThat(header(Operator.CONTAINS_ANY, "abc", "", List.of("*"), true, false)).isFalse();
		assertThat(header(Operator.CONTAINS_ANY, "abc", "", List.of("*"), false, false)).isTrue();
		assertThat(header(Operator.CONTAINS_ANY, "/static/x", "", List.of("/assets/", "/STATIC/"), false, true))
			.isTrue();
		assertThat(header(Operator.CONTAINS_ANY, "/static/x", "", List.of("/assets/"), true, false)).isTrue();
	}

	@Test
	void matchesWhenOperatorUnknownThenFalseEvenIfNegated() {
		assertThat(Operator.fromWire("equals")).isEqualTo(Operator.UNKNOWN);
		assertThat(header(Operator.UNKNOWN, "abc", "abc", List.of(), false, false)).isFalse();
		assertThat(header(Operator.UNKNOWN, "abc", "xyz", List.of(), true, false)).isFalse();
	}

	@Test
	void matchesWhenValidatorUnknownThenFalse() {
		TriggerPart part = TriggerPart.of(ValidatorType.fromWire("GeoValidator"), UrlPart.UNKNOWN, "", Operator.EQUALS,
				"", List.of(), true, false);
		assertThat(part
			.matches(new RequestValues(TestRequest.get("https://s.example.com/").build(), "https://s.example.com/")))
			.isFalse();
	}

	@ParameterizedTest(name = "{0} of {1} is {2}")
	@CsvSource({ "PageUrl, https://Shop.example.com:8443/a/b?x=1, https://Shop.example.com:8443/a/b?x=1",
			"PagePath, https://Shop.example.com:8443/a/b?x=1, /a/b",
			"HostName, https://Shop.example.com:8443/a/b?x=1, Shop.example.com",
			"PageQuery, https://Shop.example.com:8443/a/b?x=1, ''" })
	void matchesWhenUrlValidatorThenComparesThePart(String urlPart, String url, String expectedValue) {
		TriggerPart part = TriggerPart.of(ValidatorType.URL, UrlPart.fromWire(urlPart), "", Operator.EQUALS,
				expectedValue, List.of(), false, false);
		assertThat(part.matches(new RequestValues(TestRequest.get(url).build(), url))).isTrue();
	}

	@Test
	void matchesWhenCookieValidatorThenRawValueAndCaseSensitiveName() {
		TriggerPart part = TriggerPart.of(ValidatorType.COOKIE, UrlPart.UNKNOWN, "segment", Operator.EQUALS, "a%20b",
				List.of(), false, false);
		assertThat(part
			.matches(new RequestValues(TestRequest.get("https://s.example.com/").cookie("segment", "a%20b").build(),
					"https://s.example.com/")))
			.isTrue();
		assertThat(part
			.matches(new RequestValues(TestRequest.get("https://s.example.com/").cookie("Segment", "a%20b").build(),
					"https://s.example.com/")))
			.isFalse();
	}

	@Test
	void matchesWhenUserAgentValidatorAndNoHeaderThenComparesEmpty() {
		TriggerPart part = TriggerPart.of(ValidatorType.USER_AGENT, UrlPart.UNKNOWN, "", Operator.CONTAINS, "bot",
				List.of(), true, true);
		assertThat(part
			.matches(new RequestValues(TestRequest.get("https://s.example.com/").build(), "https://s.example.com/")))
			.isTrue();
	}

	@Test
	void matchesWhenBodyValidatorThenBodyReadOncePerEvaluation() {
		TestRequest request = TestRequest.request("POST", "https://s.example.com/")
			.body("{\"sku\":\"SUMMER-1\"}")
			.build();
		RequestValues values = new RequestValues(request, "https://s.example.com/");
		TriggerPart part = TriggerPart.of(ValidatorType.REQUEST_BODY, UrlPart.UNKNOWN, "", Operator.CONTAINS,
				"\"sku\":\"SUMMER-", List.of(), false, false);
		assertThat(part.matches(values)).isTrue();
		assertThat(part.matches(values)).isTrue();
		assertThat(request.bodyReads()).isEqualTo(1);
	}

	@Test
	void matchesWhenTriggerHasNoPartsThenAndMatchesAndOrDoesNot() {
		RequestValues values = new RequestValues(TestRequest.get("https://s.example.com/").build(),
				"https://s.example.com/");
		assertThat(new Trigger(LogicalOperator.AND, List.of()).matches(values)).isTrue();
		assertThat(new Trigger(LogicalOperator.OR, List.of()).matches(values)).isFalse();
	}

}

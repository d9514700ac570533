package io.queuekeeper.core.rules;

import java.util.List;
import java.util.Locale;

import io.queuekeeper.core.testing.TestRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled conditions agree with a plain reading of spec 5.3 and 5.4 (fold both sides
 * when ignoring case, then compare, then negate) for every operator, {@code IsNegative}
 * and {@code IsIgnoreCase}, on every kind of request value.
 */
class ConditionPropertyTests {

	private static final String URL = "https://Shop.Example.com:8443/Drop/Straße?q=ſale";

	/**
	 * Letters whose upper case is special ({@code ß}, dotless and dotted i, long s,
	 * Kelvin sign), the wildcard and a few ASCII characters.
	 */
	private static final String ALPHABET = "aAbBsSiIkK*/ ßıİſKé-";

	@Property(tries = 5000)
	void matchesWhenHeaderPartThenAgreesWithReference(@ForAll Operator operator, @ForAll boolean negative,
			@ForAll boolean ignoreCase, @ForAll("texts") @Nullable String actual, @ForAll("texts") String value,
			@ForAll("valueLists") List<String> values) {
		TriggerPart part = TriggerPart.of(ValidatorType.HTTP_HEADER, UrlPart.UNKNOWN, "x-test", operator, value, values,
				negative, ignoreCase);
		TestRequest.Builder request = TestRequest.get(URL);
		if (actual != null) {
			request.header("x-test", actual);
		}
		boolean expected = reference(operator, actual, value, values, negative, ignoreCase);
		assertThat(compiledMatch(part, request.build())).isEqualTo(expected);
		assertThat(part.matches(new RequestValues(request.build(), URL))).isEqualTo(expected);
	}

	@Property(tries = 3000)
	void matchesWhenAnyValidatorThenAgreesWithReference(@ForAll("validators") ValidatorType validator,
			@ForAll UrlPart urlPart, @ForAll Operator operator, @ForAll boolean negative, @ForAll boolean ignoreCase,
			@ForAll("texts") String value, @ForAll("valueLists") List<String> values) {
		TestRequest request = TestRequest.request("POST", URL)
			.header("User-Agent", "Mozilla/5.0 ſpider-Bot")
			.header("x-test", "İstanbul")
			.cookie("segment", "Gold*ß")
			.body("{\"sku\":\"Kß-1\"}")
			.build();
		TriggerPart part = TriggerPart.of(validator, urlPart, validator == ValidatorType.COOKIE ? "segment" : "x-test",
				operator, value, values, negative, ignoreCase);
		String actual = switch (validator) {
			case URL -> switch (urlPart) {
				case PAGE_URL -> URL;
				case PAGE_PATH -> "/Drop/Straße";
				case HOST_NAME -> "Shop.Example.com";
				default -> "";
			};
			case COOKIE -> "Gold*ß";
			case USER_AGENT -> "Mozilla/5.0 ſpider-Bot";
			case HTTP_HEADER -> "İstanbul";
			case REQUEST_BODY -> "{\"sku\":\"Kß-1\"}";
			default -> null;
		};
		boolean expected = validator != ValidatorType.UNKNOWN
				&& reference(operator, actual, value, values, negative, ignoreCase);
		assertThat(compiledMatch(part, request)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} negative={1} ignoreCase={2}")
	@MethodSource("everyCombination")
	void matchesWhenEveryCombinationThenAgreesWithReferenceOnSamples(Operator operator, boolean negative,
			boolean ignoreCase) {
		List<String> samples = List.of("", "*", "abc", "ABC", "xabcx", "Straße", "STRASSE", "ſale", "SALE", "ı");
		for (String actual : samples) {
			for (String value : samples) {
				List<String> values = List.of(value, "zz");
				TriggerPart part = TriggerPart.of(ValidatorType.HTTP_HEADER, UrlPart.UNKNOWN, "x-test", operator, value,
						values, negative, ignoreCase);
				TestRequest request = TestRequest.get(URL).header("x-test", actual).build();
				assertThat(compiledMatch(part, request)).as("%s vs %s", actual, value)
					.isEqualTo(reference(operator, actual, value, values, negative, ignoreCase));
			}
		}
	}

	static Stream<Arguments> everyCombination() {
		List<Arguments> combinations = new ArrayList<>();
		for (Operator operator : Operator.values()) {
			for (boolean negative : new boolean[] { false, true }) {
				for (boolean ignoreCase : new boolean[] { false, true }) {
					combinations.add(Arguments.of(operator, negative, ignoreCase));
				}
			}
		}
		return combinations.stream();
	}

	/**
	 * Evaluates through a trigger, which holds the part compiled once, twice on the same
	 * request values so that the memoised values are used as well.
	 */
	private static boolean compiledMatch(TriggerPart part, TestRequest request) {
		Trigger trigger = new Trigger(LogicalOperator.AND, List.of(part));
		RequestValues values = new RequestValues(request, URL);
		boolean first = trigger.matches(values);
		assertThat(trigger.matches(values)).isEqualTo(first);
		return first;
	}

	private static boolean reference(Operator operator, @Nullable String actual, String value, List<String> values,
			boolean negative, boolean ignoreCase) {
		String a = (actual != null) ? actual : "";
		String v = value;
		List<String> vs = values;
		if (ignoreCase) {
			a = a.toUpperCase(Locale.ROOT);
			v = v.toUpperCase(Locale.ROOT);
			vs = values.stream().map((item) -> item.toUpperCase(Locale.ROOT)).toList();
		}
		switch (operator) {
			case EQUALS:
				return negative != a.equals(v);
			case CONTAINS:
				if (v.equals("*") && !a.isEmpty()) {
					return true;
				}
				return negative != a.contains(v);
			case EQUALS_ANY:
				return negative != vs.contains(a);
			case CONTAINS_ANY:
				for (String candidate : vs) {
					if (a.contains(candidate) || (candidate.equals("*") && !a.isEmpty())) {
						return !negative;
					}
				}
				return negative;
			default:
				return false;
		}
	}

	@Provide
	Arbitrary<String> texts() {
		return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(6);
	}

	@Provide
	Arbitrary<List<String>> valueLists() {
		return texts().list().ofMaxSize(3);
	}

	@Provide
	Arbitrary<ValidatorType> validators() {
		return Arbitraries.of(ValidatorType.class);
	}

}

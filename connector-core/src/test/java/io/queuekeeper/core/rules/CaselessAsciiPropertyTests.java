package io.queuekeeper.core.rules;

import java.util.List;
import java.util.Locale;

import io.queuekeeper.core.testing.TestRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parts that ignore case compare ASCII request values without upper-casing them first;
 * they must conclude what upper-casing both sides with the root locale concludes.
 */
class CaselessAsciiPropertyTests {

	@Property(tries = 5000)
	void containsIgnoringCaseWhenAsciiTextThenSameAsUpperCasedContains(@ForAll("asciiTexts") String text,
			@ForAll("asciiTexts") String needle) {
		String folded = needle.toUpperCase(Locale.ROOT);
		assertThat(Condition.containsIgnoringCase(text, folded))
			.isEqualTo(text.toUpperCase(Locale.ROOT).contains(folded));
	}

	@Property(tries = 3000)
	void containsIgnoringCaseWhenNeedleIsCutFromTheTextThenTrue(@ForAll("asciiTexts") String text, @ForAll int start,
			@ForAll int length) {
		if (text.isEmpty()) {
			return;
		}
		int from = Math.floorMod(start, text.length());
		int to = from + Math.floorMod(length, text.length() - from + 1);
		assertThat(Condition.containsIgnoringCase(text, text.substring(from, to).toUpperCase(Locale.ROOT))).isTrue();
	}

	@Property(tries = 3000)
	void headerPartWhenValueMayFoldBeyondAsciiThenSameAsUpperCasingBothSides(@ForAll("mixedTexts") String header,
			@ForAll("asciiTexts") String value, @ForAll boolean contains, @ForAll boolean negative) {
		TriggerPart part = TriggerPart.of(ValidatorType.HTTP_HEADER, UrlPart.UNKNOWN, "x-test",
				contains ? Operator.CONTAINS : Operator.EQUALS, value, List.of(), negative, true);
		String actual = header.toUpperCase(Locale.ROOT);
		String expectedValue = value.toUpperCase(Locale.ROOT);
		boolean outcome = contains
				? ("*".equals(value) ? !header.isEmpty() || negative : negative != actual.contains(expectedValue))
				: negative != actual.equals(expectedValue);
		TestRequest request = TestRequest.get("https://shop.example.com/").header("x-test", header).build();
		assertThat(part.matches(new RequestValues(request, request.url()))).isEqualTo(outcome);
	}

	@Example
	void containsIgnoringCaseWhenFirstLetterRepeatsThenFindsTheLaterStart() {
		assertThat(Condition.containsIgnoringCase("bbBbOt", "BOT")).isTrue();
		assertThat(Condition.containsIgnoringCase("bObObO", "BOT")).isFalse();
		assertThat(Condition.containsIgnoringCase("", "")).isTrue();
		assertThat(Condition.containsIgnoringCase("ab", "ABC")).isFalse();
		assertThat(Condition.containsIgnoringCase("x-1/2", "-1/")).isTrue();
	}

	@Provide
	Arbitrary<String> asciiTexts() {
		return Arbitraries.strings().withChars("aAbBoOtT-1/ ?".toCharArray()).ofMaxLength(14);
	}

	/**
	 * ASCII, and characters whose root upper case is ASCII or longer ({@code ı},
	 * {@code ſ}, {@code ß}, {@code ﬀ}), and an unpaired surrogate.
	 */
	@Provide
	Arbitrary<String> mixedTexts() {
		return Arbitraries.strings().withChars("aAbBoOtTsSiI-? ıſßﬀ\ud800".toCharArray()).ofMaxLength(12);
	}

}

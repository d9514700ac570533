package io.queuekeeper.core.rules;

import java.util.List;
import java.util.Random;

import io.queuekeeper.core.internal.Strings;
import io.queuekeeper.core.testing.TestRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trigram summary of a URL is a Bloom filter: it may let a literal through that the
 * URL does not contain, but must never rule out one that it contains, in any ASCII letter
 * case.
 */
class UrlGramsPropertyTests {

	private static final String DROP_URL = "https://shop.example.com/drop/sneaker-42?color=red";

	@Property(tries = 5000)
	void urlMayContainWhenUrlContainsLiteralInAnyCaseThenTrue(@ForAll("asciiText") String prefix,
			@ForAll("asciiText") String literal, @ForAll("asciiText") String suffix, @ForAll Random random) {
		String url = prefix + randomCase(literal, random) + suffix;
		assertThat(Strings.fold(url)).contains(Strings.fold(literal));
		long[] grams = UrlGrams.of(literal);
		Statistics.label("literal").collect((grams == null) ? "no grams" : "grams");
		if (grams != null) {
			RequestValues values = new RequestValues(TestRequest.get(url).build(), url);
			assertThat(values.urlMayContain(grams[0], grams[1])).as("url %s, literal %s", url, literal).isTrue();
			assertThat(grams[0] & ~values.urlGramsLow()).isZero();
			assertThat(grams[1] & ~values.urlGramsHigh()).isZero();
		}
	}

	@Property(tries = 3000)
	void urlMayContainWhenFalseThenUrlDoesNotContainLiteral(@ForAll("asciiText") String url,
			@ForAll("asciiText") String literal) {
		long[] grams = UrlGrams.of(literal);
		boolean mayContain = (grams == null)
				|| new RequestValues(TestRequest.get(url).build(), url).urlMayContain(grams[0], grams[1]);
		Statistics.label("may contain").collect(mayContain);
		if (!mayContain) {
			assertThat(Strings.fold(url)).doesNotContain(Strings.fold(literal));
		}
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", "a", "ab", "/\u00e9/", "sal\u0131", "\u017fale", "caf\u00e9-drop", "drop\ud83d\ude00" })
	void ofWhenLiteralIsShortOrBeyondAsciiThenNoGrams(String literal) {
		assertThat(UrlGrams.of(literal)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "ABC", "/sale-3/", "\u007f\u0000~" })
	void ofWhenAsciiLiteralOfThreeOrMoreThenGramsInOneHundredAndTwentyEightBits(String literal) {
		long[] grams = UrlGrams.of(literal);
		assertThat(grams).isNotNull().hasSize(2);
		assertThat(Long.bitCount(grams[0]) + Long.bitCount(grams[1])).isBetween(1, literal.length() - 2);
		assertThat(UrlGrams.of(literal.toLowerCase())).isEqualTo(UrlGrams.of(literal.toUpperCase()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://shop.example.com/\u0131tem/sale", "https://shop.example.com/\u017fale",
			"https://shop.example.com/drop?x=\u00e9", "https://shop.example.com/\ud83d\ude00" })
	void urlMayContainWhenUrlIsBeyondAsciiThenAnyLiteral(String url) {
		RequestValues values = new RequestValues(TestRequest.get(url).build(), url);
		assertThat(values.urlGramsLow()).isEqualTo(UrlGrams.ALL);
		assertThat(values.urlGramsHigh()).isEqualTo(UrlGrams.ALL);
		for (String literal : List.of("/sale-3/", "/checkout/7", "release-12", "zzz", "ITEM", "SALE")) {
			long[] grams = UrlGrams.of(literal);
			assertThat(values.urlMayContain(grams[0], grams[1])).as(literal).isTrue();
		}
	}

	@Test
	void matchesWhenUrlHasCharacterWhoseUpperCaseIsAsciiThenIgnoreCaseLiteralStillMatches() {
		// 'ſ' upper-cases to 'S' and 'ı' to 'I': the folded URL holds "SALE" and "ITEM",
		// which the URL's own characters do not.
		String url = "https://shop.example.com/\u0131tem/\u017fale";
		RequestValues values = new RequestValues(TestRequest.get(url).build(), url);
		TriggerPart sale = TriggerPart.of(ValidatorType.URL, UrlPart.PAGE_PATH, "", Operator.CONTAINS, "sale",
				List.of(), false, true);
		TriggerPart item = TriggerPart.of(ValidatorType.URL, UrlPart.PAGE_URL, "", Operator.CONTAINS, "/item/",
				List.of(), false, true);
		assertThat(sale.matches(values)).isTrue();
		assertThat(item.matches(values)).isTrue();
		assertThat(new Trigger(LogicalOperator.AND, List.of(sale, item)).matches(values)).isTrue();
		assertThat(new Trigger(LogicalOperator.OR, List.of(sale)).matches(values)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/sale-3/", "/checkout/7", "release-12" })
	void urlMayContainWhenDropUrlLacksATrigramThenFalse(String literal) {
		RequestValues values = new RequestValues(TestRequest.get(DROP_URL).build(), DROP_URL);
		long[] grams = UrlGrams.of(literal);
		assertThat(Strings.fold(DROP_URL)).doesNotContain(Strings.fold(literal));
		assertThat(values.urlMayContain(grams[0], grams[1])).isFalse();
		assertThat(values.urlMayContain(grams[0], 0)).isEqualTo((grams[0] & ~values.urlGramsLow()) == 0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/drop/", "SNEAKER-42", "color=red", "shop.example.com", DROP_URL })
	void urlMayContainWhenDropUrlContainsLiteralThenTrue(String literal) {
		RequestValues values = new RequestValues(TestRequest.get(DROP_URL).build(), DROP_URL);
		long[] grams = UrlGrams.of(literal);
		assertThat(values.urlMayContain(grams[0], grams[1])).isTrue();
	}

	/**
	 * ASCII text, weighted towards the letters, digits and punctuation of URLs so that
	 * random literals share trigrams with random URLs.
	 */
	@Provide
	Arbitrary<String> asciiText() {
		return Arbitraries.oneOf(Arbitraries.strings().withChars("abcABC/-.?=&:%019xyzXYZ").ofMaxLength(30),
				Arbitraries.strings().ascii().ofMaxLength(30));
	}

	private static String randomCase(String text, Random random) {
		StringBuilder result = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			result.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
		}
		return result.toString();
	}

}

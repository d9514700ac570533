package io.queuekeeper.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StringsPropertyTests {

	@Property(tries = 3000)
	void foldWhenAnyTextThenSameAsRootUpperCase(@ForAll("texts") String text) {
		assertThat(Strings.fold(text)).isEqualTo(text.toUpperCase(Locale.ROOT));
	}

	@Property(tries = 1000)
	void foldWhenArbitraryUnicodeThenSameAsRootUpperCase(@ForAll String text) {
		assertThat(Strings.fold(text)).isEqualTo(text.toUpperCase(Locale.ROOT));
	}

	@Property(tries = 3000)
	void decimalLengthAndPutDecimalWhenAnyNonNegativeThenAsLongToString(
			@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long number) {
		assertDecimal(number);
	}

	@Test
	void decimalLengthAndPutDecimalWhenNextToAPowerOfTenOrTwoThenAsLongToString() {
		assertDecimal(0);
		assertDecimal(Long.MAX_VALUE);
		assertDecimal(1_000_000_000_000_000_000L);
		assertDecimal(1_000_000_000_000_000_001L);
		for (long power = 1; power <= Long.MAX_VALUE / 10; power *= 10) {
			assertDecimal(power - 1);
			assertDecimal(power);
			assertDecimal(power + 1);
			assertDecimal(10 * power - 1);
		}
		for (int shift = 0; shift < 63; shift++) {
			assertDecimal((1L << shift) - 1);
			assertDecimal(1L << shift);
		}
	}

	/**
	 * Both helpers agree with {@link Long#toString(long)}, and the digits are written
	 * exactly where they belong.
	 */
	private static void assertDecimal(long number) {
		String expected = Long.toString(number);
		assertThat(Strings.decimalLength(number)).as("length of %d", number).isEqualTo(expected.length());
		byte[] out = new byte[expected.length() + 4];
		Arrays.fill(out, (byte) '#');
		assertThat(Strings.putDecimal(out, 2, number)).isEqualTo(2 + expected.length());
		assertThat(new String(out, StandardCharsets.US_ASCII)).isEqualTo("##" + expected + "##");
	}

	@Provide
	Arbitrary<String> texts() {
		return Arbitraries.strings()
			.withChars("aZz09 ~?\u007fßıİſé\ud83d\ude00\ud800\udc00".toCharArray())
			.ofMaxLength(20);
	}

}

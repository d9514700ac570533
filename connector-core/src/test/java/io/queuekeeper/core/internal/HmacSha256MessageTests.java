package io.queuekeeper.core.internal;

import java.util.HexFormat;

import io.queuekeeper.core.testing.Encoding;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message signed piece by piece signs the UTF-8 bytes of the concatenated pieces, and
 * its signature comparisons agree with comparing the hex text.
 */
class HmacSha256MessageTests {

	private static final String KEY = "4e1deb3c-1d2f-4b6a-9a0e-2f4f0c6b8d71";

	private final HmacSha256 hmac = new HmacSha256(KEY);

	@Property(tries = 2000)
	void appendWhenAnyPiecesThenSignsTheirConcatenation(@ForAll("pieces") String first, @ForAll("pieces") String second,
			@ForAll("pieces") String third, @ForAll long number) {
		String concatenated = first + second + third.substring(1 % Math.max(1, third.length())) + number;
		StringBuilder hex = new StringBuilder("prefix:");
		this.hmac.message()
			.append(first)
			.append(second)
			.append(third, 1 % Math.max(1, third.length()), third.length())
			.append(number)
			.appendHexTo(hex);
		assertThat(hex.toString()).isEqualTo("prefix:" + Encoding.hmacHex(KEY, concatenated));
	}

	/**
	 * Long ASCII pieces are copied in bulk; with an unpaired surrogate inside or at an
	 * edge, where it may pair with the next piece, they must still sign the UTF-8 of the
	 * concatenation.
	 */
	@Property(tries = 3000)
	void appendWhenLongMostlyAsciiPiecesThenSignsTheirConcatenation(@ForAll("mostlyAscii") String first,
			@ForAll("mostlyAscii") String second, @ForAll("mostlyAscii") String third) {
		StringBuilder hex = new StringBuilder();
		this.hmac.message().append(first).append(second).append(third).appendHexTo(hex);
		assertThat(hex.toString()).isEqualTo(Encoding.hmacHex(KEY, first + second + third));
	}

	@Property(tries = 500)
	void signatureWhenAnyTextThenRawBytesOfTheHexSignature(@ForAll("pieces") String text) {
		byte[] signature = this.hmac.message().append(text).signature();
		assertThat(HexFormat.of().formatHex(signature)).isEqualTo(Encoding.hmacHex(KEY, text));
		// A copy: the next message on this thread must not change it.
		this.hmac.message().append(text + "x").signature();
		assertThat(HexFormat.of().formatHex(signature)).isEqualTo(Encoding.hmacHex(KEY, text));
	}

	@Test
	void appendWhenSurrogatePairIsSplitBetweenPiecesThenSignsThePair() {
		String emoji = "\ud83d\ude00";
		StringBuilder hex = new StringBuilder();
		this.hmac.message().append("a" + emoji.charAt(0)).append(emoji.charAt(1) + "b").appendHexTo(hex);
		assertThat(hex.toString()).isEqualTo(Encoding.hmacHex(KEY, "a" + emoji + "b"));
	}

	@Test
	void appendWhenMessageIsLongerThanTheBufferThenSignsAll() {
		String message = "x".repeat(1000);
		StringBuilder hex = new StringBuilder();
		this.hmac.message().append(message).append(message).appendHexTo(hex);
		assertThat(hex.toString()).isEqualTo(Encoding.hmacHex(KEY, message + message));
	}

	@Property(tries = 2000)
	void signatureEqualsWhenAnyCandidateThenSameAsComparingHexText(@ForAll("pieces") String message,
			@ForAll("candidates") String candidate, @ForAll boolean genuine, @ForAll boolean upperCase) {
		String hex = Encoding.hmacHex(KEY, message);
		String text = genuine ? (upperCase ? hex.toUpperCase() : hex) : candidate;
		String framed = "<" + text + ">";
		assertThat(this.hmac.message().append(message).signatureEquals(framed, 1, framed.length() - 1))
			.isEqualTo(HmacSha256.constantTimeEquals(hex, text));
		assertThat(this.hmac.message().append(message).signatureEqualsIgnoringCase(framed, 1, framed.length() - 1))
			.isEqualTo(HmacSha256.constantTimeEquals(hex, text.toLowerCase(java.util.Locale.ROOT)));
	}

	@Test
	void signatureEqualsWhenOneCharacterDiffersThenFalse() {
		String hex = this.hmac.hex("m");
		String altered = hex.substring(0, 63) + ((hex.charAt(63) == '0') ? '1' : '0');
		assertThat(this.hmac.message().append("m").signatureEquals(hex, 0, 64)).isTrue();
		assertThat(this.hmac.message().append("m").signatureEquals(altered, 0, 64)).isFalse();
		assertThat(this.hmac.message().append("m").signatureEquals(hex.toUpperCase(), 0, 64)).isFalse();
		assertThat(this.hmac.message().append("m").signatureEqualsIgnoringCase(hex.toUpperCase(), 0, 64)).isTrue();
	}

	@Provide
	Arbitrary<String> pieces() {
		return Arbitraries.strings().withChars("aZ09~_-ü€\ud83d\ude00\ud800".toCharArray()).ofMaxLength(30);
	}

	@Provide
	Arbitrary<String> mostlyAscii() {
		Arbitrary<String> ascii = Arbitraries.strings().withChars("aZ09~_-?".toCharArray()).ofMaxLength(40);
		return Combinators
			.combine(ascii, Arbitraries.of("", "\ud800", "\udc00", "\ud83d\ude00", "ü"),
					Arbitraries.of("none", "start", "middle", "end"))
			.as((text, extra, where) -> switch (where) {
				case "start" -> extra + text;
				case "middle" -> text.substring(0, text.length() / 2) + extra + text.substring(text.length() / 2);
				case "end" -> text + extra;
				default -> text;
			});
	}

	@Provide
	Arbitrary<String> candidates() {
		return Arbitraries.strings()
			.withChars("0123456789abcdefABCDEFİK".toCharArray())
			.ofMinLength(62)
			.ofMaxLength(66);
	}

}

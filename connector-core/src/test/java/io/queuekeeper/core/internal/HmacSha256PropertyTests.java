package io.queuekeeper.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import io.queuekeeper.core.testing.Encoding;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The signer computes HMAC-SHA256 from the SHA-256 states after the key's pads; for any
 * key (shorter than, as long as, or longer than the 64-byte block, ASCII or not) and any
 * message it must give what the JDK's {@code Mac} gives, and so must its {@code Mac}
 * fallback. The byte-based message methods must agree with the string-based ones.
 */
class HmacSha256PropertyTests {

	private static final String KEY = "c0ffee00-5eed-4bad-8f00-0123456789ab";

	private final HmacSha256 hmac = new HmacSha256(KEY);

	@Property(tries = 1500)
	void hexWhenAnyKeyAndMessageThenSameAsJdkMac(@ForAll("keys") String key, @ForAll("messages") String message) {
		int keyBytes = key.getBytes(StandardCharsets.UTF_8).length;
		Statistics.label("key bytes").collect((keyBytes < 64) ? "< block" : (keyBytes == 64) ? "= block" : "> block");
		assertThat(new HmacSha256(key).hex(message)).isEqualTo(Encoding.hmacHex(key, message));
	}

	@ParameterizedTest
	@ValueSource(ints = { 63, 64, 65 })
	void hexWhenKeyIsAboutOneBlockLongThenSameAsJdkMac(int length) {
		String ascii = "k".repeat(length);
		// 'é' is two UTF-8 bytes: as many bytes as the ASCII key with fewer characters.
		String twoByte = "é".repeat(length / 2) + "k".repeat(length % 2);
		assertThat(twoByte.getBytes(StandardCharsets.UTF_8)).hasSize(length);
		for (String key : new String[] { ascii, twoByte }) {
			for (String message : new String[] { "", "m", "x".repeat(64), "x".repeat(200), "ü€" }) {
				assertThat(new HmacSha256(key).hex(message)).as("key %s, message %s", key, message)
					.isEqualTo(Encoding.hmacHex(key, message));
				assertThat(HmacSha256.withMac(key).hex(message)).isEqualTo(Encoding.hmacHex(key, message));
			}
		}
	}

	@Test
	void constructorWhenKeyIsEmptyThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HmacSha256(""));
		assertThatIllegalArgumentException().isThrownBy(() -> HmacSha256.withMac(""));
	}

	@Test
	void padsWhenDigestCanBeCopiedThenComputed() {
		// The pad states, not the fallback, are what the public constructor signs with.
		assertThat(HmacSha256.Pads.of(KEY.getBytes(StandardCharsets.UTF_8))).isNotNull();
	}

	@Property(tries = 1000)
	void withMacWhenAnyKeyAndMessageThenSignsAsPadStates(@ForAll("keys") String key, @ForAll("messages") String message,
			@ForAll("candidates") String candidate, @ForAll boolean genuine) {
		HmacSha256 pads = new HmacSha256(key);
		HmacSha256 mac = HmacSha256.withMac(key);
		String hex = Encoding.hmacHex(key, message);
		assertThat(mac.hex(message)).isEqualTo(pads.hex(message)).isEqualTo(hex);
		assertThat(mac.message().append(message).signature()).isEqualTo(pads.message().append(message).signature())
			.isEqualTo(HexFormat.of().parseHex(hex));

		byte[] written = new byte[70];
		byte[] writtenByMac = new byte[70];
		pads.message().append(message).writeHex(written, 3);
		mac.message().append(message).writeHex(writtenByMac, 3);
		assertThat(writtenByMac).isEqualTo(written);

		String text = genuine ? hex : candidate;
		byte[] ascii = ("<" + text + ">").getBytes(StandardCharsets.ISO_8859_1);
		boolean expected = text.equals(hex);
		assertThat(pads.message().append(message).signatureEquals(ascii, 1, ascii.length - 1)).isEqualTo(expected);
		assertThat(mac.message().append(message).signatureEquals(ascii, 1, ascii.length - 1)).isEqualTo(expected);
		assertThat(mac.message().append(message).signatureEquals("<" + text + ">", 1, text.length() + 1))
			.isEqualTo(expected);
	}

	@Property(tries = 2000)
	void appendBytesWhenAnyAsciiRangeThenSameAsAppendingTheCharacters(@ForAll("messages") String before,
			@ForAll("ascii") String ascii, @ForAll @IntRange(min = 0, max = 40) int from,
			@ForAll @IntRange(min = 0, max = 40) int length, @ForAll("messages") String after) {
		int start = Math.min(from, ascii.length());
		int end = Math.min(start + length, ascii.length());
		byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
		StringBuilder fromBytes = new StringBuilder();
		this.hmac.message().append(before).append(bytes, start, end).append(after).appendHexTo(fromBytes);
		StringBuilder fromString = new StringBuilder();
		this.hmac.message().append(before).append(ascii, start, end).append(after).appendHexTo(fromString);
		assertThat(fromBytes.toString()).isEqualTo(fromString.toString())
			.isEqualTo(Encoding.hmacHex(KEY, before + ascii.substring(start, end) + after));
	}

	@Property(tries = 1000)
	void writeHexWhenAnyMessageThenWritesExactlyTheHexAtTheOffset(@ForAll("messages") String message,
			@ForAll @IntRange(min = 0, max = 20) int at, @ForAll @IntRange(min = 0, max = 20) int slack) {
		byte[] out = new byte[at + 64 + slack];
		Arrays.fill(out, (byte) '#');
		this.hmac.message().append(message).writeHex(out, at);
		String written = new String(out, StandardCharsets.ISO_8859_1);
		assertThat(written).isEqualTo("#".repeat(at) + this.hmac.hex(message) + "#".repeat(slack));
		assertThat(written.substring(at, at + 64)).isEqualTo(Encoding.hmacHex(KEY, message));
	}

	@Property(tries = 2000)
	void hexWordWhenAnyDigestThenSameAsHexFormat(@ForAll("digests") byte[] digest) {
		byte[] hex = new byte[64];
		for (int word = 0; word < 8; word++) {
			long digits = HmacSha256.Message.hexWord(digest, word);
			for (int i = 0; i < 8; i++) {
				hex[word * 8 + i] = (byte) (digits >>> (8 * i));
			}
		}
		assertThat(new String(hex, StandardCharsets.US_ASCII)).isEqualTo(HexFormat.of().formatHex(digest));
	}

	/** 32-byte digests, with every byte value likely in some of them. */
	@Provide
	Arbitrary<byte[]> digests() {
		return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofSize(32),
				Arbitraries.integers().between(0, 255).map((b) -> {
					byte[] same = new byte[32];
					Arrays.fill(same, (byte) (int) b);
					return same;
				}));
	}

	@Property(tries = 3000)
	void signatureEqualsBytesWhenAnyCandidateThenSameAsSignatureEqualsString(@ForAll("messages") String message,
			@ForAll("candidates") String candidate, @ForAll("genuineness") String how) {
		String hex = Encoding.hmacHex(KEY, message);
		String text = switch (how) {
			case "genuine" -> hex;
			case "upper" -> hex.toUpperCase();
			case "short" -> hex.substring(1);
			case "long" -> hex + "0";
			case "flipped" -> hex.substring(0, 63) + ((hex.charAt(63) == 'a') ? 'b' : 'a');
			default -> candidate;
		};
		String framed = "xy" + text + "z";
		byte[] ascii = framed.getBytes(StandardCharsets.US_ASCII);
		boolean fromBytes = this.hmac.message().append(message).signatureEquals(ascii, 2, 2 + text.length());
		boolean fromString = this.hmac.message().append(message).signatureEquals(framed, 2, 2 + text.length());
		Statistics.label("how").collect(how);
		assertThat(fromBytes).isEqualTo(fromString).isEqualTo(text.equals(hex));
	}

	@Test
	void signatureEqualsBytesWhenUpperCaseHexThenFalse() {
		String hex = this.hmac.hex("m");
		byte[] upper = hex.toUpperCase().getBytes(StandardCharsets.US_ASCII);
		byte[] lower = hex.getBytes(StandardCharsets.US_ASCII);
		assertThat(hex).matches(".*[a-f].*");
		assertThat(this.hmac.message().append("m").signatureEquals(lower, 0, 64)).isTrue();
		assertThat(this.hmac.message().append("m").signatureEquals(upper, 0, 64)).isFalse();
		assertThat(this.hmac.message().append("m").signatureEquals(lower, 0, 63)).isFalse();
		assertThat(this.hmac.message().append("m").signatureEquals(lower, 1, 64)).isFalse();
	}

	/**
	 * Keys of 1 to 200 characters, ASCII or beyond (two-, three- and four-byte UTF-8), so
	 * that their UTF-8 length falls below, on and above the 64-byte block.
	 */
	@Provide
	Arbitrary<String> keys() {
		Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(200);
		Arbitrary<String> mixed = Arbitraries.strings()
			.withChars("aZ09-~ éü€ключ\u212a\ud83d".toCharArray())
			.ofMinLength(1)
			.ofMaxLength(200)
			.map((key) -> key.replace("\ud83d", "\ud83d\ude00"));
		Arbitrary<String> aroundBlock = Arbitraries.integers()
			.between(60, 68)
			.flatMap((length) -> Arbitraries.strings().alpha().ofLength(length));
		return Arbitraries.oneOf(ascii, mixed, aroundBlock);
	}

	@Provide
	Arbitrary<String> messages() {
		return Arbitraries.oneOf(
				Arbitraries.strings().withChars("aZ09~_-üß€\ud83d\ude00".toCharArray()).ofMaxLength(30),
				Arbitraries.strings().ascii().ofMaxLength(300), Arbitraries.strings().ofMaxLength(20));
	}

	@Provide
	Arbitrary<String> ascii() {
		return Arbitraries.strings().ascii().ofMaxLength(40);
	}

	@Provide
	Arbitrary<String> candidates() {
		return Arbitraries.oneOf(
				Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMinLength(62).ofMaxLength(66),
				Arbitraries.strings().ascii().ofMaxLength(70));
	}

	@Provide
	Arbitrary<String> genuineness() {
		return Arbitraries.of("genuine", "upper", "short", "long", "flipped", "candidate");
	}

}

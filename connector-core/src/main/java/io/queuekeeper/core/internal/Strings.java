package io.queuekeeper.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * String helpers with the exact semantics the wire protocol depends on.
 */
public final class Strings {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long LOW_BITS = 0x0101010101010101L;

	/** The high bit of each of the eight bytes of a word. */
	public static final long HIGH_BITS = 0x8080808080808080L;

	/** 10 to the power of each index, up to the largest that fits in a long. */
	private static final long[] POWERS_OF_TEN = powersOfTen();

	/** The two ASCII digits of each number from 00 to 99, in order. */
	private static final byte[] DIGIT_PAIRS = digitPairs();

	private Strings() {
	}

	/**
	 * Whether the value is null, empty or only whitespace ({@link String#isBlank()}).
	 */
	public static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/**
	 * Upper-cases with {@link Locale#ROOT}, so that a Turkish default locale cannot
	 * change how {@code i} and {@code I} compare.
	 */
	public static String fold(String value) {
		// Triggers fold the URL, the path and the User-Agent of most requests, and the
		// JDK's general case mapping looks up every character. For ASCII text the root
		// locale's mapping is a-z to A-Z and nothing else, done here eight bytes at a
		// time. An unpaired surrogate is among the bytes as a '?', and is told apart from
		// a real '?' below.
		byte[] bytes = asciiBytes(value);
		if (bytes == null) {
			return value.toUpperCase(Locale.ROOT);
		}
		int length = bytes.length;
		int i = 0;
		for (; i + Long.BYTES <= length; i += Long.BYTES) {
			long word = (long) LONGS.get(bytes, i);
			long questionMarks = word ^ 0x3F3F3F3F3F3F3F3FL;
			if (((questionMarks - LOW_BITS) & ~questionMarks & HIGH_BITS) != 0
					&& !questionMarksAreReal(value, bytes, i, i + Long.BYTES)) {
				return value.toUpperCase(Locale.ROOT);
			}
			long lower = bytesInRange(word, 'a', 'z');
			LONGS.set(bytes, i, word - (lower >>> 2));
		}
		if (!questionMarksAreReal(value, bytes, i, length)) {
			return value.toUpperCase(Locale.ROOT);
		}
		for (; i < length; i++) {
			byte c = bytes[i];
			if (c >= 'a' && c <= 'z') {
				bytes[i] = (byte) (c - ('a' - 'A'));
			}
		}
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	/**
	 * Returns the eight bytes at {@code at} as a little-endian word.
	 */
	public static long wordAt(byte[] bytes, int at) {
		return (long) LONGS.get(bytes, at);
	}

	/**
	 * Returns, for a word of eight ASCII bytes (each below {@code 0x80}), the high bit of
	 * each byte that lies from {@code low} to {@code high}. Adding {@code 0x80 - low} to
	 * a byte sets its high bit when it is at least {@code low}, and adding
	 * {@code 0x7F - high} when it is above {@code high}; neither sum carries into the
	 * next byte.
	 */
	public static long bytesInRange(long word, char low, char high) {
		return (word + (0x80 - low) * LOW_BITS) & ~(word + (0x7F - high) * LOW_BITS) & HIGH_BITS;
	}

	/**
	 * Returns how many decimal digits a non-negative number has.
	 */
	public static int decimalLength(long nonNegative) {
		// A number of b bits has floor(b * log10(2)) or one more digits; 1233 / 4096
		// is log10(2) closely enough for every b up to 64, and one comparison with a
		// power of ten tells which. Zero is counted as one, which has as many digits;
		// every power of ten from 10 up is even, so setting the lowest bit never
		// takes a number below one of them up to it.
		long number = nonNegative | 1;
		int bits = Long.SIZE - Long.numberOfLeadingZeros(number);
		int atLeast = (bits * 1233) >>> 12;
		return (number >= POWERS_OF_TEN[atLeast]) ? atLeast + 1 : atLeast;
	}

	/**
	 * Writes the decimal digits of a non-negative number as ASCII bytes at {@code at} and
	 * returns where they end.
	 */
	public static int putDecimal(byte[] out, int at, long nonNegative) {
		int end = at + decimalLength(nonNegative);
		long rest = nonNegative;
		int i = end;
		// Two digits a step, from the right, so that the chain of divisions is half
		// as long.
		while (i - at >= 2) {
			int pair = (int) (rest % 100);
			rest /= 100;
			out[--i] = DIGIT_PAIRS[2 * pair + 1];
			out[--i] = DIGIT_PAIRS[2 * pair];
		}
		if (i > at) {
			out[--i] = (byte) ('0' + rest);
		}
		return end;
	}

	/**
	 * Whether every character of the value is ASCII (below {@code 0x80}).
	 */
	public static boolean isAscii(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Returns the UTF-8 bytes of the value when they are one per character, found with
	 * the JDK's vectorised encoding: when the value is ASCII, or when its only other
	 * characters are unpaired surrogates, each of which UTF-8 encoding writes as a
	 * {@code '?'}. Otherwise returns {@code null}.
	 */
	public static byte @Nullable [] asciiBytes(String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		return (bytes.length == value.length()) ? bytes : null;
	}

	/**
	 * Whether every {@code '?'} among the bytes is a {@code '?'} of the text, not an
	 * unpaired surrogate that UTF-8 encoding replaced.
	 */
	private static boolean questionMarksAreReal(String value, byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == '?' && value.charAt(i) != '?') {
				return false;
			}
		}
		return true;
	}

	private static long[] powersOfTen() {
		long[] powers = new long[19];
		powers[0] = 1;
		for (int i = 1; i < powers.length; i++) {
			powers[i] = powers[i - 1] * 10;
		}
		return powers;
	}

	private static byte[] digitPairs() {
		byte[] pairs = new byte[200];
		for (int i = 0; i < 100; i++) {
			pairs[2 * i] = (byte) ('0' + i / 10);
			pairs[2 * i + 1] = (byte) ('0' + i % 10);
		}
		return pairs;
	}

}

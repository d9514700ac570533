package io.queuekeeper.core.rules;

import java.nio.charset.StandardCharsets;

import io.queuekeeper.core.internal.Strings;
import org.jspecify.annotations.Nullable;

/**
 * A 128-bit summary of the three-character sequences (trigrams) of an ASCII text, with
 * ASCII letters upper-cased: a Bloom filter that tells, without a search, that a text
 * cannot contain a given literal. If a text contains a literal, every trigram of the
 * literal is a trigram of the text, so every bit of the literal's summary is set in the
 * text's; a literal with a bit the text lacks is not in it.
 *
 * <p>
 * The URL, its path and its host name are ranges of one text, so one summary of the page
 * URL serves every URL part; and upper-casing ASCII letters keeps a range a range, so it
 * serves parts that ignore case too. Text beyond ASCII has no summary: the root locale's
 * upper-casing can turn such a character into ASCII letters ({@code ı} into {@code I},
 * {@code ﬀ} into {@code FF}), and then a folded range is no longer a range of the text.
 */
final class UrlGrams {

	/** The summary of a text that cannot be summarised: every literal may be in it. */
	static final long ALL = -1L;

	private UrlGrams() {
	}

	/**
	 * Returns the summary of an ASCII literal as two longs (bits 0-63 and 64-127), or
	 * {@code null} when it has none: shorter than three characters, or not ASCII.
	 */
	static long @Nullable [] of(String literal) {
		if (literal.length() < 3 || !Strings.isAscii(literal)) {
			return null;
		}
		return of(literal.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Returns the summary of ASCII text, given as its bytes, as two longs (bits 0-63 and
	 * 64-127).
	 */
	static long[] of(byte[] ascii) {
		long[] bits = new long[2];
		int a = 0;
		int b = 0;
		for (int i = 0; i < ascii.length; i++) {
			int c = upper(ascii[i]);
			if (i >= 2) {
				int bit = bit(a, b, c);
				bits[bit >>> 6] |= 1L << bit;
			}
			a = b;
			b = c;
		}
		return bits;
	}

	/**
	 * Upper-cases an ASCII letter; leaves any other character as it is.
	 */
	static int upper(int c) {
		return (c >= 'a' && c <= 'z') ? c - ('a' - 'A') : c;
	}

	/**
	 * The bit, 0 to 127, of the trigram {@code a b c}.
	 */
	static int bit(int a, int b, int c) {
		return ((((a << 7) | b) << 7 | c) * 0x9E3779B1) >>> 25;
	}

}

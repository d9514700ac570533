package io.queuekeeper.core.internal;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The URL encodings of the KnownUser v3 wire protocol.
 */
public final class UrlCodec {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private UrlCodec() {
	}

	/**
	 * {@link URLEncoder} with UTF-8: unreserved are {@code A-Z a-z 0-9 . - * _}, a space
	 * becomes {@code +}. Used for cookie values and the AJAX redirect header.
	 */
	public static String formEncode(String value) {
		// Every session cookie is encoded here, and for its many '=' and '&' the JDK
		// encoder builds a CharArrayWriter, a String and a byte array each. ASCII text,
		// which cookie values are, is encoded directly; anything else goes to the JDK.
		int length = value.length();
		int escaped = 0;
		boolean changed = false;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c >= 0x80) {
				return URLEncoder.encode(value, StandardCharsets.UTF_8);
			}
			if (!isFormUnreserved(c)) {
				escaped++;
				changed = true;
			}
			else if (c == ' ') {
				changed = true;
			}
		}
		if (!changed) {
			return value;
		}
		byte[] out = new byte[length + 2 * escaped];
		int n = 0;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (isFormUnreserved(c)) {
				out[n++] = (byte) ((c == ' ') ? '+' : c);
			}
			else {
				out[n++] = '%';
				out[n++] = (byte) HEX[c >> 4];
				out[n++] = (byte) HEX[c & 0xF];
			}
		}
		return new String(out, StandardCharsets.ISO_8859_1);
	}

	private static boolean isFormUnreserved(char c) {
		return isQueryUnreserved(c) || c == '*' || c == ' ';
	}

	/**
	 * The query-parameter encoder of the Java connector: {@link #formEncode} with
	 * {@code +} turned into {@code %20} and {@code *} into {@code %2A}. Only
	 * {@code A-Z a-z 0-9 . - _} stay as they are.
	 */
	public static String queryEncode(String value) {
		StringBuilder out = null;
		int length = value.length();
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (!isQueryUnreserved(c)) {
				out = new StringBuilder(length + 16);
				out.append(value, 0, i);
				appendPercentEncoded(out, value.substring(i), false);
				break;
			}
		}
		return (out != null) ? out.toString() : value;
	}

	/**
	 * Appends {@link #queryEncode(String)} of the value to the builder, without an
	 * intermediate string.
	 * @param out the builder
	 * @param value the value to encode
	 * @return the builder
	 */
	public static StringBuilder appendQueryEncoded(StringBuilder out, String value) {
		int length = value.length();
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (isQueryUnreserved(c)) {
				out.append(c);
			}
			else if (c < 0x80) {
				out.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
			}
			else {
				appendPercentEncoded(out, value.substring(i), false);
				break;
			}
		}
		return out;
	}

	/**
	 * Percent-encodes every byte outside the RFC 3986 unreserved set
	 * {@code A-Z a-z 0-9 - . _ ~}. Genuine queue tokens pass through unchanged.
	 */
	public static String unreservedEncode(String value) {
		int length = value.length();
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (!isQueryUnreserved(c) && c != '~') {
				StringBuilder out = new StringBuilder(length + 16);
				out.append(value, 0, i);
				appendPercentEncoded(out, value.substring(i), true);
				return out.toString();
			}
		}
		return value;
	}

	private static void appendPercentEncoded(StringBuilder out, String value, boolean keepTilde) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		for (byte b : bytes) {
			char c = (char) (b & 0xFF);
			if (c < 0x80 && (isQueryUnreserved(c) || (keepTilde && c == '~'))) {
				out.append(c);
			}
			else {
				out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
			}
		}
	}

	private static boolean isQueryUnreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
				|| c == '_';
	}

	/**
	 * Decodes as {@link java.net.URLDecoder} does with UTF-8 ({@code +} is a space), but
	 * returns {@code null} instead of throwing when a {@code %} sequence is malformed.
	 */
	public static @Nullable String formDecodeStrict(String value) {
		return decode(value, true, false);
	}

	/**
	 * Decodes as {@link java.net.URLDecoder} does with UTF-8 ({@code +} is a space); a
	 * malformed {@code %} sequence is kept literally instead of failing.
	 */
	public static String formDecodeLenient(String value) {
		String decoded = decode(value, true, true);
		return (decoded != null) ? decoded : value;
	}

	/**
	 * Percent-decodes with UTF-8, leaving {@code +} as it is; a malformed {@code %}
	 * sequence is kept literally.
	 */
	public static String percentDecodeLenient(String value) {
		String decoded = decode(value, false, true);
		return (decoded != null) ? decoded : value;
	}

	private static @Nullable String decode(String value, boolean plusIsSpace, boolean lenient) {
		int length = value.length();
		int first = -1;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c == '%' || (plusIsSpace && c == '+')) {
				first = i;
				break;
			}
		}
		if (first < 0) {
			return value;
		}
		String ascii = decodeAscii(value, plusIsSpace);
		if (ascii != null) {
			return ascii;
		}
		StringBuilder out = new StringBuilder(length);
		out.append(value, 0, first);
		ByteArrayOutputStream pending = new ByteArrayOutputStream();
		int i = first;
		while (i < length) {
			char c = value.charAt(i);
			if (c == '%') {
				int hi = (i + 2 < length) ? Character.digit(value.charAt(i + 1), 16) : -1;
				int lo = (hi >= 0) ? Character.digit(value.charAt(i + 2), 16) : -1;
				if (hi >= 0 && lo >= 0) {
					pending.write((hi << 4) | lo);
					i += 3;
					continue;
				}
				if (!lenient) {
					return null;
				}
			}
			flush(pending, out);
			out.append((plusIsSpace && c == '+') ? ' ' : c);
			i++;
		}
		flush(pending, out);
		return out.toString();
	}

	/**
	 * Decodes the common case, ASCII text whose escapes all stand for ASCII bytes,
	 * straight into a byte array: a session cookie has a dozen escapes, and the general
	 * path pays a byte stream, an array and a string for each. Returns {@code null} for
	 * anything else (non-ASCII, a malformed or non-ASCII escape), which the general path
	 * decides.
	 */
	private static @Nullable String decodeAscii(String value, boolean plusIsSpace) {
		int length = value.length();
		byte[] out = new byte[length];
		int n = 0;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c >= 0x80) {
				return null;
			}
			if (c == '%') {
				int hi = (i + 2 < length) ? asciiHexDigit(value.charAt(i + 1)) : -1;
				int lo = (hi >= 0) ? asciiHexDigit(value.charAt(i + 2)) : -1;
				if (lo < 0 || hi >= 8) {
					return null;
				}
				out[n++] = (byte) ((hi << 4) | lo);
				i += 2;
			}
			else {
				out[n++] = (byte) ((plusIsSpace && c == '+') ? ' ' : c);
			}
		}
		return new String(out, 0, n, StandardCharsets.ISO_8859_1);
	}

	private static int asciiHexDigit(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		return -1;
	}

	private static void flush(ByteArrayOutputStream pending, StringBuilder out) {
		if (pending.size() > 0) {
			out.append(new String(pending.toByteArray(), StandardCharsets.UTF_8));
			pending.reset();
		}
	}

}

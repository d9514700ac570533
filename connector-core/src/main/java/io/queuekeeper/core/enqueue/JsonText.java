package io.queuekeeper.core.enqueue;

/**
 * Writes JSON string literals. Queue-it's Java library writes values unescaped (spec 12
 * T1), which breaks on a quote; here quotes, backslashes and control characters are
 * escaped, and everything outside printable ASCII is written as a {@code \}{@code uXXXX}
 * escape so that the text is ASCII and round-trips any Java string, even one with an
 * unpaired surrogate. Values without such characters come out as the Java library writes
 * them.
 */
final class JsonText {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private JsonText() {
	}

	static StringBuilder quote(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				case '\b' -> json.append("\\b");
				case '\f' -> json.append("\\f");
				default -> {
					if (c < 0x20 || c >= 0x7f) {
						json.append("\\u")
							.append(HEX[(c >> 12) & 0xf])
							.append(HEX[(c >> 8) & 0xf])
							.append(HEX[(c >> 4) & 0xf])
							.append(HEX[c & 0xf]);
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"');
	}

}

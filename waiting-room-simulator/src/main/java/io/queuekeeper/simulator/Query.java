package io.queuekeeper.simulator;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A decoded query string in which every name appears at most once.
 */
final class Query {

	private final Map<String, String> values;

	private Query(Map<String, String> values) {
		this.values = values;
	}

	/**
	 * Decodes a raw query.
	 * @throws BadRequestException if it is malformed or repeats a parameter
	 */
	static Query parse(@Nullable String rawQuery) {
		Map<String, String> values = new LinkedHashMap<>();
		if (rawQuery != null && !rawQuery.isEmpty()) {
			for (String pair : rawQuery.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = decode((equals < 0) ? pair : pair.substring(0, equals));
				String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
				if (values.putIfAbsent(name, value) != null) {
					throw new BadRequestException("The parameter '" + name + "' appears more than once.");
				}
			}
		}
		return new Query(values);
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException("The address contains a malformed percent-encoding.");
		}
	}

	static String decodePathSegment(String segment) {
		return decode(segment.replace("+", "%2B"));
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	@Nullable String get(String name) {
		return this.values.get(name);
	}

	/**
	 * Returns whether the value is an absolute http or https URL that a browser can be
	 * sent to: a host, and no whitespace, control characters, quotes, angle brackets,
	 * backslashes (which browsers read as slashes) or characters outside ASCII (the JDK
	 * server writes each header character as its low byte, so U+010D U+010A in a
	 * {@code Location} would become CR LF; a real URL percent-encodes them).
	 */
	static boolean isHttpUrl(String value) {
		String lower = value.toLowerCase(Locale.ROOT);
		int authorityStart;
		if (lower.startsWith("http://")) {
			authorityStart = 7;
		}
		else if (lower.startsWith("https://")) {
			authorityStart = 8;
		}
		else {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c <= 0x20 || c >= 0x7F || c == '\\' || c == '"' || c == '<' || c == '>') {
				return false;
			}
		}
		int authorityEnd = authorityStart;
		while (authorityEnd < value.length() && "/?#".indexOf(value.charAt(authorityEnd)) < 0) {
			authorityEnd++;
		}
		String authority = value.substring(authorityStart, authorityEnd);
		return !authority.isEmpty() && authority.indexOf('@') < 0 && !authority.startsWith(":");
	}

}

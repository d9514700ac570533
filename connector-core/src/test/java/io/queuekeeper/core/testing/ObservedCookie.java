package io.queuekeeper.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.queuekeeper.core.http.CookieInstruction;
import org.jspecify.annotations.Nullable;

/**
 * A cookie as the conformance cases describe it.
 */
public record ObservedCookie(String name, String value, @Nullable Long maxAge, @Nullable String domain, String path,
		boolean httpOnly, boolean secure) {

	public static ObservedCookie of(CookieInstruction instruction) {
		return new ObservedCookie(instruction.name(), instruction.value(),
				(instruction.maxAge() != null) ? instruction.maxAge().getSeconds() : null, instruction.domain(),
				instruction.path(), instruction.httpOnly(), instruction.secure());
	}

	/**
	 * Parses a {@code Set-Cookie} header value.
	 */
	public static ObservedCookie parse(String header) {
		String[] parts = header.split(";");
		int eq = parts[0].indexOf('=');
		String name = parts[0].substring(0, eq).trim();
		String value = parts[0].substring(eq + 1).trim();
		Long maxAge = null;
		String domain = null;
		String path = null;
		boolean httpOnly = false;
		boolean secure = false;
		for (int i = 1; i < parts.length; i++) {
			String attribute = parts[i].trim();
			int sep = attribute.indexOf('=');
			String key = ((sep < 0) ? attribute : attribute.substring(0, sep)).toLowerCase(Locale.ROOT);
			String attributeValue = (sep < 0) ? "" : attribute.substring(sep + 1);
			switch (key) {
				case "max-age" -> maxAge = Long.parseLong(attributeValue);
				case "domain" -> domain = attributeValue;
				case "path" -> path = attributeValue;
				case "httponly" -> httpOnly = true;
				case "secure" -> secure = true;
				default -> {
				}
			}
		}
		return new ObservedCookie(name, value, maxAge, domain, (path != null) ? path : "", httpOnly, secure);
	}

	/**
	 * Parses {@code Set-Cookie} headers, leaving out the diagnostics cookie that no case
	 * lists.
	 */
	public static List<ObservedCookie> parseAll(List<String> headers) {
		List<ObservedCookie> cookies = new ArrayList<>();
		for (String header : headers) {
			ObservedCookie cookie = parse(header);
			if (!"queueitdebug".equals(cookie.name())) {
				cookies.add(cookie);
			}
		}
		return cookies;
	}

}

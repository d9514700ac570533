package io.queuekeeper.core.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The normative token-stripping algorithm of protocol §2, written out independently of
 * the engine so that properties can use it as an oracle.
 */
public final class TokenStripping {

	/** Name of the token parameter. */
	public static final String TOKEN = "queueittoken";

	private TokenStripping() {
	}

	/**
	 * Splits at the first {@code ?}, drops every parameter named {@code queueittoken} in
	 * any ASCII letter case, and drops the {@code ?} when nothing is left.
	 */
	public static String strip(String url) {
		int query = url.indexOf('?');
		if (query < 0) {
			return url;
		}
		List<String> kept = new ArrayList<>();
		for (String parameter : url.substring(query + 1).split("&", -1)) {
			if (!isTokenParameter(parameter)) {
				kept.add(parameter);
			}
		}
		return kept.isEmpty() ? url.substring(0, query) : url.substring(0, query + 1) + String.join("&", kept);
	}

	/**
	 * Returns the raw parameters of the query (everything after the first {@code ?},
	 * split on {@code &}), or an empty list when there is no {@code ?}.
	 */
	public static List<String> queryParameters(String url) {
		int query = url.indexOf('?');
		return (query < 0) ? List.of() : Arrays.asList(url.substring(query + 1).split("&", -1));
	}

	/**
	 * Returns the name of a raw parameter: the text before its first {@code =}.
	 */
	public static String name(String parameter) {
		int equals = parameter.indexOf('=');
		return (equals < 0) ? parameter : parameter.substring(0, equals);
	}

	/**
	 * Whether the raw parameter is named {@code queueittoken} in any ASCII letter case.
	 */
	public static boolean isTokenParameter(String parameter) {
		return isTokenName(name(parameter));
	}

	/**
	 * Whether the name is {@code queueittoken} in any ASCII letter case. Non-ASCII
	 * look-alikes (such as the Kelvin sign for {@code k}) are not the parameter: browsers
	 * percent-encode them.
	 */
	public static boolean isTokenName(String name) {
		if (name.length() != TOKEN.length()) {
			return false;
		}
		for (int i = 0; i < TOKEN.length(); i++) {
			char c = name.charAt(i);
			char lower = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
			if (lower != TOKEN.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Returns the token as the engine reads it (§1.1): the value of the first parameter
	 * named exactly {@code queueittoken}, up to any further {@code =}, or {@code ""}.
	 */
	public static String firstExactTokenValue(String url) {
		for (String parameter : queryParameters(url)) {
			if (name(parameter).equals(TOKEN)) {
				String value = (parameter.length() > TOKEN.length()) ? parameter.substring(TOKEN.length() + 1) : "";
				int equals = value.indexOf('=');
				return (equals < 0) ? value : value.substring(0, equals);
			}
		}
		return "";
	}

}

package io.queuekeeper.core.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import io.queuekeeper.core.internal.Strings;
import org.jspecify.annotations.Nullable;

/**
 * A cookie the response must set (or delete, with an empty value and a zero max age).
 *
 * @param name the cookie name
 * @param value the value exactly as it goes on the wire (already URL-encoded)
 * @param maxAge the lifetime, or {@code null} for a browser-session cookie
 * @param domain the Domain attribute, or {@code null} for a host-only cookie
 * @param path the Path attribute
 * @param httpOnly whether to add HttpOnly
 * @param secure whether to add Secure
 * @since 0.1.0
 */
public record CookieInstruction(String name, String value, @Nullable Duration maxAge, @Nullable String domain,
		String path, boolean httpOnly, boolean secure) {

	private static final String[] SAME_SITE_VALUES = { "Lax", "Strict", "None" };

	private static final String MAX_AGE = "; Max-Age=";

	private static final String EPOCH_EXPIRES = "; Expires=Thu, 01 Jan 1970 00:00:00 GMT";

	private static final String DOMAIN = "; Domain=";

	private static final String PATH = "; Path=";

	private static final String SECURE = "; Secure";

	private static final String HTTP_ONLY = "; HttpOnly";

	private static final String SAME_SITE = "; SameSite=";

	public CookieInstruction {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(path, "path");
	}

	/**
	 * Whether this instruction deletes the cookie.
	 */
	public boolean isDeletion() {
		return this.value.isEmpty() && this.maxAge != null && this.maxAge.isZero();
	}

	/**
	 * Renders the {@code Set-Cookie} header value.
	 * @param sameSite the SameSite attribute ({@code Lax}, {@code Strict} or
	 * {@code None}), or {@code null} to send none; {@code None} is only sent on a Secure
	 * cookie
	 * @return the header value
	 */
	public String toSetCookieHeader(@Nullable String sameSite) {
		// Browsers reject SameSite=None without Secure, so such a cookie gets no
		// SameSite.
		boolean rejected = "none".equalsIgnoreCase(sameSite) && !this.secure;
		String sameSiteValue = (sameSite != null && !sameSite.isBlank() && !rejected) ? sameSiteValue(sameSite) : null;
		long maxAgeSeconds = (this.maxAge != null) ? this.maxAge.getSeconds() : 0;
		boolean expired = this.maxAge != null && this.maxAge.isZero();
		// Sized for the whole text, so that it is written once and copied once, into the
		// result. (One string concatenation would skip that copy, but with this many
		// pieces the JIT did not always compile its method handles into the caller: in
		// a WebFlux application it then cost several times as much.)
		int length = this.name.length() + 1 + this.value.length() + PATH.length() + this.path.length();
		if (this.maxAge != null) {
			length += MAX_AGE.length() + ((maxAgeSeconds >= 0) ? Strings.decimalLength(maxAgeSeconds) : 20);
		}
		length += expired ? EPOCH_EXPIRES.length() : 0;
		length += (this.domain != null) ? DOMAIN.length() + this.domain.length() : 0;
		length += (this.secure ? SECURE.length() : 0) + (this.httpOnly ? HTTP_ONLY.length() : 0);
		length += (sameSiteValue != null) ? SAME_SITE.length() + sameSiteValue.length() : 0;
		StringBuilder header = new StringBuilder(length).append(this.name).append('=').append(this.value);
		if (this.maxAge != null) {
			header.append(MAX_AGE).append(maxAgeSeconds);
		}
		if (expired) {
			header.append(EPOCH_EXPIRES);
		}
		if (this.domain != null) {
			header.append(DOMAIN).append(this.domain);
		}
		header.append(PATH).append(this.path);
		if (this.secure) {
			header.append(SECURE);
		}
		if (this.httpOnly) {
			header.append(HTTP_ONLY);
		}
		if (sameSiteValue != null) {
			header.append(SAME_SITE).append(sameSiteValue);
		}
		return header.toString();
	}

	/**
	 * The SameSite value with its first letter upper-cased and the others lower-cased
	 * with {@link Locale#ROOT}; the three values browsers know, in ASCII, without
	 * building new strings.
	 */
	private static String sameSiteValue(String sameSite) {
		for (String known : SAME_SITE_VALUES) {
			if (known.equalsIgnoreCase(sameSite) && Strings.isAscii(sameSite)) {
				return known;
			}
		}
		return sameSite.substring(0, 1).toUpperCase(Locale.ROOT) + sameSite.substring(1).toLowerCase(Locale.ROOT);
	}

}

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
		boolean hasMaxAge = this.maxAge != null;
		boolean hasDomain = this.domain != null;
		boolean hasSameSite = sameSiteValue != null;
		// One concatenation, which the JDK sizes exactly and copies once, into the
		// result; an absent attribute is an empty piece.
		return this.name + "=" + this.value + (hasMaxAge ? "; Max-Age=" : "")
				+ (hasMaxAge ? Long.toString(this.maxAge.getSeconds()) : "")
				+ ((hasMaxAge && this.maxAge.isZero()) ? "; Expires=Thu, 01 Jan 1970 00:00:00 GMT" : "")
				+ (hasDomain ? "; Domain=" : "") + (hasDomain ? this.domain : "") + "; Path=" + this.path
				+ (this.secure ? "; Secure" : "") + (this.httpOnly ? "; HttpOnly" : "")
				+ (hasSameSite ? "; SameSite=" : "") + (hasSameSite ? sameSiteValue : "");
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

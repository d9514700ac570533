package io.queuekeeper.web;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.queuekeeper.core.http.CookieInstruction;
import org.jspecify.annotations.Nullable;

/**
 * How the web adapters apply the engine: which requests they evaluate, the SameSite
 * attribute of the cookies they write, the body limit and the failure policy.
 *
 * @param sameSite the SameSite attribute ({@code Lax}, {@code Strict} or {@code None}),
 * or {@code null} for none (Queue-it's behaviour)
 * @param requestBodyLimit how many bytes of the body body triggers see
 * @param failurePolicy what happens when the connector cannot decide
 * @param evaluateStaticResources whether static resources are evaluated
 * @param evaluateErrorDispatches whether error dispatches are evaluated
 * @param excludedMethods HTTP methods that are never evaluated, upper case
 * @since 0.1.0
 */
public record ProtectionSettings(@Nullable String sameSite, int requestBodyLimit, FailurePolicy failurePolicy,
		boolean evaluateStaticResources, boolean evaluateErrorDispatches, Set<String> excludedMethods) {

	/**
	 * Header set on responses that were let through because the connector could not
	 * decide.
	 */
	public static final String FAILED_HEADER = "x-queueit-failed";

	public ProtectionSettings {
		excludedMethods = excludedMethods.stream()
			.map((method) -> method.toUpperCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Returns the defaults: no SameSite, 4 KB of body, allow on failure, static
	 * resources, error dispatches, {@code OPTIONS} and {@code HEAD} not evaluated.
	 */
	public static ProtectionSettings defaults() {
		return new ProtectionSettings(null, 4096, FailurePolicy.ALLOW, false, false, Set.of("OPTIONS", "HEAD"));
	}

	/**
	 * Whether requests with this method are evaluated.
	 */
	public boolean evaluates(String method) {
		return !this.excludedMethods.contains(method.toUpperCase(Locale.ROOT));
	}

	/**
	 * Renders a cookie instruction as a {@code Set-Cookie} value with the configured
	 * SameSite attribute.
	 */
	public String setCookieHeader(CookieInstruction cookie) {
		return cookie.toSetCookieHeader(this.sameSite);
	}

}

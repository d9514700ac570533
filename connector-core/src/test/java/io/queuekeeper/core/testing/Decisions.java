package io.queuekeeper.core.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.ResultType;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.http.ResponseHeader;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Assertions on {@link Decision}s that every redirect test needs: the response shape of
 * spec 4.6 and 7, and access to the cookies a decision writes.
 */
public final class Decisions {

	private Decisions() {
	}

	/**
	 * Asserts a 302 with {@code Location} and the three no-cache headers, and returns it.
	 * A redirect the engine decided (queue, error, cancel, diagnostics) goes to the
	 * result's URL and is never one for an AJAX call; the other 302 is the one that
	 * removes an accepted token from the URL (spec 2), which Java sends even to AJAX
	 * calls.
	 */
	public static Decision.Redirect redirect(Decision decision) {
		assertThat(decision).isInstanceOf(Decision.Redirect.class);
		Decision.Redirect redirect = (Decision.Redirect) decision;
		assertThat(redirect.headers()).extracting(ResponseHeader::name, ResponseHeader::value)
			.containsExactlyInAnyOrder(tuple("Location", redirect.location()),
					tuple("Cache-Control", Vectors.CACHE_CONTROL), tuple("Pragma", "no-cache"),
					tuple("Expires", Vectors.EXPIRES));
		if (redirect.result().doRedirect()) {
			assertThat(redirect.location()).isEqualTo(redirect.result().redirectUrl());
			assertThat(redirect.result().ajax()).isFalse();
		}
		else {
			assertThat(redirect.result().actionType()).isEqualTo(ResultType.QUEUE);
			assertThat(redirect.location()).doesNotContainIgnoringCase("queueittoken=");
		}
		return redirect;
	}

	/**
	 * Asserts an AJAX redirect: {@code x-queueit-redirect} carries the location
	 * form-encoded, it is exposed to scripts, the no-cache headers are present and there
	 * is no {@code Location}; returns it.
	 */
	public static Decision.AjaxRedirect ajaxRedirect(Decision decision) {
		assertThat(decision).isInstanceOf(Decision.AjaxRedirect.class);
		Decision.AjaxRedirect ajax = (Decision.AjaxRedirect) decision;
		assertThat(ajax.headers()).extracting(ResponseHeader::name, ResponseHeader::value)
			.containsExactlyInAnyOrder(tuple("x-queueit-redirect", Encoding.form(ajax.location())),
					tuple("Access-Control-Expose-Headers", "x-queueit-redirect"),
					tuple("Cache-Control", Vectors.CACHE_CONTROL), tuple("Pragma", "no-cache"),
					tuple("Expires", Vectors.EXPIRES));
		assertThat(ajax.result().ajax()).isTrue();
		assertThat(ajax.location()).isEqualTo(ajax.result().redirectUrl());
		return ajax;
	}

	/**
	 * Asserts that the request continues, and returns the decision.
	 */
	public static Decision.Proceed proceed(Decision decision) {
		assertThat(decision).isInstanceOf(Decision.Proceed.class);
		Decision.Proceed proceed = (Decision.Proceed) decision;
		assertThat(proceed.result().doRedirect()).isFalse();
		return proceed;
	}

	/**
	 * Returns the value of the first header with the name, or {@code null}.
	 */
	public static @Nullable String header(Decision decision, String name) {
		return decision.headers()
			.stream()
			.filter((header) -> header.name().equalsIgnoreCase(name))
			.map(ResponseHeader::value)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Returns the cookies of the decision other than {@code queueitdebug}.
	 */
	public static List<CookieInstruction> sessionCookies(Decision decision) {
		return decision.cookies().stream().filter((cookie) -> !"queueitdebug".equals(cookie.name())).toList();
	}

	/**
	 * Asserts that the decision writes exactly one session cookie that stores a value
	 * (not a deletion) under {@link Vectors#COOKIE_NAME}, and returns its decoded value.
	 */
	public static String storedValue(Decision decision) {
		List<CookieInstruction> cookies = sessionCookies(decision);
		assertThat(cookies).hasSize(1);
		CookieInstruction cookie = cookies.get(0);
		assertThat(cookie.name()).isEqualTo(Vectors.COOKIE_NAME);
		assertThat(cookie.maxAge()).isEqualTo(Duration.ofSeconds(86400));
		assertThat(cookie.path()).isEqualTo("/");
		return URLDecoder.decode(cookie.value(), StandardCharsets.UTF_8);
	}

	/**
	 * Asserts that the decision writes exactly one session cookie and that it deletes
	 * {@link Vectors#COOKIE_NAME}: empty value, {@code Max-Age=0}, {@code Path=/}.
	 */
	public static CookieInstruction clearedCookie(Decision decision) {
		List<CookieInstruction> cookies = sessionCookies(decision);
		assertThat(cookies).hasSize(1);
		CookieInstruction cookie = cookies.get(0);
		assertThat(cookie.name()).isEqualTo(Vectors.COOKIE_NAME);
		assertThat(cookie.value()).isEmpty();
		assertThat(cookie.maxAge()).isEqualTo(Duration.ZERO);
		assertThat(cookie.path()).isEqualTo("/");
		assertThat(cookie.isDeletion()).isTrue();
		return cookie;
	}

}

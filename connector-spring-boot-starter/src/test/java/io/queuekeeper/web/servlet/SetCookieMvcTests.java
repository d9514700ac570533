package io.queuekeeper.web.servlet;

import java.util.List;

import io.queuekeeper.web.QueueProtected;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.queuekeeper.web.servlet.QueueItFixtures.NOW;
import static io.queuekeeper.web.servlet.QueueItFixtures.cookieName;
import static io.queuekeeper.web.servlet.QueueItFixtures.cookieValue;
import static io.queuekeeper.web.servlet.QueueItFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The {@code Set-Cookie} headers exactly as the interceptor writes them: Max-Age,
 * {@code Path=/}, optional Domain, HttpOnly and Secure from the event, and the opt-in
 * SameSite attribute.
 */
@ExtendWith(OutputCaptureExtension.class)
class SetCookieMvcTests {

	private final WebApplicationContextRunner runner = QueueItFixtures.mvcRunner()
		.withPropertyValues("queueit.events.plain.queue-domain=plain.queue-it.net",
				"queueit.events.locked.queue-domain=locked.queue-it.net",
				"queueit.events.locked.cookie-domain=.example.com", "queueit.events.locked.cookie-http-only=true",
				"queueit.events.locked.cookie-secure=true")
		.withBean(CookieController.class);

	@Test
	void tokenWhenEventHasNoCookieSettingsThenCookieIsHostOnlyWithoutFlags() {
		this.runner.run((context) -> {
			List<String> cookies = setCookies(context, "/plain?queueittoken=" + token("plain", NOW + 60), null);
			assertThat(cookies)
				.containsExactly(cookieName("plain") + "=" + cookieValue("plain", NOW) + "; Max-Age=86400; Path=/");
		});
	}

	@Test
	void tokenWhenEventHasCookieSettingsThenCookieHasDomainSecureAndHttpOnly() {
		this.runner.run((context) -> {
			List<String> cookies = setCookies(context, "/locked?queueittoken=" + token("locked", NOW + 60), null);
			assertThat(cookies).containsExactly(cookieName("locked") + "=" + cookieValue("locked", NOW)
					+ "; Max-Age=86400; Domain=.example.com; Path=/; Secure; HttpOnly");
		});
	}

	@Test
	void cancelWhenSessionIsValidThenClearingCookieKeepsDomainAndFlags() {
		this.runner.run((context) -> {
			List<String> cookies = setCookies(context, "/locked/leave",
					new Cookie(cookieName("locked"), cookieValue("locked", NOW)));
			assertThat(cookies).singleElement()
				.asString()
				.startsWith(cookieName("locked") + "=; Max-Age=0; ")
				.contains("; Domain=.example.com; Path=/; Secure; HttpOnly")
				.doesNotContain("SameSite");
		});
	}

	@Test
	void renewalWhenSameSiteIsUnsetThenNoSameSiteAttributeIsSent() {
		this.runner.run((context) -> {
			List<String> cookies = setCookies(context, "/locked",
					new Cookie(cookieName("locked"), cookieValue("locked", NOW - 60)));
			assertThat(cookies).singleElement().asString().doesNotContainIgnoringCase("SameSite");
		});
	}

	@ParameterizedTest(name = "same-site={0}, event={1}")
	@CsvSource(delimiter = '|', textBlock = """
			lax    | plain  | ; Max-Age=86400; Path=/; SameSite=Lax
			lax    | locked | ; Max-Age=86400; Domain=.example.com; Path=/; Secure; HttpOnly; SameSite=Lax
			strict | plain  | ; Max-Age=86400; Path=/; SameSite=Strict
			strict | locked | ; Max-Age=86400; Domain=.example.com; Path=/; Secure; HttpOnly; SameSite=Strict
			none   | locked | ; Max-Age=86400; Domain=.example.com; Path=/; Secure; HttpOnly; SameSite=None
			none   | plain  | ; Max-Age=86400; Path=/
			""")
	void renewalWhenSameSiteIsSetThenAttributeIsSentExceptNoneOnInsecureCookies(String sameSite, String event,
			String attributes) {
		this.runner.withPropertyValues("queueit.cookie.same-site=" + sameSite).run((context) -> {
			List<String> cookies = setCookies(context, "/" + event,
					new Cookie(cookieName(event), cookieValue(event, NOW - 60)));
			assertThat(cookies).containsExactly(cookieName(event) + "=" + cookieValue(event, NOW) + attributes);
		});
	}

	@Test
	void cancelWhenSameSiteIsSetThenClearingCookieCarriesIt() {
		this.runner.withPropertyValues("queueit.cookie.same-site=strict").run((context) -> {
			List<String> cookies = setCookies(context, "/locked/leave",
					new Cookie(cookieName("locked"), cookieValue("locked", NOW)));
			assertThat(cookies).singleElement()
				.asString()
				.startsWith(cookieName("locked") + "=;")
				.endsWith("; SameSite=Strict");
		});
	}

	@Test
	void renewalWhenSiteIsHttpsAndCookieIsNotSecureThenWarnsOnce(CapturedOutput output) {
		String warning = "Queue-it session cookie " + cookieName("plain")
				+ " is sent over HTTPS without the Secure flag";
		this.runner.run((context) -> {
			for (int i = 0; i < 3; i++) {
				setCookies(context, "https://shop.example.com/plain",
						new Cookie(cookieName("plain"), cookieValue("plain", NOW - 60)));
				setCookies(context, "https://shop.example.com/locked",
						new Cookie(cookieName("locked"), cookieValue("locked", NOW - 60)));
			}
		});
		assertThat(output.getAll().lines().filter((line) -> line.contains(warning))).hasSize(1);
		assertThat(output.getAll()).doesNotContain("Queue-it session cookie " + cookieName("locked"));
	}

	@Test
	void renewalWhenSiteIsHttpThenNoInsecureCookieWarning(CapturedOutput output) {
		this.runner.run((context) -> setCookies(context, "/plain",
				new Cookie(cookieName("plain"), cookieValue("plain", NOW - 60))));
		assertThat(output.getAll()).doesNotContain("without the Secure flag");
	}

	private static List<String> setCookies(AssertableWebApplicationContext context, String url, @Nullable Cookie cookie)
			throws Exception {
		QueueItFixtures.SetCookieRecorder recorder = new QueueItFixtures.SetCookieRecorder();
		MockHttpServletRequestBuilder request = get(url);
		if (cookie != null) {
			request.cookie(cookie);
		}
		MockHttpServletResponse response = QueueItFixtures.mockMvc(context, recorder)
			.perform(request)
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isIn(200, 302);
		return List.copyOf(recorder.values());
	}

	@RestController
	static class CookieController {

		@QueueProtected("plain")
		@GetMapping("/plain")
		String plain() {
			return "plain";
		}

		@QueueProtected("locked")
		@GetMapping("/locked")
		String locked() {
			return "locked";
		}

		@QueueProtected(event = "locked", action = QueueProtected.Action.CANCEL)
		@GetMapping("/locked/leave")
		String leave() {
			return "left";
		}

	}

}

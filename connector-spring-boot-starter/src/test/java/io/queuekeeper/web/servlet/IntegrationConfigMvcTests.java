package io.queuekeeper.web.servlet;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.ValidationResult;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.ForwardedHeaderFilter;

import static io.queuekeeper.web.servlet.QueueItFixtures.EXPIRES_IN_THE_PAST;
import static io.queuekeeper.web.servlet.QueueItFixtures.NOW;
import static io.queuekeeper.web.servlet.QueueItFixtures.NO_CACHE;
import static io.queuekeeper.web.servlet.QueueItFixtures.QUEUE_ID;
import static io.queuekeeper.web.servlet.QueueItFixtures.cookieName;
import static io.queuekeeper.web.servlet.QueueItFixtures.cookieValue;
import static io.queuekeeper.web.servlet.QueueItFixtures.encode;
import static io.queuekeeper.web.servlet.QueueItFixtures.https;
import static io.queuekeeper.web.servlet.QueueItFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Unannotated handlers protected by the integration config, with the interceptor applying
 * each kind of decision.
 */
class IntegrationConfigMvcTests {

	private static final String QUEUE_PREFIX = "https://ticketania.queue-it.net/?c=ticketania&e=summersale&ver="
			+ QueueConnector.SDK_VERSION + "&cver=3&man=Summer%20Sale&cid=en-US";

	private final WebApplicationContextRunner runner = QueueItFixtures.mvcRunner()
		.withPropertyValues("queueit.integration-config.location=classpath:queueit/shop.json",
				"queueit.exclusions.methods=OPTIONS,HEAD,DELETE")
		.withBean(ShopController.class);

	@Test
	void getWhenNoSessionThenRedirectsToTheQueueWithNoCacheHeaders() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/products/42?color=red"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location"))
				.isEqualTo(QUEUE_PREFIX + "&t=" + encode("http://localhost/products/42?color=red"));
			assertThat(response.getHeader("Cache-Control")).isEqualTo(NO_CACHE);
			assertThat(response.getHeader("Pragma")).isEqualTo("no-cache");
			assertThat(response.getHeader("Expires")).isEqualTo(EXPIRES_IN_THE_PAST);
			assertThat(response.getContentAsString()).isEmpty();
			assertThat(context.getBean(ShopController.class).calls).hasValue(0);
		});
	}

	@Test
	void getWhenSessionCookieIsValidThenControllerRunsAndCookieIsExtended() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/products/42")
					.cookie(new Cookie(cookieName("summersale"), cookieValue("summersale", NOW - 60))))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo("product");
			assertThat(response.getCookie(cookieName("summersale")).getValue())
				.isEqualTo(cookieValue("summersale", NOW));
			assertThat(response.getHeader("Location")).isNull();
		});
	}

	@Test
	void getWhenIgnoreActionMatchesThenControllerRunsWithoutCookies() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/internal/health"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo("internal");
			assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		});
	}

	@Test
	void getWhenCancelActionMatchesAValidSessionThenRedirectsToCancelAndClearsCookie() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/logout").cookie(new Cookie(cookieName("summersale"), cookieValue("summersale", NOW))))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location")).isEqualTo("https://ticketania.queue-it.net/cancel/ticketania/"
					+ "summersale/" + QUEUE_ID + "?c=ticketania&e=summersale&ver=" + QueueConnector.SDK_VERSION
					+ "&cver=3&man=Leave%20queue&r=" + encode("http://localhost/logout"));
			Cookie cleared = response.getCookie(cookieName("summersale"));
			assertThat(cleared.getValue()).isEmpty();
			assertThat(cleared.getMaxAge()).isZero();
			assertThat(context.getBean(ShopController.class).calls).hasValue(0);
		});
	}

	@Test
	void getWhenAjaxHeaderIsPresentThenAnswersEmpty200WithRedirectHeader() {
		this.runner.run((context) -> {
			String page = "https://shop.example.com/products/42?color=red";
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/products/42/stock").header("x-queueit-ajaxpageurl",
						URLEncoder.encode(page, StandardCharsets.UTF_8)))
				.andReturn()
				.getResponse();
			String location = QUEUE_PREFIX + "&t=" + encode(page);
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeader("x-queueit-redirect"))
				.isEqualTo(URLEncoder.encode(location, StandardCharsets.UTF_8));
			assertThat(response.getHeader("Access-Control-Expose-Headers")).isEqualTo("x-queueit-redirect");
			assertThat(response.getHeader("Cache-Control")).isEqualTo(NO_CACHE);
			assertThat(response.getHeader("Pragma")).isEqualTo("no-cache");
			assertThat(response.getHeader("Expires")).isEqualTo(EXPIRES_IN_THE_PAST);
			assertThat(response.getHeader("Location")).isNull();
			assertThat(response.getContentAsString()).isEmpty();
			assertThat(context.getBean(ShopController.class).calls).hasValue(0);
		});
	}

	@Test
	void getWhenTokenIsValidThenStoresCookieAndRedirectsToUrlWithoutToken() {
		this.runner.run((context) -> {
			String token = token("summersale", NOW + 300);
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("https://shop.example.com/products/42?color=red&queueittoken=" + token + "&size=m")
					.with(https()))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location"))
				.isEqualTo("https://shop.example.com/products/42?color=red&size=m");
			assertThat(response.getHeader("Cache-Control")).isEqualTo(NO_CACHE);
			assertThat(response.getHeader("Pragma")).isEqualTo("no-cache");
			assertThat(response.getHeader("Expires")).isEqualTo(EXPIRES_IN_THE_PAST);
			assertThat(response.getCookie(cookieName("summersale")).getValue())
				.isEqualTo(cookieValue("summersale", NOW));
			assertThat(context.getBean(ShopController.class).calls).hasValue(0);
		});
	}

	@Test
	void getWhenTokenHashIsWrongThenRedirectsToTheErrorPage() {
		this.runner.run((context) -> {
			String token = token("summersale", NOW + 300).replace("ce_true", "ce_false");
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/products/42?queueittoken=" + token))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location"))
				.isEqualTo("https://ticketania.queue-it.net/error/hash/?c=ticketania&e=summersale&ver="
						+ QueueConnector.SDK_VERSION + "&cver=3&man=Summer%20Sale&cid=en-US&queueittoken=" + token
						+ "&ts=" + NOW + "&t=" + encode("http://localhost/products/42"));
			assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		});
	}

	@Test
	void handlerWhenDecisionMadeThenReceivesItAsArgumentAndRequestAttribute() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/products/decision")
					.cookie(new Cookie(cookieName("summersale"), cookieValue("summersale", NOW))))
				.andReturn()
				.getResponse();
			assertThat(response.getContentAsString())
				.isEqualTo("Proceed|QUEUE|Summer Sale|summersale|" + QUEUE_ID + "|same");
		});
	}

	@Test
	void handlerWhenIgnoreActionMatchesThenReceivesTheIgnoreResult() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/internal/decision"))
				.andReturn()
				.getResponse();
			assertThat(response.getContentAsString()).isEqualTo("Proceed|IGNORE|Internal pages|null|null|same");
		});
	}

	@Test
	void handlerWhenRequestIsNotEvaluatedThenDecisionArgumentsAreNull() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(delete("/products/decision"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo("none");
		});
	}

	@Test
	void asyncDispatchWhenRequestWasDecidedThenIsNotEvaluatedAgain() {
		this.runner.run((context) -> {
			MockMvc mvc = QueueItFixtures.mockMvc(context);
			MvcResult started = mvc
				.perform(get("/products/async")
					.cookie(new Cookie(cookieName("summersale"), cookieValue("summersale", NOW - 60))))
				.andReturn();
			assertThat(started.getRequest().isAsyncStarted()).isTrue();
			MockHttpServletResponse response = mvc.perform(asyncDispatch(started)).andReturn().getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo("async");
			assertThat(response.getHeaders("Set-Cookie")).hasSize(1);
		});
	}

	@Test
	void getWhenForwardedHeadersNameThePublicHostThenTriggerMatchesAndTargetIsPublicUrl() {
		this.runner.withPropertyValues("queueit.integration-config.location=classpath:queueit/public-host.json")
			.run((context) -> {
				MockMvc mvc = QueueItFixtures.mockMvc(context, new ForwardedHeaderFilter());
				MockHttpServletResponse response = mvc
					.perform(get("/products/42?color=red").header("X-Forwarded-Proto", "https")
						.header("X-Forwarded-Host", "shop.example.com"))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).isEqualTo(302);
				assertThat(response.getHeader("Location")).endsWith(
						"&cver=4&man=Public%20shop&t=" + encode("https://shop.example.com/products/42?color=red"));
				MockHttpServletResponse rfc7239 = mvc
					.perform(get("/products/42").header("Forwarded", "proto=https;host=shop.example.com"))
					.andReturn()
					.getResponse();
				assertThat(rfc7239.getStatus()).isEqualTo(302);
				assertThat(rfc7239.getHeader("Location"))
					.endsWith("&t=" + encode("https://shop.example.com/products/42"));
			});
	}

	@Test
	void getWhenNoForwardedHeadersThenPublicHostTriggerDoesNotMatch() {
		this.runner.withPropertyValues("queueit.integration-config.location=classpath:queueit/public-host.json")
			.run((context) -> {
				MockHttpServletResponse response = QueueItFixtures.mockMvc(context, new ForwardedHeaderFilter())
					.perform(get("/products/42"))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).isEqualTo(200);
				assertThat(response.getContentAsString()).isEqualTo("product");
			});
	}

	@Test
	void getWhenForwardedAndTokenIsValidThenStripRedirectUsesThePublicUrl() {
		this.runner.withPropertyValues("queueit.integration-config.location=classpath:queueit/public-host.json")
			.run((context) -> {
				MockHttpServletResponse response = QueueItFixtures.mockMvc(context, new ForwardedHeaderFilter())
					.perform(get("/products/42?queueittoken=" + token("summersale", NOW + 60))
						.header("X-Forwarded-Proto", "https")
						.header("X-Forwarded-Host", "shop.example.com"))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).isEqualTo(302);
				assertThat(response.getHeader("Location")).isEqualTo("https://shop.example.com/products/42");
				assertThat(response.getCookie(cookieName("summersale")).getSecure()).isTrue();
			});
	}

	@RestController
	static class ShopController {

		final AtomicInteger calls = new AtomicInteger();

		@GetMapping({ "/products/{id}", "/products/{id}/stock" })
		String product() {
			this.calls.incrementAndGet();
			return "product";
		}

		@GetMapping("/products/async")
		Callable<String> async() {
			return () -> "async";
		}

		@GetMapping("/internal/health")
		String internal() {
			this.calls.incrementAndGet();
			return "internal";
		}

		@GetMapping("/logout")
		String logout() {
			this.calls.incrementAndGet();
			return "bye";
		}

		@RequestMapping(path = { "/products/decision", "/internal/decision" },
				method = { RequestMethod.GET, RequestMethod.DELETE })
		String decision(@Nullable Decision decision, @Nullable ValidationResult result, HttpServletRequest request) {
			if (decision == null) {
				return (result == null && request.getAttribute(QueueItHandlerInterceptor.DECISION_ATTRIBUTE) == null)
						? "none" : "inconsistent";
			}
			String same = (request.getAttribute(QueueItHandlerInterceptor.DECISION_ATTRIBUTE) == decision
					&& decision.result() == result) ? "same" : "different";
			return decision.getClass().getSimpleName() + "|" + result.actionType() + "|" + result.actionName() + "|"
					+ result.eventId() + "|" + result.queueId() + "|" + same;
		}

	}

}

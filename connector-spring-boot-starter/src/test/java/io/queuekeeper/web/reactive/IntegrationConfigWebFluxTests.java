package io.queuekeeper.web.reactive;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.ValidationResult;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

import static io.queuekeeper.web.reactive.ReactiveFixtures.EXPIRES_IN_THE_PAST;
import static io.queuekeeper.web.reactive.ReactiveFixtures.NOW;
import static io.queuekeeper.web.reactive.ReactiveFixtures.NO_CACHE;
import static io.queuekeeper.web.reactive.ReactiveFixtures.QUEUE_ID;
import static io.queuekeeper.web.reactive.ReactiveFixtures.cookieName;
import static io.queuekeeper.web.reactive.ReactiveFixtures.cookieValue;
import static io.queuekeeper.web.reactive.ReactiveFixtures.encode;
import static io.queuekeeper.web.reactive.ReactiveFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unannotated handlers (annotated controllers and functional routes) protected by the
 * integration config, each kind of decision applied by the filter, the default
 * exclusions, forwarded headers and the exact {@code Set-Cookie} values.
 */
@ExtendWith(OutputCaptureExtension.class)
class IntegrationConfigWebFluxTests {

	private static final String QUEUE_PREFIX = "https://ticketania.queue-it.net/?c=ticketania&e=summersale&ver="
			+ QueueConnector.SDK_VERSION + "&cver=3&man=Summer%20Sale&cid=en-US";

	private final ReactiveWebApplicationContextRunner runner = ReactiveFixtures.webFluxRunner()
		.withPropertyValues("queueit.integration-config.location=classpath:queueit/shop.json")
		.withBean(ShopController.class)
		.withUserConfiguration(Routes.class);

	@Test
	void getWhenNoSessionThenRedirectsToTheQueueWithNoCacheHeaders() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = exchange(
					ReactiveFixtures.client(context).get().uri("/products/42?color=red"));
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(result.getResponseHeaders().getFirst("Location"))
				.isEqualTo(QUEUE_PREFIX + "&t=" + encode("http://localhost/products/42?color=red"));
			assertNoCache(result);
			assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_LENGTH)).isEqualTo("0");
			assertThat(result.getResponseBody()).isNullOrEmpty();
			assertThat(context.getBean(ShopController.class).calls).hasValue(0);
		});
	}

	@Test
	void getWhenFunctionalRouteServesTheRequestThenItIsProtectedToo() {
		this.runner.run((context) -> {
			WebTestClient client = ReactiveFixtures.client(context);
			EntityExchangeResult<byte[]> queued = exchange(client.get().uri("/fn/products/7"));
			assertThat(queued.getStatus().value()).isEqualTo(302);
			assertThat(queued.getResponseHeaders().getFirst("Location"))
				.isEqualTo(QUEUE_PREFIX + "&t=" + encode("http://localhost/fn/products/7"));
			EntityExchangeResult<byte[]> admitted = exchange(client.get()
				.uri("/fn/products/7")
				.cookie(cookieName("summersale"), cookieValue("summersale", NOW)));
			assertThat(admitted.getStatus().value()).isEqualTo(200);
			assertThat(new String(admitted.getResponseBody())).isEqualTo("fn product 7|Proceed|QUEUE");
		});
	}

	@Test
	void getWhenIgnoreActionMatchesThenHandlerRunsWithoutCookiesAndSeesTheIgnoreResult() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = exchange(
					ReactiveFixtures.client(context).get().uri("/internal/decision"));
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(new String(result.getResponseBody())).isEqualTo("Proceed|IGNORE|Internal pages|null|null|same");
			assertThat(result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).isEmpty();
		});
	}

	@Test
	void handlerWhenDecisionMadeThenReceivesItAsArgumentAndExchangeAttribute() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = exchange(ReactiveFixtures.client(context)
				.get()
				.uri("/products/decision")
				.cookie(cookieName("summersale"), cookieValue("summersale", NOW)));
			assertThat(new String(result.getResponseBody()))
				.isEqualTo("Proceed|QUEUE|Summer Sale|summersale|" + QUEUE_ID + "|same");
		});
	}

	@Test
	void handlerWhenRequestIsNotEvaluatedThenDecisionArgumentsAreNull() {
		this.runner.withPropertyValues("queueit.exclusions.methods=OPTIONS,HEAD,DELETE").run((context) -> {
			EntityExchangeResult<byte[]> result = exchange(
					ReactiveFixtures.client(context).delete().uri("/products/decision"));
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(new String(result.getResponseBody())).isEqualTo("none");
		});
	}

	@Test
	void getWhenCancelActionMatchesAValidSessionThenRedirectsToCancelAndClearsCookie() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = exchange(ReactiveFixtures.client(context)
				.get()
				.uri("/logout")
				.cookie(cookieName("summersale"), cookieValue("summersale", NOW)));
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(result.getResponseHeaders().getFirst("Location"))
				.isEqualTo("https://ticketania.queue-it.net/cancel/ticketania/summersale/" + QUEUE_ID
						+ "?c=ticketania&e=summersale&ver=" + QueueConnector.SDK_VERSION
						+ "&cver=3&man=Leave%20queue&r=" + encode("http://localhost/logout"));
			assertThat(result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).containsExactly(
					cookieName("summersale") + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/");
		});
	}

	@Test
	void getWhenAjaxHeaderIsPresentThenAnswersEmpty200WithRedirectHeader() {
		this.runner.run((context) -> {
			String page = "https://shop.example.com/products/42?color=red";
			EntityExchangeResult<byte[]> result = exchange(ReactiveFixtures.client(context)
				.get()
				.uri("/products/42/stock")
				.header("x-queueit-ajaxpageurl", URLEncoder.encode(page, StandardCharsets.UTF_8)));
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(result.getResponseHeaders().getFirst("x-queueit-redirect"))
				.isEqualTo(URLEncoder.encode(QUEUE_PREFIX + "&t=" + encode(page), StandardCharsets.UTF_8));
			assertThat(result.getResponseHeaders().getFirst("Access-Control-Expose-Headers"))
				.isEqualTo("x-queueit-redirect");
			assertThat(result.getResponseHeaders().getFirst("Location")).isNull();
			assertNoCache(result);
			assertThat(result.getResponseBody()).isNullOrEmpty();
			assertThat(context.getBean(ShopController.class).calls).hasValue(0);
		});
	}

	@Test
	void getWhenTokenIsValidOverHttpsThenStoresCookieAndRedirectsToUrlWithoutToken() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = exchange(ReactiveFixtures.client(context)
				.get()
				.uri("https://shop.example.com/products/42?color=red&queueittoken=" + token("summersale", NOW + 300)
						+ "&size=m"));
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(result.getResponseHeaders().getFirst("Location"))
				.isEqualTo("https://shop.example.com/products/42?color=red&size=m");
			assertNoCache(result);
			assertThat(result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).containsExactly(
					cookieName("summersale") + "=" + cookieValue("summersale", NOW) + "; Max-Age=86400; Path=/");
		});
	}

	@Test
	void renewalWhenSameSiteIsSetThenRawSetCookieCarriesIt() {
		this.runner.withPropertyValues("queueit.cookie.same-site=strict").run((context) -> {
			EntityExchangeResult<byte[]> result = exchange(ReactiveFixtures.client(context)
				.get()
				.uri("/products/42")
				.cookie(cookieName("summersale"), cookieValue("summersale", NOW - 60)));
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE))
				.containsExactly(cookieName("summersale") + "=" + cookieValue("summersale", NOW)
						+ "; Max-Age=86400; Path=/; SameSite=Strict");
		});
	}

	@Test
	void renewalWhenSiteIsHttpsAndCookieIsNotSecureThenWarnsOnce(CapturedOutput output) {
		this.runner.run((context) -> {
			WebTestClient client = ReactiveFixtures.client(context);
			for (int i = 0; i < 3; i++) {
				EntityExchangeResult<byte[]> result = exchange(client.get()
					.uri("https://shop.example.com/products/42")
					.cookie(cookieName("summersale"), cookieValue("summersale", NOW - 60)));
				assertThat(result.getStatus().value()).isEqualTo(200);
			}
		});
		assertThat(output.getAll()
			.lines()
			.filter((line) -> line.contains("Queue-it session cookie " + cookieName("summersale")
					+ " is sent over HTTPS without the Secure flag")))
			.hasSize(1);
	}

	@Test
	void getWhenForwardedHeadersNameThePublicHostThenTriggerMatchesAndTargetIsPublicUrl() {
		this.runner.withPropertyValues("queueit.integration-config.location=classpath:queueit/public-host.json")
			.withBean("forwardedHeaderTransformer", ForwardedHeaderTransformer.class)
			.run((context) -> {
				WebTestClient client = ReactiveFixtures.client(context);
				EntityExchangeResult<byte[]> forwarded = exchange(client.get()
					.uri("/products/42?color=red")
					.header("X-Forwarded-Proto", "https")
					.header("X-Forwarded-Host", "shop.example.com"));
				assertThat(forwarded.getStatus().value()).isEqualTo(302);
				assertThat(forwarded.getResponseHeaders().getFirst("Location")).endsWith(
						"&cver=4&man=Public%20shop&t=" + encode("https://shop.example.com/products/42?color=red"));
				EntityExchangeResult<byte[]> rfc7239 = exchange(
						client.get().uri("/products/42").header("Forwarded", "proto=https;host=shop.example.com"));
				assertThat(rfc7239.getResponseHeaders().getFirst("Location"))
					.endsWith("&t=" + encode("https://shop.example.com/products/42"));
				EntityExchangeResult<byte[]> direct = exchange(client.get().uri("/products/42"));
				assertThat(direct.getStatus().value()).isEqualTo(200);
			});
	}

	@Test
	void getWhenStaticResourceThenIsServedWithoutEvaluation() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = exchange(
					ReactiveFixtures.client(context).get().uri("/queueit-test.css"));
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(new String(result.getResponseBody())).contains("color: #336");
		});
	}

	@Test
	void getWhenStaticResourceAndExclusionIsOffThenIsEvaluated() {
		this.runner.withPropertyValues("queueit.exclusions.static-resources=false").run((context) -> {
			EntityExchangeResult<byte[]> result = exchange(
					ReactiveFixtures.client(context).get().uri("/queueit-test.css"));
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(result.getResponseHeaders().getFirst("Location"))
				.endsWith("&t=http%3A%2F%2Flocalhost%2Fqueueit-test.css");
		});
	}

	@Test
	void optionsAndHeadWhenDefaultExclusionsThenAreNotEvaluated() {
		this.runner.run((context) -> {
			WebTestClient client = ReactiveFixtures.client(context);
			EntityExchangeResult<byte[]> options = exchange(client.options().uri("/page"));
			assertThat(options.getStatus().value()).isEqualTo(200);
			assertThat(options.getResponseHeaders().getFirst("Allow")).contains("GET");
			EntityExchangeResult<byte[]> head = exchange(client.method(HttpMethod.HEAD).uri("/page"));
			assertThat(head.getStatus().value()).isEqualTo(200);
			assertThat(head.getResponseHeaders().getFirst("Location")).isNull();
		});
	}

	@Test
	void optionsAndHeadWhenNoLongerExcludedThenAreEvaluated() {
		this.runner.withPropertyValues("queueit.exclusions.methods=trace").run((context) -> {
			WebTestClient client = ReactiveFixtures.client(context);
			assertThat(exchange(client.options().uri("/page")).getStatus().value()).isEqualTo(302);
			assertThat(exchange(client.method(HttpMethod.HEAD).uri("/page")).getStatus().value()).isEqualTo(302);
		});
	}

	@Test
	void deleteWhenExcludedInLowerCaseThenIsNotEvaluated() {
		this.runner.withPropertyValues("queueit.exclusions.methods=options,head,delete").run((context) -> {
			EntityExchangeResult<byte[]> result = exchange(ReactiveFixtures.client(context).delete().uri("/page"));
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(new String(result.getResponseBody())).isEqualTo("deleted");
		});
	}

	@Test
	void getWhenCorsCheckRejectsTheOriginThenAnswers403WithoutEvaluation() {
		this.runner.run((context) -> {
			WebTestClient client = ReactiveFixtures.client(context);
			EntityExchangeResult<byte[]> rejected = exchange(
					client.get().uri("/partner/feed").header(HttpHeaders.ORIGIN, "https://evil.example"));
			assertThat(rejected.getStatus().value()).isEqualTo(403);
			assertThat(rejected.getResponseHeaders().getFirst("Location")).isNull();
			EntityExchangeResult<byte[]> allowed = exchange(
					client.get().uri("/partner/feed").header(HttpHeaders.ORIGIN, "https://partner.example"));
			assertThat(allowed.getStatus().value()).isEqualTo(302);
			assertThat(allowed.getResponseHeaders().getFirst("Access-Control-Allow-Origin"))
				.isEqualTo("https://partner.example");
		});
	}

	@Test
	void getWhenNoHandlerServesThePathThenIsNotEvaluated() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = exchange(ReactiveFixtures.client(context).get().uri("/nothing/here"));
			assertThat(result.getStatus().value()).isEqualTo(404);
			assertThat(result.getResponseHeaders().getFirst("Location")).isNull();
		});
	}

	private static EntityExchangeResult<byte[]> exchange(WebTestClient.RequestHeadersSpec<?> request) {
		return request.exchange().expectBody().returnResult();
	}

	private static void assertNoCache(EntityExchangeResult<byte[]> result) {
		assertThat(result.getResponseHeaders().getFirst("Cache-Control")).isEqualTo(NO_CACHE);
		assertThat(result.getResponseHeaders().getFirst("Pragma")).isEqualTo("no-cache");
		assertThat(result.getResponseHeaders().getFirst("Expires")).isEqualTo(EXPIRES_IN_THE_PAST);
	}

	@Configuration(proxyBeanMethods = false)
	static class Routes {

		@Bean
		RouterFunction<ServerResponse> productRoutes() {
			return RouterFunctions.route().GET("/fn/products/{id}", (request) -> {
				Decision decision = (Decision) request.attribute(ServerQueueItWebFilter.DECISION_ATTRIBUTE)
					.orElse(null);
				String seen = (decision != null)
						? decision.getClass().getSimpleName() + "|" + decision.result().actionType() : "none";
				return ServerResponse.ok().bodyValue("fn product " + request.pathVariable("id") + "|" + seen);
			}).build();
		}

	}

	@RestController
	static class ShopController {

		final AtomicInteger calls = new AtomicInteger();

		@GetMapping({ "/products/{id}", "/products/{id}/stock" })
		String product() {
			this.calls.incrementAndGet();
			return "product";
		}

		@GetMapping("/logout")
		String logout() {
			this.calls.incrementAndGet();
			return "bye";
		}

		@CrossOrigin("https://partner.example")
		@GetMapping("/partner/feed")
		String feed() {
			return "feed";
		}

		@GetMapping("/page")
		String page() {
			return "page";
		}

		@DeleteMapping("/page")
		String delete() {
			return "deleted";
		}

		@RequestMapping(path = { "/products/decision", "/internal/decision" },
				method = { RequestMethod.GET, RequestMethod.DELETE })
		String decision(@Nullable Decision decision, @Nullable ValidationResult result, ServerWebExchange exchange) {
			Object attribute = exchange.getAttribute(ServerQueueItWebFilter.DECISION_ATTRIBUTE);
			if (decision == null) {
				return (result == null && attribute == null) ? "none" : "inconsistent";
			}
			String same = (attribute == decision && decision.result() == result) ? "same" : "different";
			return decision.getClass().getSimpleName() + "|" + result.actionType() + "|" + result.actionName() + "|"
					+ result.eventId() + "|" + result.queueId() + "|" + same;
		}

	}

}

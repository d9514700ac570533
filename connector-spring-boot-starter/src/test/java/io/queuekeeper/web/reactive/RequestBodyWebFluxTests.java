package io.queuekeeper.web.reactive;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code RequestBodyValidator} triggers on WebFlux: the start of the body is read only
 * when the current config needs it, only up to {@code queueit.request-body-limit}, and
 * the handler still reads every byte (raw body, form data, functional routes, multipart).
 */
class RequestBodyWebFluxTests {

	private static final MediaType TEXT_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private static final String PEEKED_HEADER = "x-test-peeked";

	private final ReactiveWebApplicationContextRunner runner = ReactiveFixtures.webFluxRunner()
		.withPropertyValues("queueit.integration-config.location=classpath:queueit/body.json")
		.withBean(CheckoutController.class)
		.withUserConfiguration(Routes.class);

	@Test
	void postWhenBodyMatchesThenQueues() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = postText(ReactiveFixtures.client(context), "/api/checkout",
					"{\"sku\":\"SUMMER-001\"}");
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(result.getResponseHeaders().getFirst("Location"))
				.endsWith("&man=Checkout%20API&t=http%3A%2F%2Flocalhost%2Fapi%2Fcheckout");
		});
	}

	@Test
	void postWhenBodyDoesNotMatchThenHandlerReadsTheWholeBody() {
		this.runner.run((context) -> {
			String body = "{\"sku\":\"WINTER-001\",\"note\":\"" + "blåbærsyltetøy ".repeat(800) + "\"}";
			EntityExchangeResult<byte[]> result = postText(ReactiveFixtures.client(context), "/api/checkout", body);
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(result.getResponseHeaders().getFirst(PEEKED_HEADER)).isEqualTo("true");
			assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo(body);
		});
	}

	@Test
	void postWhenBodyArrivesInManySmallBuffersThenHandlerStillReadsEveryByte() {
		this.runner.run((context) -> {
			StringBuilder expected = new StringBuilder();
			List<String> chunks = new ArrayList<>();
			for (int i = 0; i < 600; i++) {
				String chunk = "line " + i + " WINTER;";
				chunks.add(chunk);
				expected.append(chunk);
			}
			EntityExchangeResult<byte[]> result = ReactiveFixtures.client(context)
				.post()
				.uri("/api/checkout")
				.contentType(TEXT_UTF8)
				.body(BodyInserters.fromDataBuffers(Flux.fromIterable(chunks)
					.map((chunk) -> DefaultDataBufferFactory.sharedInstance
						.wrap(chunk.getBytes(StandardCharsets.UTF_8)))))
				.exchange()
				.expectBody()
				.returnResult();
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
		});
	}

	@Test
	void postWhenMatchEndsExactlyAtTheLimitThenQueues() {
		this.runner.run((context) -> {
			String body = "x".repeat(4096 - "SUMMER-".length()) + "SUMMER-" + "y".repeat(100);
			assertThat(postText(ReactiveFixtures.client(context), "/api/checkout", body).getStatus().value())
				.isEqualTo(302);
		});
	}

	@Test
	void postWhenMatchCrossesTheLimitThenDoesNotMatchAndBodyIsIntact() {
		this.runner.run((context) -> {
			String body = "x".repeat(4096 - "SUMMER-".length() + 1) + "SUMMER-" + "y".repeat(100);
			EntityExchangeResult<byte[]> result = postText(ReactiveFixtures.client(context), "/api/checkout", body);
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo(body);
		});
	}

	@Test
	void postWhenLimitIsRaisedThenMatchBeyondFourKilobytesQueues() {
		this.runner.withPropertyValues("queueit.request-body-limit=8KB").run((context) -> {
			WebTestClient client = ReactiveFixtures.client(context);
			assertThat(postText(client, "/api/checkout", "x".repeat(5000) + "SUMMER-001").getStatus().value())
				.isEqualTo(302);
			assertThat(postText(client, "/api/checkout", "x".repeat(8192) + "SUMMER-001").getStatus().value())
				.isEqualTo(200);
		});
	}

	@Test
	void postWhenFunctionalRouteReadsTheBodyThenItSeesEveryByte() {
		this.runner.run((context) -> {
			WebTestClient client = ReactiveFixtures.client(context);
			String body = "order WINTER-5 " + "z".repeat(6000);
			EntityExchangeResult<byte[]> result = postText(client, "/api/checkout/fn", body);
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo("fn:" + body);
			assertThat(postText(client, "/api/checkout/fn", "order SUMMER-5").getStatus().value()).isEqualTo(302);
		});
	}

	@Test
	void formPostWhenNoMatchThenFormDataIsIntactForModelAttributeAndFunctionalRoutes() {
		this.runner.run((context) -> {
			WebTestClient client = ReactiveFixtures.client(context);
			String note = "næste levering ".repeat(500);
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("sku", "WINTER-7");
			form.add("note", note);
			EntityExchangeResult<byte[]> annotated = client.post()
				.uri("/api/checkout/form")
				.body(BodyInserters.fromFormData(form))
				.exchange()
				.expectBody()
				.returnResult();
			assertThat(annotated.getStatus().value()).isEqualTo(200);
			assertThat(annotated.getResponseHeaders().getFirst(PEEKED_HEADER)).isEqualTo("true");
			assertThat(new String(annotated.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo("WINTER-7|" + note);
			EntityExchangeResult<byte[]> functional = client.post()
				.uri("/api/checkout/form/fn")
				.body(BodyInserters.fromFormData(form))
				.exchange()
				.expectBody()
				.returnResult();
			assertThat(new String(functional.getResponseBody(), StandardCharsets.UTF_8))
				.isEqualTo("fn:WINTER-7|" + note);
		});
	}

	@Test
	void formPostWhenBodyMatchesThenQueues() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = ReactiveFixtures.client(context)
				.post()
				.uri("/api/checkout/form")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.bodyValue("note=hello&sku=SUMMER-7")
				.exchange()
				.expectBody()
				.returnResult();
			assertThat(result.getStatus().value()).isEqualTo(302);
		});
	}

	@Test
	void formPostWhenOnlyTheQueryStringMatchesThenDoesNotQueue() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = ReactiveFixtures.client(context)
				.post()
				.uri("/api/checkout/form?ref=SUMMER-BANNER")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.bodyValue("sku=WINTER-7&note=hello")
				.exchange()
				.expectBody()
				.returnResult();
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo("WINTER-7|hello");
		});
	}

	@Test
	void multipartPostWhenUploadedThenIsNotPeekedAndHandlerSeesTheWholeFile() {
		this.runner.run((context) -> {
			String content = "order lines\n" + "line ".repeat(3000) + "SUMMER-9\n";
			// Written by hand: the client's multipart writer seeds SecureRandom for a
			// boundary on the non-blocking thread, which BlockHound rejects.
			String boundary = "queueit-test-boundary";
			String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
					+ "filename=\"order.txt\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary
					+ "--\r\n";
			EntityExchangeResult<byte[]> result = ReactiveFixtures.client(context)
				.post()
				.uri("/api/checkout/upload")
				.contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
				.bodyValue(multipart.getBytes(StandardCharsets.UTF_8))
				.exchange()
				.expectBody()
				.returnResult();
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(result.getResponseHeaders().getFirst(PEEKED_HEADER)).isEqualTo("false");
			assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo(content);
		});
	}

	@Test
	void getWhenConfigHasBodyTriggerThenRequestIsNotPeeked() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = ReactiveFixtures.client(context)
				.get()
				.uri("/api/checkout")
				.exchange()
				.expectBody()
				.returnResult();
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(result.getResponseHeaders().getFirst(PEEKED_HEADER)).isEqualTo("false");
		});
	}

	@Test
	void postWhenConfigHasNoBodyTriggerThenRequestIsNotPeeked() {
		this.runner.withPropertyValues("queueit.integration-config.location=classpath:queueit/public-host.json")
			.run((context) -> {
				EntityExchangeResult<byte[]> result = postText(ReactiveFixtures.client(context), "/api/checkout",
						"SUMMER-1");
				assertThat(result.getStatus().value()).isEqualTo(200);
				assertThat(result.getResponseHeaders().getFirst(PEEKED_HEADER)).isEqualTo("false");
				assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo("SUMMER-1");
			});
	}

	private static EntityExchangeResult<byte[]> postText(WebTestClient client, String uri, String body) {
		return client.post()
			.uri(uri)
			.contentType(TEXT_UTF8)
			.bodyValue(body.getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectBody()
			.returnResult();
	}

	private static boolean peeked(ServerWebExchange exchange) {
		return exchange.getClass().getName().startsWith(ServerQueueItWebFilter.class.getName() + "$");
	}

	@Configuration(proxyBeanMethods = false)
	static class Routes {

		@Bean
		RouterFunction<ServerResponse> checkoutRoutes() {
			return RouterFunctions.route()
				.POST("/api/checkout/fn",
						(request) -> request.bodyToMono(String.class)
							.flatMap((body) -> ServerResponse.ok().contentType(TEXT_UTF8).bodyValue("fn:" + body)))
				.POST("/api/checkout/form/fn",
						(request) -> request.formData()
							.flatMap((form) -> ServerResponse.ok()
								.contentType(TEXT_UTF8)
								.bodyValue("fn:" + form.getFirst("sku") + "|" + form.getFirst("note"))))
				.build();
		}

	}

	@RestController
	static class CheckoutController {

		@PostMapping(path = "/api/checkout", produces = "text/plain;charset=UTF-8")
		Mono<String> checkout(@RequestBody Mono<String> body, ServerWebExchange exchange) {
			mark(exchange);
			return body;
		}

		@GetMapping("/api/checkout")
		String status(ServerWebExchange exchange) {
			mark(exchange);
			return "open";
		}

		@PostMapping(path = "/api/checkout/form", produces = "text/plain;charset=UTF-8")
		String form(@ModelAttribute Order order, ServerWebExchange exchange) {
			mark(exchange);
			return order.sku + "|" + order.note;
		}

		@PostMapping(path = "/api/checkout/upload", produces = "text/plain;charset=UTF-8")
		Mono<String> upload(@RequestPart("file") FilePart file, ServerWebExchange exchange) {
			mark(exchange);
			return DataBufferUtils.join(file.content()).map((joined) -> {
				String text = joined.toString(StandardCharsets.UTF_8);
				DataBufferUtils.release(joined);
				return text;
			});
		}

		private static void mark(ServerWebExchange exchange) {
			exchange.getResponse().getHeaders().set(PEEKED_HEADER, Boolean.toString(peeked(exchange)));
		}

	}

	static class Order {

		String sku;

		String note;

		public void setSku(String sku) {
			this.sku = sku;
		}

		public void setNote(String note) {
			this.note = note;
		}

	}

}

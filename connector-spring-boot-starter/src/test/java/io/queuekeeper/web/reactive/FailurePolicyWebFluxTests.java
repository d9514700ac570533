package io.queuekeeper.web.reactive;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigParser;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.web.ProtectionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the WebFlux filter does when the engine cannot decide: no config loaded yet, or an
 * unexpected error. {@code queueit.failure-policy} applies as on Spring MVC, and each
 * cause is logged once.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailurePolicyWebFluxTests {

	private final Source source = new Source();

	private final ReactiveWebApplicationContextRunner runner = ReactiveFixtures.webFluxRunner()
		.withBean(IntegrationConfigProvider.class, () -> this.source)
		.withBean(GuardedController.class);

	@Test
	void getWhenNoConfigLoadedAndPolicyIsAllowThenHandlerRunsAndResponseIsMarked() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context));
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(new String(result.getResponseBody())).isEqualTo("guarded");
			assertThat(result.getResponseHeaders().getFirst(ProtectionSettings.FAILED_HEADER)).isEqualTo("true");
		});
	}

	@Test
	void getWhenNoConfigLoadedAndPolicyIsDenyThenAnswers503WithoutCallingTheHandler() {
		this.runner.withPropertyValues("queueit.failure-policy=deny").run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context));
			assertThat(result.getStatus().value()).isEqualTo(503);
			assertThat(result.getResponseBody()).isNullOrEmpty();
			assertThat(result.getResponseHeaders().getFirst("Cache-Control"))
				.isEqualTo("no-cache, no-store, must-revalidate, max-age=0");
			assertThat(context.getBean(GuardedController.class).calls).hasValue(0);
		});
	}

	@Test
	void getWhenProviderThrowsThenPolicyDecides() {
		this.source.fail("config store unreachable");
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context));
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(result.getResponseHeaders().getFirst(ProtectionSettings.FAILED_HEADER)).isEqualTo("true");
		});
		this.runner.withPropertyValues("queueit.failure-policy=deny").run((context) -> {
			assertThat(get(ReactiveFixtures.client(context)).getStatus().value()).isEqualTo(503);
			assertThat(context.getBean(GuardedController.class).calls).hasValue(0);
		});
	}

	@Test
	void postWhenProviderThrowsAndPolicyIsAllowThenHandlerStillReadsTheBody() {
		this.source.fail("config store unreachable");
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = post(ReactiveFixtures.client(context), "order");
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo("posted order");
			assertThat(result.getResponseHeaders().getFirst(ProtectionSettings.FAILED_HEADER)).isEqualTo("true");
		});
	}

	@Test
	void postWhenConfigArrivesLaterThenBodyTriggersDecide() {
		this.runner.run((context) -> {
			WebTestClient client = ReactiveFixtures.client(context);
			assertThat(post(client, "order").getStatus().value()).isEqualTo(200);
			this.source.load(QueueEverything.CONFIG);
			EntityExchangeResult<byte[]> result = post(client, "order");
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(result.getResponseHeaders().getFirst(ProtectionSettings.FAILED_HEADER)).isNull();
		});
	}

	@Test
	void requestsWhenFailingRepeatedlyThenEachCauseIsLoggedOnce(CapturedOutput output) {
		this.runner.run((context) -> {
			WebTestClient client = ReactiveFixtures.client(context);
			for (int i = 0; i < 3; i++) {
				get(client);
			}
			this.source.fail("config store unreachable");
			for (int i = 0; i < 3; i++) {
				get(client);
				post(client, "order " + i);
			}
			assertThat(context.getBean(GuardedController.class).calls).hasValue(9);
		});
		assertThat(output.getAll()
			.lines()
			.filter((line) -> line.contains("Queue-it connector cannot decide: no integration config loaded yet")))
			.hasSize(1);
		assertThat(output.getAll()
			.lines()
			.filter((line) -> line.contains("Queue-it connector cannot decide: evaluation failed"))).hasSize(1);
		assertThat(output.getAll()).doesNotContain(ReactiveFixtures.SECRET_KEY);
	}

	private static EntityExchangeResult<byte[]> get(WebTestClient client) {
		return client.get().uri("/guarded").exchange().expectBody().returnResult();
	}

	private static EntityExchangeResult<byte[]> post(WebTestClient client, String body) {
		return client.post()
			.uri("/guarded")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue(body)
			.exchange()
			.expectBody()
			.returnResult();
	}

	/**
	 * An integration config source the tests switch between empty, loaded and failing.
	 */
	static final class Source implements IntegrationConfigProvider {

		private final AtomicReference<Object> state = new AtomicReference<>();

		void load(IntegrationConfig config) {
			this.state.set(config);
		}

		void fail(String message) {
			this.state.set(new IllegalStateException(message));
		}

		@Override
		public Optional<IntegrationConfig> current() {
			Object current = this.state.get();
			if (current instanceof RuntimeException failure) {
				throw failure;
			}
			return Optional.ofNullable((IntegrationConfig) current);
		}

	}

	static final class QueueEverything {

		static final IntegrationConfig CONFIG = new IntegrationConfigParser().parse("""
				{ "Version": 9, "Integrations": [ { "Name": "All", "ActionType": "Queue", "EventId": "summersale",
				  "QueueDomain": "ticketania.queue-it.net", "CookieValidityMinute": 20, "ExtendCookieValidity": true,
				  "Triggers": [ { "LogicalOperator": "And", "TriggerParts": [
				    { "ValidatorType": "RequestBodyValidator", "Operator": "Contains",
				      "ValueToCompare": "order" } ] } ] } ] }
				""");

	}

	@RestController
	static class GuardedController {

		final AtomicInteger calls = new AtomicInteger();

		@GetMapping("/guarded")
		String guarded() {
			this.calls.incrementAndGet();
			return "guarded";
		}

		@PostMapping("/guarded")
		Mono<String> post(@RequestBody Mono<String> body) {
			this.calls.incrementAndGet();
			return body.map((text) -> "posted " + text);
		}

	}

}

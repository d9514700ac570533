package io.queuekeeper.web.reactive;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.queuekeeper.boot.metrics.QueueItMetrics;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.queuekeeper.web.reactive.ReactiveFixtures.NOW;
import static io.queuekeeper.web.reactive.ReactiveFixtures.cookieName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meters recorded while the WebFlux filter decides requests: the same gate, so the
 * same meters as on Spring MVC.
 */
class MetricsWebFluxTests {

	private final ReactiveWebApplicationContextRunner runner = ReactiveFixtures.webFluxRunner()
		.withPropertyValues("queueit.integration-config.location=classpath:queueit/shop.json")
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withBean(PageController.class);

	@Test
	void requestsWhenDecidedThenDecisionsTokenFailuresAndCookieRejectionsAreCounted() {
		this.runner.run((context) -> {
			WebTestClient client = ReactiveFixtures.client(context);
			client.get().uri("/products/1").exchange().expectStatus().isFound();
			client.get().uri("/internal/status").exchange().expectStatus().isOk();
			client.get()
				.uri("/products/2?queueittoken=" + ReactiveFixtures.token("summersale", NOW - 10))
				.exchange()
				.expectStatus()
				.isFound();
			client.get()
				.uri("/products/3")
				.cookie(cookieName("summersale"), "tampered")
				.exchange()
				.expectStatus()
				.isFound();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(QueueItMetrics.DECISIONS)
				.tag("event", "summersale")
				.tag("action", "Queue")
				.tag("outcome", "queue")
				.counter()
				.count()).isEqualTo(2.0);
			assertThat(registry.get(QueueItMetrics.DECISIONS)
				.tag("action", "Ignore")
				.tag("outcome", "continue")
				.counter()
				.count()).isEqualTo(1.0);
			assertThat(registry.get(QueueItMetrics.DECISIONS).tag("outcome", "error").counter().count()).isEqualTo(1.0);
			assertThat(registry.get(QueueItMetrics.TOKEN_FAILURES).tag("reason", "timestamp").counter().count())
				.isEqualTo(1.0);
			assertThat(registry.get(QueueItMetrics.COOKIE_REJECTIONS).tag("reason", "invalid").counter().count())
				.isEqualTo(1.0);
			assertThat(registry.get(QueueItMetrics.DECISION_LATENCY).timer().count()).isEqualTo(4);
		});
	}

	@RestController
	static class PageController {

		@GetMapping({ "/products/{id}", "/internal/status" })
		String page() {
			return "page";
		}

	}

}

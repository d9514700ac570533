package io.queuekeeper.web.servlet;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.queuekeeper.boot.metrics.QueueItMetrics;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.queuekeeper.web.servlet.QueueItFixtures.NOW;
import static io.queuekeeper.web.servlet.QueueItFixtures.cookieName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The meters recorded while the interceptor decides requests.
 */
class MetricsMvcTests {

	private final WebApplicationContextRunner runner = QueueItFixtures.mvcRunner()
		.withPropertyValues("queueit.integration-config.location=classpath:queueit/shop.json")
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withBean(PageController.class);

	@Test
	void requestsWhenDecidedThenDecisionsTokenFailuresAndCookieRejectionsAreCounted() {
		this.runner.run((context) -> {
			MockMvc mvc = QueueItFixtures.mockMvc(context);
			mvc.perform(get("/products/1")).andReturn();
			mvc.perform(get("/internal/status")).andReturn();
			mvc.perform(get("/products/2?queueittoken=" + QueueItFixtures.token("summersale", NOW - 10))).andReturn();
			mvc.perform(get("/products/3").cookie(new Cookie(cookieName("summersale"), "tampered"))).andReturn();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(QueueItMetrics.DECISIONS)
				.tag("event", "summersale")
				.tag("action", "Queue")
				.tag("outcome", "queue")
				.tag("ajax", "false")
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
			assertThat(registry.get(QueueItMetrics.COOKIE_REJECTIONS)
				.tag("event", "summersale")
				.tag("reason", "invalid")
				.counter()
				.count()).isEqualTo(1.0);
			assertThat(registry.get(QueueItMetrics.DECISION_LATENCY).timer().count()).isEqualTo(4);
			assertThat(registry.get(QueueItMetrics.CONFIG_VERSION).gauge().value()).isEqualTo(3.0);
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

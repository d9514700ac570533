package io.queuekeeper.web.reactive;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.queuekeeper.boot.autoconfigure.QueueItAutoConfiguration;
import io.queuekeeper.boot.autoconfigure.web.reactive.QueueItWebFluxAutoConfiguration;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigParser;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.core.testing.ConformanceCase;
import io.queuekeeper.core.testing.ConformanceSuite;
import io.queuekeeper.core.testing.MutableClock;
import io.queuekeeper.core.testing.ObservedCookie;
import io.queuekeeper.core.testing.ObservedResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.web.context.reactive.GenericReactiveWebApplicationContext;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays every recorded wire-compatibility case through {@link WebTestClient}, against a
 * controller protected by integration config with the starter's real auto-configuration.
 */
class WebFluxConformanceTests {

	private static final Map<String, Application> applications = new LinkedHashMap<>();

	private final IntegrationConfigParser parser = new IntegrationConfigParser();

	@AfterAll
	static void closeApplications() {
		applications.values().forEach((application) -> application.context.close());
		applications.clear();
	}

	@Test
	void everyRecordedCaseWhenServedByWebFluxThenMatchesTheRecording() {
		ConformanceSuite.Report report = ConformanceSuite.run("webflux", this::run);
		assertThat(report.passed()).isPositive();
		assertThat(report.failed()).as(report.failures()).isZero();
	}

	private List<String> run(ConformanceCase conformanceCase) {
		Application application = applications.computeIfAbsent(
				conformanceCase.customerId() + "\n" + conformanceCase.secretKey(),
				(key) -> new Application(conformanceCase.customerId(), conformanceCase.secretKey()));
		application.clock.set(Instant.ofEpochSecond(conformanceCase.now()));
		application.config.set(this.parser.parse(conformanceCase.configJson()));
		application.invoked.set(false);
		application.body.set(null);
		WebTestClient.RequestBodySpec request = application.client.method(HttpMethod.valueOf(conformanceCase.method()))
			.uri(URI.create(conformanceCase.url()));
		conformanceCase.headers().forEach(request::header);
		for (String[] cookie : conformanceCase.cookies()) {
			request.cookie(cookie[0], cookie[1]);
		}
		WebTestClient.RequestHeadersSpec<?> ready = conformanceCase.body().isEmpty() ? request
				: request.bodyValue(conformanceCase.body().getBytes(StandardCharsets.UTF_8));
		try {
			EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
			HttpHeaders headers = result.getResponseHeaders();
			List<String> setCookies = headers.getOrEmpty(HttpHeaders.SET_COOKIE);
			ObservedResponse observed = new ObservedResponse(result.getStatus().value(), headers::getFirst,
					ObservedCookie.parseAll(setCookies));
			List<String> diffs = new ArrayList<>(conformanceCase.compareHttp(observed, application.invoked.get()));
			String read = application.body.get();
			if (application.invoked.get() && !conformanceCase.body().isEmpty()
					&& !conformanceCase.body().equals(read)) {
				diffs.add("body read by the controller\n      expected: " + conformanceCase.body()
						+ "\n      actual:   " + read);
			}
			return diffs;
		}
		catch (RuntimeException | AssertionError ex) {
			List<String> diffs = new ArrayList<>();
			diffs.add("request failed: " + ex);
			return diffs;
		}
	}

	/**
	 * One running application per customer id and secret key.
	 */
	private static final class Application {

		final MutableClock clock = new MutableClock(Instant.EPOCH);

		final AtomicReference<IntegrationConfig> config = new AtomicReference<>();

		final AtomicBoolean invoked = new AtomicBoolean();

		final AtomicReference<String> body = new AtomicReference<>();

		final GenericReactiveWebApplicationContext context = new GenericReactiveWebApplicationContext();

		final WebTestClient client;

		Application(String customerId, String secretKey) {
			AnnotationConfigUtils.registerAnnotationConfigProcessors(this.context);
			TestPropertyValues.of("queueit.customer-id=" + customerId, "queueit.secret-key=" + secretKey)
				.applyTo(this.context);
			this.context.registerBean(MutableClock.class, () -> this.clock);
			this.context.registerBean(IntegrationConfigProvider.class,
					() -> () -> Optional.ofNullable(this.config.get()));
			this.context.registerBean(CatchAllController.class, () -> new CatchAllController(this.invoked, this.body));
			this.context.registerBean(ConformanceApplication.class);
			this.context.refresh();
			this.client = WebTestClient.bindToApplicationContext(this.context).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ QueueItAutoConfiguration.class, QueueItWebFluxAutoConfiguration.class,
			WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class })
	static class ConformanceApplication {

	}

	@RestController
	static class CatchAllController {

		private final AtomicBoolean invoked;

		private final AtomicReference<String> body;

		CatchAllController(AtomicBoolean invoked, AtomicReference<String> body) {
			this.invoked = invoked;
			this.body = body;
		}

		@RequestMapping("/**")
		Mono<String> handle(@RequestBody(required = false) Mono<String> body) {
			return body.defaultIfEmpty("").map((text) -> {
				this.invoked.set(true);
				this.body.set(text);
				return "protected content";
			});
		}

	}

}

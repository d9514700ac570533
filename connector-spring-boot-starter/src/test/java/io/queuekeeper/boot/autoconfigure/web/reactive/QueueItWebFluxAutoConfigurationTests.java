package io.queuekeeper.boot.autoconfigure.web.reactive;

import java.util.List;
import java.util.Map;

import io.queuekeeper.boot.autoconfigure.QueueItAutoConfiguration;
import io.queuekeeper.boot.autoconfigure.QueueItConfigurationFailureAnalyzer;
import io.queuekeeper.boot.autoconfigure.web.servlet.QueueItWebMvcAutoConfiguration;
import io.queuekeeper.core.ConnectorConfigurationException;
import io.queuekeeper.core.ConnectorSettings;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.web.ProtectionSettings;
import io.queuekeeper.web.QueueEvents;
import io.queuekeeper.web.QueueItGate;
import io.queuekeeper.web.QueueProtected;
import io.queuekeeper.web.reactive.ServerQueueItWebFilter;
import io.queuekeeper.web.reactive.ServerQueueProtectedVerifier;
import io.queuekeeper.web.servlet.QueueItHandlerInterceptor;
import io.queuekeeper.web.servlet.QueueProtectedVerifier;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.WebFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Tests for {@link QueueItWebFluxAutoConfiguration}: the filter and its helpers exist in
 * reactive applications only, back off for the user's own filter, the start fails for a
 * {@link QueueProtected} handler naming an unknown event, and each web stack works with
 * the other one missing from the class path.
 */
class QueueItWebFluxAutoConfigurationTests {

	private static final String SECRET_KEY = "3f2b1a5c-7d9e-4f10-8a2b-6c4d8e0f1a2b9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a";

	private static final String[] ACCOUNT = { "queueit.customer-id=ticketania", "queueit.secret-key=" + SECRET_KEY,
			"queueit.events.drop.queue-domain=drops.queue-it.net" };

	private static final AutoConfigurations ALL = AutoConfigurations.of(QueueItAutoConfiguration.class,
			QueueItWebMvcAutoConfiguration.class, QueueItWebFluxAutoConfiguration.class);

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(ALL)
		.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class))
		.withPropertyValues(ACCOUNT)
		.withBean(DropController.class);

	private final WebApplicationContextRunner servletRunner = new WebApplicationContextRunner().withConfiguration(ALL)
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class,
				DispatcherServletAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class))
		.withPropertyValues(ACCOUNT)
		.withBean(DropController.class);

	@Test
	void reactiveAppThenFilterResolverAndVerifierAreRegistered() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ServerQueueItWebFilter.class)
				.hasSingleBean(QueueItWebFluxConfigurer.class)
				.hasSingleBean(ServerQueueProtectedVerifier.class)
				.hasSingleBean(QueueItGate.class);
			assertThat(context.getBeansOfType(WebFilter.class).values())
				.containsOnlyOnce(context.getBean(ServerQueueItWebFilter.class));
			assertThat(context.getBean(ServerQueueItWebFilter.class).getOrder())
				.isEqualTo(ServerQueueItWebFilter.DEFAULT_ORDER);
			assertThat(drop(context).getStatus().value()).isEqualTo(302);
		});
	}

	@Test
	void reactiveAppThenNoServletBeansAreCreated() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(QueueItHandlerInterceptor.class)
			.doesNotHaveBean(QueueProtectedVerifier.class)
			.doesNotHaveBean(WebMvcConfigurer.class)
			.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void servletAppThenNoReactiveBeansAreCreated() {
		this.servletRunner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(QueueItHandlerInterceptor.class)
			.doesNotHaveBean(ServerQueueItWebFilter.class)
			.doesNotHaveBean(WebFluxConfigurer.class)
			.doesNotHaveBean(ServerQueueProtectedVerifier.class));
	}

	@Test
	void nonWebAppThenNothingIsCreated() {
		new ApplicationContextRunner().withConfiguration(ALL)
			.withPropertyValues(ACCOUNT)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(QueueItGate.class)
				.doesNotHaveBean(ServerQueueItWebFilter.class));
	}

	@Test
	void reactiveAppWhenDisabledThenNothingIsRegistered() {
		this.runner.withPropertyValues("queueit.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(QueueItGate.class)
				.doesNotHaveBean(ServerQueueItWebFilter.class)
				.doesNotHaveBean(QueueItWebFluxConfigurer.class);
			assertThat(drop(context).getStatus().value()).isEqualTo(200);
		});
	}

	@Test
	void reactiveAppWhenUserDefinesAFilterThenAutoConfiguredOneBacksOff() {
		this.runner.withBean("ownFilter", ServerQueueItWebFilter.class, () -> {
			QueueItGate gate = new QueueItGate(new QueueConnector(ConnectorSettings.of("owncorp", "own-secret")), null,
					new QueueEvents(Map.of()), ProtectionSettings.defaults());
			return new ServerQueueItWebFilter(gate, List::of, List.of());
		}).run((context) -> {
			assertThat(context).hasSingleBean(ServerQueueItWebFilter.class);
			assertThat(context).getBean("ownFilter").isSameAs(context.getBean(ServerQueueItWebFilter.class));
			assertThat(drop(context).getStatus().value()).isEqualTo(200);
		});
	}

	@Test
	void reactiveAppWhenUserDefinesAConnectorThenFilterUsesIt() {
		QueueConnector own = new QueueConnector(ConnectorSettings.of("owncorp", "own-secret"));
		this.runner.withBean(QueueConnector.class, () -> own)
			.run((context) -> assertThat(drop(context).getResponseHeaders().getFirst("Location"))
				.startsWith("https://drops.queue-it.net/?c=owncorp&e=drop&"));
	}

	@Test
	void reactiveAppWhenDispatcherHandlerIsMissingThenNoWebFluxBeansAreCreated() {
		new ReactiveWebApplicationContextRunner().withConfiguration(ALL)
			.withPropertyValues(ACCOUNT)
			.withClassLoader(new FilteredClassLoader(DispatcherHandler.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(QueueItGate.class)
				.doesNotHaveBean(ServerQueueItWebFilter.class)
				.doesNotHaveBean(ServerQueueProtectedVerifier.class));
	}

	@Test
	void startWhenAnnotatedHandlerNamesAnUnknownEventThenFailsNamingTheProperty() {
		this.runner.withBean(GhostController.class).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).isInstanceOf(ConnectorConfigurationException.class)
				.hasMessageContaining("queueit.events.ghost.queue-domain")
				.hasMessageContaining("GhostController");
			FailureAnalysis analysis = new QueueItConfigurationFailureAnalyzer().analyze(failure);
			assertThat(analysis.getDescription()).contains("queueit.events.ghost.queue-domain");
			assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(SECRET_KEY);
		});
	}

	@Test
	void reactiveAppWhenServletAndMvcClassesAreAbsentThenFilterProtects() {
		this.runner.withClassLoader(new FilteredClassLoader("jakarta.servlet", "org.springframework.web.servlet"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(ServerQueueItWebFilter.class)
					.doesNotHaveBean(QueueItHandlerInterceptor.class)
					.doesNotHaveBean(QueueProtectedVerifier.class);
				EntityExchangeResult<byte[]> result = drop(context);
				assertThat(result.getStatus().value()).isEqualTo(302);
				assertThat(result.getResponseHeaders().getFirst("Location"))
					.startsWith("https://drops.queue-it.net/?c=ticketania&e=drop&");
			});
	}

	@Test
	void servletAppWhenReactorAndWebFluxClassesAreAbsentThenInterceptorProtects() {
		this.servletRunner
			.withClassLoader(new FilteredClassLoader("reactor.", "org.springframework.web.reactive",
					"org.springframework.boot.webflux", "org.springframework.http.codec"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(QueueItHandlerInterceptor.class)
					.doesNotHaveBean(ServerQueueItWebFilter.class)
					.doesNotHaveBean(ServerQueueProtectedVerifier.class);
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context.getSourceApplicationContext()).build();
				assertThat(mvc.perform(get("/drop")).andReturn().getResponse().getHeader("Location"))
					.startsWith("https://drops.queue-it.net/?c=ticketania&e=drop&");
			});
	}

	private static EntityExchangeResult<byte[]> drop(AssertableReactiveWebApplicationContext context) {
		return WebTestClient.bindToApplicationContext(context.getSourceApplicationContext())
			.build()
			.get()
			.uri("http://localhost/drop")
			.exchange()
			.expectBody()
			.returnResult();
	}

	@RestController
	static class DropController {

		@QueueProtected("drop")
		@GetMapping("/drop")
		String drop() {
			return "drop";
		}

	}

	@RestController
	static class GhostController {

		@QueueProtected("ghost")
		@GetMapping("/ghost")
		String ghost() {
			return "ghost";
		}

	}

}

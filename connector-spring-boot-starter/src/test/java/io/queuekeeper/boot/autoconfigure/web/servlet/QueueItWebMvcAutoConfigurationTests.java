package io.queuekeeper.boot.autoconfigure.web.servlet;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.queuekeeper.boot.autoconfigure.QueueItAutoConfiguration;
import io.queuekeeper.boot.autoconfigure.QueueItConfigurationFailureAnalyzer;
import io.queuekeeper.core.ConnectorConfigurationException;
import io.queuekeeper.core.ConnectorSettings;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.web.ProtectionSettings;
import io.queuekeeper.web.QueueEvents;
import io.queuekeeper.web.QueueProtected;
import io.queuekeeper.web.servlet.QueueDecisionArgumentResolver;
import io.queuekeeper.web.servlet.QueueItHandlerInterceptor;
import io.queuekeeper.web.servlet.QueueItRequestBodyFilter;
import io.queuekeeper.web.servlet.QueueProtectedVerifier;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Tests for {@link QueueItWebMvcAutoConfiguration}: the interceptor and its helpers exist
 * in servlet applications only, back off for the user's own beans, and the start fails
 * for a {@link QueueProtected} handler naming an unknown event.
 */
class QueueItWebMvcAutoConfigurationTests {

	private static final String SECRET_KEY = "3f2b1a5c-7d9e-4f10-8a2b-6c4d8e0f1a2b9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a";

	private static final String[] ACCOUNT = { "queueit.customer-id=ticketania", "queueit.secret-key=" + SECRET_KEY };

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QueueItAutoConfiguration.class, QueueItWebMvcAutoConfiguration.class,
				WebMvcAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class))
		.withPropertyValues(ACCOUNT)
		.withBean(HelloController.class);

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QueueItAutoConfiguration.class, QueueItWebMvcAutoConfiguration.class))
		.withPropertyValues(ACCOUNT);

	private final ApplicationContextRunner nonWebRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QueueItAutoConfiguration.class, QueueItWebMvcAutoConfiguration.class))
		.withPropertyValues(ACCOUNT);

	@Test
	void servletAppThenInterceptorIsRegisteredWithSpringMvc() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(QueueItHandlerInterceptor.class)
				.hasSingleBean(QueueItWebMvcConfigurer.class)
				.hasSingleBean(QueueProtectedVerifier.class);
			assertThat(interceptorsFor(context, "/hello"))
				.containsOnlyOnce(context.getBean(QueueItHandlerInterceptor.class));
		});
	}

	@Test
	void servletAppThenDecisionArgumentResolverIsRegistered() {
		this.runner.run((
				context) -> assertThat(context.getBean(RequestMappingHandlerAdapter.class).getCustomArgumentResolvers())
					.hasExactlyElementsOfTypes(QueueDecisionArgumentResolver.class));
	}

	@Test
	void servletAppWhenNoIntegrationConfigThenNoBodyFilterIsRegistered() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void servletAppWhenLocationIsSetThenBodyFilterIsRegisteredEarly() {
		this.runner.withPropertyValues("queueit.integration-config.location=classpath:queueit/body.json")
			.run((context) -> assertBodyFilter(context));
	}

	@Test
	void servletAppWhenUserDefinesAProviderThenBodyFilterIsRegistered() {
		this.runner.withBean(IntegrationConfigProvider.class, () -> Optional::empty)
			.run((context) -> assertBodyFilter(context));
	}

	@Test
	void reactiveAppThenNoServletBeansAreCreated() {
		this.reactiveRunner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(QueueConnector.class)
			.doesNotHaveBean(QueueItHandlerInterceptor.class)
			.doesNotHaveBean(QueueItWebMvcConfigurer.class)
			.doesNotHaveBean(WebMvcConfigurer.class)
			.doesNotHaveBean(QueueProtectedVerifier.class)
			.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void nonWebAppThenNothingIsCreated() {
		this.nonWebRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(QueueConnector.class)
			.doesNotHaveBean(QueueItHandlerInterceptor.class)
			.doesNotHaveBean(QueueItWebMvcConfigurer.class));
	}

	@Test
	void servletAppWhenDisabledThenNothingIsRegistered() {
		this.runner.withPropertyValues("queueit.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(QueueConnector.class)
				.doesNotHaveBean(QueueItHandlerInterceptor.class)
				.doesNotHaveBean(QueueItWebMvcConfigurer.class)
				.doesNotHaveBean(QueueProtectedVerifier.class);
			assertThat(interceptorsFor(context, "/hello")).noneMatch(QueueItHandlerInterceptor.class::isInstance);
		});
	}

	@Test
	void servletAppWhenDispatcherServletIsMissingThenNoMvcBeansAreCreated() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(QueueItAutoConfiguration.class, QueueItWebMvcAutoConfiguration.class))
			.withPropertyValues(ACCOUNT)
			.withPropertyValues("queueit.integration-config.location=classpath:queueit/body.json")
			.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(QueueConnector.class)
				.doesNotHaveBean(QueueItHandlerInterceptor.class)
				.doesNotHaveBean(QueueItWebMvcConfigurer.class)
				.doesNotHaveBean(QueueProtectedVerifier.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void servletAppWhenUserDefinesAConnectorThenInterceptorUsesIt() {
		QueueConnector own = new QueueConnector(ConnectorSettings.of("owncorp", "own-secret"));
		this.runner.withBean(QueueConnector.class, () -> own)
			.withPropertyValues("queueit.events.drop.queue-domain=drops.queue-it.net")
			.withBean(DropController.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(QueueConnector.class).hasSingleBean(QueueItHandlerInterceptor.class);
				assertThat(context.getBean(QueueConnector.class)).isSameAs(own);
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context.getSourceApplicationContext()).build();
				assertThat(mvc.perform(get("/drop")).andReturn().getResponse().getHeader("Location"))
					.startsWith("https://drops.queue-it.net/?c=owncorp&e=drop&");
			});
	}

	@Test
	void servletAppWhenUserDefinesAnInterceptorThenTheirsIsRegistered() {
		QueueItHandlerInterceptor own = new QueueItHandlerInterceptor(
				new QueueConnector(ConnectorSettings.of("owncorp", "own-secret")), null, new QueueEvents(Map.of()),
				ProtectionSettings.defaults());
		this.runner.withBean(QueueItHandlerInterceptor.class, () -> own).run((context) -> {
			assertThat(context).hasSingleBean(QueueItHandlerInterceptor.class)
				.hasSingleBean(QueueItWebMvcConfigurer.class);
			assertThat(context.getBean(QueueItHandlerInterceptor.class)).isSameAs(own);
			List<HandlerInterceptor> interceptors = interceptorsFor(context, "/hello");
			assertThat(interceptors).containsOnlyOnce(own);
			assertThat(interceptors.stream().filter(QueueItHandlerInterceptor.class::isInstance)).hasSize(1);
		});
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
	void startWhenSubclassOfAnInheritedHandlerNamesAnUnknownEventThenFails() {
		this.runner.withPropertyValues("queueit.events.drop.queue-domain=drops.queue-it.net")
			.withBean(DropShelf.class)
			.withBean(GhostShelf.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(ConnectorConfigurationException.class)
					.hasMessageContaining("queueit.events.ghost.queue-domain");
			});
	}

	@Test
	void startWhenAnnotationNamesNoEventThenFailsAskingForOne() {
		this.runner.withBean(NamelessController.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(ConnectorConfigurationException.class)
				.hasMessageContaining("queueit.events.<event-id>.queue-domain");
		});
	}

	private static void assertBodyFilter(AssertableWebApplicationContext context) {
		assertThat(context).hasSingleBean(FilterRegistrationBean.class);
		FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
		assertThat(registration.getFilter()).isInstanceOf(QueueItRequestBodyFilter.class);
		assertThat(registration.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 100);
	}

	private static List<HandlerInterceptor> interceptorsFor(AssertableWebApplicationContext context, String path)
			throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		HandlerExecutionChain chain = context
			.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
			.getHandler(request);
		assertThat(chain).isNotNull();
		return chain.getInterceptorList();
	}

	@RestController
	static class HelloController {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

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

	abstract static class Shelf {

		@GetMapping("/items")
		String items() {
			return "items";
		}

	}

	@RestController
	@RequestMapping("/drop-shelf")
	@QueueProtected("drop")
	static class DropShelf extends Shelf {

	}

	@RestController
	@RequestMapping("/ghost-shelf")
	@QueueProtected("ghost")
	static class GhostShelf extends Shelf {

	}

	@RestController
	@QueueProtected
	static class NamelessController {

		@GetMapping("/nameless")
		String nameless() {
			return "nameless";
		}

	}

}

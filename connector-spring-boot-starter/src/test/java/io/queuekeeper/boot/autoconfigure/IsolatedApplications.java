package io.queuekeeper.boot.autoconfigure;

import io.queuekeeper.boot.autoconfigure.web.reactive.QueueItWebFluxAutoConfiguration;
import io.queuekeeper.boot.autoconfigure.web.servlet.QueueItWebMvcAutoConfiguration;
import io.queuekeeper.web.QueueProtected;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Applications that {@link StackIsolationTests} start in a class loader without the other
 * web stack. Each method touches only its own stack's types.
 */
public final class IsolatedApplications {

	private static final String[] ACCOUNT = { "queueit.customer-id=ticketania",
			"queueit.secret-key=3f2b1a5c-7d9e-4f10-8a2b-6c4d8e0f1a2b9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a",
			"queueit.events.drop.queue-domain=drops.queue-it.net" };

	private static final AutoConfigurations STARTER = AutoConfigurations.of(QueueItAutoConfiguration.class,
			QueueItWebMvcAutoConfiguration.class, QueueItWebFluxAutoConfiguration.class);

	private IsolatedApplications() {
	}

	/**
	 * Starts a reactive application and requests a protected handler.
	 * @return the status, the start of the redirect, and which adapter beans exist
	 */
	public static String reactive() {
		StringBuilder result = new StringBuilder();
		new ReactiveWebApplicationContextRunner().withConfiguration(STARTER)
			.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class))
			.withPropertyValues(ACCOUNT)
			.withBean(DropController.class)
			.run((context) -> {
				if (context.getStartupFailure() != null) {
					throw new IllegalStateException(context.getStartupFailure());
				}
				EntityExchangeResult<byte[]> response = WebTestClient
					.bindToApplicationContext(context.getSourceApplicationContext())
					.build()
					.get()
					.uri("http://localhost/drop")
					.exchange()
					.expectBody()
					.returnResult();
				result.append(response.getStatus().value())
					.append(' ')
					.append(start(response.getResponseHeaders().getFirst("Location")))
					.append(beans(context.getBeanDefinitionNames()));
			});
		return result.toString();
	}

	/**
	 * Starts a servlet application and requests a protected handler.
	 * @return the status, the start of the redirect, and which adapter beans exist
	 */
	public static String servlet() {
		StringBuilder result = new StringBuilder();
		new WebApplicationContextRunner().withConfiguration(STARTER)
			.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class,
					DispatcherServletAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class))
			.withPropertyValues(ACCOUNT)
			.withBean(DropController.class)
			.run((context) -> {
				if (context.getStartupFailure() != null) {
					throw new IllegalStateException(context.getStartupFailure());
				}
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context.getSourceApplicationContext()).build();
				MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get("/drop"))
					.andReturn()
					.getResponse();
				result.append(response.getStatus())
					.append(' ')
					.append(start(response.getHeader("Location")))
					.append(beans(context.getBeanDefinitionNames()));
			});
		return result.toString();
	}

	private static String start(String location) {
		return (location != null && location.indexOf("&ver=") > 0) ? location.substring(0, location.indexOf("&ver="))
				: String.valueOf(location);
	}

	private static String beans(String[] names) {
		boolean filter = false;
		boolean interceptor = false;
		for (String name : names) {
			filter |= name.equals("queueItWebFilter");
			interceptor |= name.equals("queueItHandlerInterceptor");
		}
		return "|filter=" + filter + "|interceptor=" + interceptor;
	}

	@RestController
	public static class DropController {

		@QueueProtected("drop")
		@GetMapping("/drop")
		public String drop() {
			return "drop";
		}

	}

}

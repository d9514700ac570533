package io.queuekeeper.web.servlet;

import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;

/**
 * Requests left out of evaluation by default (static resources, error dispatches,
 * {@code OPTIONS} and {@code HEAD}), and each exclusion switched back off. The
 * integration config queues every page, so an evaluated request is always redirected.
 */
class ExclusionsMvcTests {

	private final WebApplicationContextRunner runner = QueueItFixtures.mvcRunner()
		.withPropertyValues("queueit.integration-config.location=classpath:queueit/shop.json")
		.withBean(PageController.class);

	@Test
	void getWhenPageIsNotExcludedThenIsEvaluated() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/page"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
		});
	}

	@Test
	void getWhenStaticResourceThenIsServedWithoutEvaluation() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/queueit-test.css"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).contains("color: #336");
		});
	}

	@Test
	void getWhenStaticResourceAndExclusionIsOffThenIsEvaluated() {
		this.runner.withPropertyValues("queueit.exclusions.static-resources=false").run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/queueit-test.css"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location")).endsWith("&t=http%3A%2F%2Flocalhost%2Fqueueit-test.css");
		});
	}

	@Test
	void optionsWhenDefaultExclusionsThenIsNotEvaluated() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(options("/page"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeader("Allow")).contains("GET");
			assertThat(response.getHeader("Location")).isNull();
		});
	}

	@Test
	void optionsWhenMethodIsNoLongerExcludedThenIsEvaluated() {
		this.runner.withPropertyValues("queueit.exclusions.methods=HEAD").run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(options("/page"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
		});
	}

	@Test
	void headWhenDefaultExclusionsThenIsNotEvaluated() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(head("/page"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeader("Location")).isNull();
		});
	}

	@Test
	void headWhenMethodIsNoLongerExcludedThenIsEvaluated() {
		this.runner.withPropertyValues("queueit.exclusions.methods=OPTIONS").run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(head("/page"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
		});
	}

	@Test
	void deleteWhenExcludedInLowerCaseThenIsNotEvaluated() {
		this.runner.withPropertyValues("queueit.exclusions.methods=options,head,delete").run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(delete("/page"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo("deleted");
		});
	}

	@Test
	void errorDispatchWhenDefaultExclusionsThenIsNotEvaluated() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/oops").with(errorDispatch()))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo("error page");
		});
	}

	@Test
	void errorDispatchWhenExclusionIsOffThenIsEvaluated() {
		this.runner.withPropertyValues("queueit.exclusions.error-dispatches=false").run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/oops").with(errorDispatch()))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getContentAsString()).isEmpty();
		});
	}

	private static RequestPostProcessor errorDispatch() {
		return (request) -> {
			request.setDispatcherType(DispatcherType.ERROR);
			return request;
		};
	}

	@RestController
	static class PageController {

		@GetMapping("/page")
		String page() {
			return "page";
		}

		@DeleteMapping("/page")
		String delete() {
			return "deleted";
		}

		@GetMapping("/oops")
		String error() {
			return "error page";
		}

	}

}

package io.queuekeeper.web.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigParser;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.WebUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * {@code RequestBodyValidator} triggers: the body is peeked at only when the current
 * config needs it, only up to {@code queueit.request-body-limit}, and the controller
 * still reads all of it.
 */
class RequestBodyMvcTests {

	private static final MediaType TEXT_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private static final String WRAPPED_HEADER = "x-test-wrapped";

	private final WebApplicationContextRunner runner = QueueItFixtures.mvcRunner()
		.withPropertyValues("queueit.integration-config.location=classpath:queueit/body.json")
		.withBean(CheckoutController.class);

	@Test
	void postWhenBodyMatchesThenQueues() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = postText(QueueItFixtures.mockMvc(context), "{\"sku\":\"SUMMER-001\"}");
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location"))
				.endsWith("&man=Checkout%20API&t=http%3A%2F%2Flocalhost%2Fapi%2Fcheckout");
		});
	}

	@Test
	void postWhenBodyDoesNotMatchThenControllerReadsTheWholeBody() {
		this.runner.run((context) -> {
			String body = "{\"sku\":\"WINTER-001\",\"note\":\"" + "blåbærsyltetøy ".repeat(800) + "\"}";
			MockHttpServletResponse response = postText(QueueItFixtures.mockMvc(context), body);
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeader(WRAPPED_HEADER)).isEqualTo("true");
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(body);
		});
	}

	@Test
	void postWhenMatchEndsExactlyAtTheLimitThenQueues() {
		this.runner.run((context) -> {
			String body = "x".repeat(4096 - "SUMMER-".length()) + "SUMMER-" + "y".repeat(100);
			MockHttpServletResponse response = postText(QueueItFixtures.mockMvc(context), body);
			assertThat(response.getStatus()).isEqualTo(302);
		});
	}

	@Test
	void postWhenMatchCrossesTheLimitThenDoesNotMatchAndBodyIsIntact() {
		this.runner.run((context) -> {
			String body = "x".repeat(4096 - "SUMMER-".length() + 1) + "SUMMER-" + "y".repeat(100);
			MockHttpServletResponse response = postText(QueueItFixtures.mockMvc(context), body);
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(body);
		});
	}

	@Test
	void postWhenMatchLiesBeyondDefaultLimitThenDoesNotMatch() {
		this.runner.run((context) -> {
			String body = "x".repeat(5000) + "SUMMER-001";
			MockHttpServletResponse response = postText(QueueItFixtures.mockMvc(context), body);
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(body);
		});
	}

	@Test
	void postWhenLimitIsRaisedThenMatchBeyondFourKilobytesQueues() {
		this.runner.withPropertyValues("queueit.request-body-limit=8KB").run((context) -> {
			MockMvc mvc = QueueItFixtures.mockMvc(context);
			MockHttpServletResponse response = postText(mvc, "x".repeat(5000) + "SUMMER-001");
			assertThat(response.getStatus()).isEqualTo(302);
			MockHttpServletResponse beyond = postText(mvc, "x".repeat(8192) + "SUMMER-001");
			assertThat(beyond.getStatus()).isEqualTo(200);
		});
	}

	@Test
	void formPostWhenNoMatchThenRequestParamsAreIntact() {
		this.runner.run((context) -> {
			String note = "næste levering ".repeat(500);
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(post("/api/checkout/form").contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.characterEncoding(StandardCharsets.UTF_8)
					.param("sku", "WINTER-7")
					.param("note", note))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeader(WRAPPED_HEADER)).isEqualTo("true");
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("WINTER-7|" + note);
		});
	}

	@Test
	void formPostWhenBodyMatchesThenQueues() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(post("/api/checkout/form").contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.content("note=hello&sku=SUMMER-7"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
		});
	}

	@Test
	void formPostWhenOnlyTheQueryStringMatchesThenDoesNotQueue() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(post("/api/checkout/form?ref=SUMMER-BANNER").contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.content("sku=WINTER-7&note=hello"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo("WINTER-7|hello");
		});
	}

	@Test
	void formPostWhenQueryAndBodyRepeatAParameterThenBodyValuesStillMatch() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(post("/api/checkout/form?sku=WINTER-1&note=q")
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.content("sku=SUMMER-2&note=b"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
		});
	}

	@Test
	void postWhenControllerCallsGetReaderTwiceThenReadsTheWholeBody() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(post("/api/checkout/lines").contentType(TEXT_UTF8).content("WINTER-1\nline 2\nline 3"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeader(WRAPPED_HEADER)).isEqualTo("true");
			assertThat(response.getContentAsString()).isEqualTo("WINTER-1|line 2,line 3");
		});
	}

	@Test
	void multipartPostWhenUploadedThenControllerSeesTheWholeFile() {
		this.runner.run((context) -> {
			byte[] content = ("order lines\n" + "line ".repeat(3000) + "SUMMER-9\n").getBytes(StandardCharsets.UTF_8);
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(multipart("/api/checkout/upload")
					.file(new MockMultipartFile("file", "order.txt", "text/plain", content))
					.param("sku", "WINTER-3"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeader(WRAPPED_HEADER)).isEqualTo("true");
			assertThat(response.getContentAsString(StandardCharsets.UTF_8))
				.isEqualTo("WINTER-3|" + new String(content, StandardCharsets.UTF_8));
		});
	}

	@Test
	void getWhenConfigHasBodyTriggerThenRequestIsNotWrapped() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/api/checkout"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeader(WRAPPED_HEADER)).isEqualTo("false");
		});
	}

	@Test
	void postWhenCurrentSnapshotHasNoBodyTriggerThenRequestIsNotWrapped() throws IOException {
		IntegrationConfigParser parser = new IntegrationConfigParser();
		IntegrationConfig withoutBodyTrigger = parser.parse("{\"Version\":1,\"Integrations\":[]}");
		IntegrationConfig withBodyTrigger = parser.parse(StreamUtils
			.copyToString(new ClassPathResource("queueit/body.json").getInputStream(), StandardCharsets.UTF_8));
		AtomicReference<IntegrationConfig> current = new AtomicReference<>(withoutBodyTrigger);
		IntegrationConfigProvider provider = () -> Optional.of(current.get());
		this.runner.withBean(IntegrationConfigProvider.class, () -> provider).run((context) -> {
			MockMvc mvc = QueueItFixtures.mockMvc(context);
			MockHttpServletResponse before = postText(mvc, "WINTER-1");
			assertThat(before.getStatus()).isEqualTo(200);
			assertThat(before.getHeader(WRAPPED_HEADER)).isEqualTo("false");
			current.set(withBodyTrigger);
			MockHttpServletResponse after = postText(mvc, "WINTER-1");
			assertThat(after.getStatus()).isEqualTo(200);
			assertThat(after.getHeader(WRAPPED_HEADER)).isEqualTo("true");
			assertThat(postText(mvc, "SUMMER-1").getStatus()).isEqualTo(302);
		});
	}

	private static MockHttpServletResponse postText(MockMvc mvc, String body) throws Exception {
		return mvc.perform(post("/api/checkout").contentType(TEXT_UTF8).content(body.getBytes(StandardCharsets.UTF_8)))
			.andReturn()
			.getResponse();
	}

	@RestController
	static class CheckoutController {

		@PostMapping(path = "/api/checkout", produces = "text/plain;charset=UTF-8")
		String checkout(@RequestBody String body, HttpServletRequest request, HttpServletResponse response) {
			markWrapped(request, response);
			return body;
		}

		@GetMapping("/api/checkout")
		String status(HttpServletRequest request, HttpServletResponse response) {
			markWrapped(request, response);
			return "open";
		}

		@PostMapping(path = "/api/checkout/form", produces = "text/plain;charset=UTF-8")
		String form(@RequestParam String sku, @RequestParam String note, HttpServletRequest request,
				HttpServletResponse response) {
			markWrapped(request, response);
			return sku + "|" + note;
		}

		@PostMapping(path = "/api/checkout/lines", produces = "text/plain;charset=UTF-8")
		String lines(HttpServletRequest request, HttpServletResponse response) throws IOException {
			markWrapped(request, response);
			String first = request.getReader().readLine();
			return first + "|" + request.getReader().lines().collect(Collectors.joining(","));
		}

		@PostMapping(path = "/api/checkout/upload", produces = "text/plain;charset=UTF-8")
		String upload(@RequestParam MultipartFile file, @RequestParam String sku, HttpServletRequest request,
				HttpServletResponse response) throws IOException {
			markWrapped(request, response);
			return sku + "|" + new String(file.getBytes(), StandardCharsets.UTF_8);
		}

		private static void markWrapped(HttpServletRequest request, HttpServletResponse response) {
			boolean wrapped = WebUtils.getNativeRequest(request, BodyPeekingRequestWrapper.class) != null;
			response.setHeader(WRAPPED_HEADER, Boolean.toString(wrapped));
		}

	}

}

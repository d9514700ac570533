package io.queuekeeper.web.servlet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigParser;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.web.ConnectorLog;
import io.queuekeeper.web.FailurePolicy;
import io.queuekeeper.web.ProtectionSettings;
import io.queuekeeper.web.QueueProtected;
import jakarta.servlet.http.Cookie;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static io.queuekeeper.web.servlet.QueueItFixtures.API_KEY;
import static io.queuekeeper.web.servlet.QueueItFixtures.NOW;
import static io.queuekeeper.web.servlet.QueueItFixtures.SECRET_KEY;
import static io.queuekeeper.web.servlet.QueueItFixtures.cookieName;
import static io.queuekeeper.web.servlet.QueueItFixtures.cookieValue;
import static io.queuekeeper.web.servlet.QueueItFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What happens when the engine cannot decide: no config loaded yet, or an unexpected
 * error. {@code queueit.failure-policy} applies, and each cause is logged once.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailurePolicyMvcTests {

	private static final String NO_CONFIG_LINE = "Queue-it connector cannot decide: no integration config loaded yet";

	private static final String ERROR_LINE = "Queue-it connector cannot decide: evaluation failed";

	private final Source source = new Source();

	private final WebApplicationContextRunner runner = QueueItFixtures.mvcRunner()
		.withPropertyValues("queueit.events.drop.queue-domain=drops.queue-it.net")
		.withBean(IntegrationConfigProvider.class, () -> this.source)
		.withBean(GuardedController.class);

	@Test
	void getWhenNoConfigLoadedAndPolicyIsAllowThenControllerRunsAndResponseIsMarked() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/guarded"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo("guarded");
			assertThat(response.getHeader(ProtectionSettings.FAILED_HEADER)).isEqualTo("true");
		});
	}

	@Test
	void getWhenNoConfigLoadedAndPolicyIsDenyThenAnswers503WithoutCallingTheController() {
		this.runner.withPropertyValues("queueit.failure-policy=deny").run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/guarded"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(503);
			assertThat(response.getContentAsString()).isEmpty();
			assertThat(context.getBean(GuardedController.class).calls).hasValue(0);
		});
	}

	@Test
	void getWhenProviderThrowsAndPolicyIsAllowThenControllerRunsAndResponseIsMarked() {
		this.source.fail("config store unreachable");
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/guarded"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo("guarded");
			assertThat(response.getHeader(ProtectionSettings.FAILED_HEADER)).isEqualTo("true");
		});
	}

	@Test
	void getWhenProviderThrowsAndPolicyIsDenyThenAnswers503() {
		this.source.fail("config store unreachable");
		this.runner.withPropertyValues("queueit.failure-policy=deny").run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/guarded"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(503);
			assertThat(context.getBean(GuardedController.class).calls).hasValue(0);
		});
	}

	@Test
	void postWhenProviderThrowsAndPolicyIsAllowThenControllerStillReadsTheBody() {
		this.source.fail("config store unreachable");
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(post("/guarded").contentType(MediaType.TEXT_PLAIN).content("order"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo("posted order");
			assertThat(response.getHeader(ProtectionSettings.FAILED_HEADER)).isEqualTo("true");
		});
	}

	@Test
	void postWhenProviderThrowsAndPolicyIsDenyThenAnswers503() {
		this.source.fail("config store unreachable");
		this.runner.withPropertyValues("queueit.failure-policy=deny").run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(post("/guarded").contentType(MediaType.TEXT_PLAIN).content("order"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(503);
			assertThat(context.getBean(GuardedController.class).calls).hasValue(0);
		});
	}

	@Test
	void getWhenConfigArrivesLaterThenRequestsAreDecidedAgain() {
		this.runner.run((context) -> {
			MockMvc mvc = QueueItFixtures.mockMvc(context);
			assertThat(mvc.perform(get("/guarded")).andReturn().getResponse().getStatus()).isEqualTo(200);
			this.source.load(QueueEverything.CONFIG);
			MockHttpServletResponse response = mvc.perform(get("/guarded")).andReturn().getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader(ProtectionSettings.FAILED_HEADER)).isNull();
		});
	}

	@Test
	void requestsWhenFailingRepeatedlyThenEachCauseIsLoggedOnce(CapturedOutput output) {
		this.runner.run((context) -> {
			MockMvc mvc = QueueItFixtures.mockMvc(context);
			for (int i = 0; i < 5; i++) {
				mvc.perform(get("/guarded"));
			}
			this.source.fail("config store unreachable");
			for (int i = 0; i < 5; i++) {
				mvc.perform(get("/guarded?page=" + i));
				mvc.perform(post("/guarded").contentType(MediaType.TEXT_PLAIN).content("order " + i));
			}
			this.source.fail(new UncheckedIOException("config store returned garbage", new IOException("bad body")));
			for (int i = 0; i < 3; i++) {
				mvc.perform(get("/guarded"));
			}
			this.source.fail("config store unreachable again, with another message");
			mvc.perform(get("/guarded"));
			assertThat(context.getBean(GuardedController.class).calls).hasValue(19);
		});
		assertThat(count(output, NO_CONFIG_LINE)).isOne();
		assertThat(count(output, ERROR_LINE)).isEqualTo(2);
		assertThat(count(output, "config store unreachable")).isOne();
		assertThat(count(output, "config store returned garbage")).isOne();
	}

	@Test
	void requestsWhenLoggingAtDebugThenNoLineContainsTheSecretOrApiKey(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel("io.queuekeeper", LogLevel.DEBUG);
		try {
			assertThat(LogFactory.getLog(ConnectorLog.class).isDebugEnabled()).isTrue();
			this.runner.withPropertyValues("queueit.api-key=" + API_KEY).run((context) -> {
				MockMvc mvc = QueueItFixtures.mockMvc(context);
				mvc.perform(get("/guarded"));
				this.source.load(QueueEverything.CONFIG);
				mvc.perform(get("/guarded"));
				mvc.perform(get("/guarded?queueittoken=" + token("summersale", NOW + 60)));
				mvc.perform(get("/guarded?queueittoken=" + token("summersale", NOW - 60)));
				String tampered = cookieValue("summersale", NOW).replace("Hash", "Hesh");
				mvc.perform(get("/guarded").cookie(new Cookie(cookieName("summersale"), tampered)));
				mvc.perform(get("/guarded?queueittoken=" + token("summersale", NOW + 60, "debug")));
				mvc.perform(get("/guarded?queueittoken=" + token("summersale", NOW - 60, "debug")));
				mvc.perform(get("/guarded/drop"));
				this.source.fail("config store unreachable");
				mvc.perform(get("/guarded"));
				mvc.perform(post("/guarded").contentType(MediaType.TEXT_PLAIN).content("order"));
				MockHttpServletResponse response = mvc
					.perform(get("/guarded?queueittoken=" + token("summersale", NOW + 60, "debug")))
					.andReturn()
					.getResponse();
				assertThat(response.getHeaderNames()).allSatisfy((name) -> assertThat(response.getHeaders(name))
					.noneMatch((value) -> value.contains(SECRET_KEY) || value.contains(API_KEY)));
			});
			this.runner.withPropertyValues("queueit.customer-id=not a customer id", "queueit.api-key=" + API_KEY)
				.run((context) -> assertThat(context).hasFailed());
		}
		finally {
			logging.setLogLevel("io.queuekeeper", null);
		}
		assertThat(output.getAll()).contains(ERROR_LINE);
		assertThat(output.getAll()).doesNotContain(SECRET_KEY).doesNotContain(API_KEY);
	}

	@Test
	void connectorLogWhenCauseRepeatsThenLogsOnlyTheFirstTime() {
		ConnectorLog log = new ConnectorLog();
		assertThat(log.failure("no integration config loaded yet", null, FailurePolicy.ALLOW)).isTrue();
		assertThat(log.failure("no integration config loaded yet", null, FailurePolicy.ALLOW)).isFalse();
		assertThat(log.failure("evaluation failed", new IllegalStateException("boom"), FailurePolicy.DENY)).isTrue();
		assertThat(log.failure("evaluation failed", new IllegalStateException("boom"), FailurePolicy.DENY)).isFalse();
	}

	@Test
	void connectorLogWhenOnlyTheMessageDiffersThenTheCauseIsNotLoggedAgain() {
		ConnectorLog log = new ConnectorLog();
		assertThat(log.failure("evaluation failed", new IllegalStateException("request 1"), FailurePolicy.ALLOW))
			.isTrue();
		assertThat(log.failure("evaluation failed", new IllegalStateException("request 2"), FailurePolicy.ALLOW))
			.isFalse();
		assertThat(log.failure("evaluation failed", new IllegalArgumentException("request 3"), FailurePolicy.ALLOW))
			.isTrue();
	}

	@Test
	void connectorLogWhenInsecureCookieRepeatsThenWarnsOncePerCookie() {
		ConnectorLog log = new ConnectorLog();
		assertThat(log.insecureCookie("QueueITAccepted-SDFrts345E-V3_drop")).isTrue();
		assertThat(log.insecureCookie("QueueITAccepted-SDFrts345E-V3_drop")).isFalse();
		assertThat(log.insecureCookie("QueueITAccepted-SDFrts345E-V3_vip")).isTrue();
	}

	private static long count(CapturedOutput output, String text) {
		return output.getAll().lines().filter((line) -> line.contains(text)).count();
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
			fail(new IllegalStateException(message));
		}

		void fail(RuntimeException failure) {
			this.state.set(failure);
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
				      "ValueToCompare": "" } ] } ] } ] }
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

		@QueueProtected("drop")
		@GetMapping("/guarded/drop")
		String drop() {
			this.calls.incrementAndGet();
			return "drop";
		}

		@PostMapping("/guarded")
		String post(@RequestBody String body) {
			this.calls.incrementAndGet();
			return "posted " + body;
		}

	}

}

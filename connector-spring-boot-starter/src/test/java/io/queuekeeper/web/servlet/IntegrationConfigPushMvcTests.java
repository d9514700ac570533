package io.queuekeeper.web.servlet;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import io.queuekeeper.boot.config.CachingIntegrationConfigProvider;
import io.queuekeeper.boot.config.IntegrationConfigSource;
import io.queuekeeper.core.config.IntegrationConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The push endpoint on the servlet stack, registered by the auto-configuration.
 */
class IntegrationConfigPushMvcTests {

	private static final String PATH = "/queueit/integration-config";

	private final WebApplicationContextRunner runner = QueueItFixtures.mvcRunner()
		.withPropertyValues("queueit.integration-config.location=classpath:queueit/shop.json",
				"queueit.integration-config.push.enabled=true", "queueit.integration-config.push.max-body-size=4KB");

	@Test
	void putWhenHashIsGoodThenConfigIsSwappedAnd200() {
		this.runner.run((context) -> {
			MockMvc mvc = QueueItFixtures.mockMvc(context);
			String document = "{\"Version\":9,\"Integrations\":[]}";
			MockHttpServletResponse response = mvc.perform(put(PATH).content(push(document, null)))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo("Success!");
			CachingIntegrationConfigProvider provider = context.getBean(CachingIntegrationConfigProvider.class);
			assertThat(provider.current()).map(IntegrationConfig::version).hasValue(9);
			assertThat(provider.status().source()).isEqualTo(IntegrationConfigSource.PUSH);
		});
	}

	@Test
	void putWhenHashIsBadThen401AndConfigIsKept() {
		this.runner.run((context) -> {
			MockMvc mvc = QueueItFixtures.mockMvc(context);
			String hash = "00".repeat(32);
			MockHttpServletResponse response = mvc
				.perform(put(PATH).content(push("{\"Version\":9,\"Integrations\":[]}", hash)))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(401);
			assertThat(context.getBean(CachingIntegrationConfigProvider.class).current())
				.map(IntegrationConfig::version)
				.hasValue(3);
		});
	}

	@Test
	void putWhenBodyIsOversizedOrGarbageThen413Or400() {
		this.runner.run((context) -> {
			MockMvc mvc = QueueItFixtures.mockMvc(context);
			assertThat(mvc.perform(put(PATH).content(new byte[5000])).andReturn().getResponse().getStatus())
				.isEqualTo(413);
			assertThat(mvc.perform(put(PATH).content("garbage")).andReturn().getResponse().getStatus()).isEqualTo(400);
			assertThat(mvc.perform(get(PATH)).andReturn().getResponse().getStatus()).isEqualTo(405);
			assertThat(context.getBean(CachingIntegrationConfigProvider.class).current())
				.map(IntegrationConfig::version)
				.hasValue(3);
		});
	}

	static String push(String document, String hash) {
		String info = HexFormat.of().formatHex(document.getBytes(StandardCharsets.UTF_8));
		String signature = (hash != null) ? hash : QueueItFixtures.hmac(info);
		return "{\"integrationInfo\":\"" + info + "\",\"hash\":\"" + signature + "\"}";
	}

}

package io.queuekeeper.web.reactive;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import io.queuekeeper.boot.autoconfigure.QueueItAutoConfiguration;
import io.queuekeeper.boot.config.CachingIntegrationConfigProvider;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.web.IntegrationConfigPush;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push endpoint on the reactive stack, registered by the auto-configuration and
 * driven through {@link WebTestClient}.
 */
class ServerIntegrationConfigPushFilterTests {

	private static final String SECRET_KEY = "3f2b1a5c-7d9e-4f10-8a2b-6c4d8e0f1a2b9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a";

	private static final String PATH = "/queueit/integration-config";

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QueueItAutoConfiguration.class))
		.withPropertyValues("queueit.customer-id=ticketania", "queueit.secret-key=" + SECRET_KEY,
				"queueit.integration-config.location=classpath:queueit/shop.json",
				"queueit.integration-config.push.enabled=true", "queueit.integration-config.push.max-body-size=4KB");

	@Test
	void putWhenHashIsGoodThenConfigIsSwappedAnd200() {
		this.runner.run((context) -> {
			WebTestClient client = client(context.getBean(ServerIntegrationConfigPushFilter.class));
			client.put()
				.uri(PATH)
				.bodyValue(push("{\"Version\":21,\"Integrations\":[]}", null))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo("Success!");
			assertThat(context.getBean(CachingIntegrationConfigProvider.class).current())
				.map(IntegrationConfig::version)
				.hasValue(21);
		});
	}

	@Test
	void putWhenHashIsBadOrBodyIsGarbageOrOversizedThenRejectedAndConfigIsKept() {
		this.runner.run((context) -> {
			WebTestClient client = client(context.getBean(ServerIntegrationConfigPushFilter.class));
			client.put()
				.uri(PATH)
				.bodyValue(push("{\"Version\":21,\"Integrations\":[]}", "ab".repeat(32)))
				.exchange()
				.expectStatus()
				.isUnauthorized();
			client.put().uri(PATH).bodyValue("garbage").exchange().expectStatus().isBadRequest();
			client.put()
				.uri(PATH)
				.bodyValue(new byte[5000])
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
			client.get().uri(PATH).exchange().expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
			client.get().uri("/other").exchange().expectStatus().isNotFound();
			assertThat(context.getBean(CachingIntegrationConfigProvider.class).current())
				.map(IntegrationConfig::version)
				.hasValue(3);
		});
	}

	@Test
	void putWhenBodyStreamsPastTheCapWithoutContentLengthThen413() {
		IntegrationConfigPush push = new IntegrationConfigPush(SECRET_KEY, 16, (document) -> true);
		ServerIntegrationConfigPushFilter filter = new ServerIntegrationConfigPushFilter(push, PATH);
		client(filter).put()
			.uri(PATH)
			.body(reactor.core.publisher.Flux.just("0123456789", "0123456789"), String.class)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(push.maxBodyBytes()).isEqualTo(16);
	}

	private static WebTestClient client(ServerIntegrationConfigPushFilter filter) {
		return WebTestClient.bindToWebHandler((exchange) -> {
			exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
			return Mono.empty();
		}).webFilter(filter).build();
	}

	static String push(String document, String hash) {
		String info = HexFormat.of().formatHex(document.getBytes(StandardCharsets.UTF_8));
		String signature = (hash != null) ? hash : sign(info);
		return "{\"integrationInfo\":\"" + info + "\",\"hash\":\"" + signature + "\"}";
	}

	private static String sign(String text) {
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package io.queuekeeper.web.reactive;

import java.security.Principal;
import java.time.Instant;

import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.enqueue.EnqueueTokenCodec;
import io.queuekeeper.core.enqueue.EnqueueTokenExpectation;
import io.queuekeeper.core.enqueue.EnqueueTokenVerification;
import io.queuekeeper.web.EnqueueTokenCustomizer;
import io.queuekeeper.web.QueueProtected;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.core.Ordered;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static io.queuekeeper.web.reactive.ReactiveFixtures.CUSTOMER_ID;
import static io.queuekeeper.web.reactive.ReactiveFixtures.NOW;
import static io.queuekeeper.web.reactive.ReactiveFixtures.SECRET_KEY;
import static io.queuekeeper.web.reactive.ReactiveFixtures.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enqueue tokens in WebFlux queue redirects: in the place spec 10.4 gives, and with the
 * authenticated principal resolved for {@link EnqueueTokenCustomizer} beans.
 */
class EnqueueTokenWebFluxTests {

	private static final String DROP_PREFIX = "https://drops.queue-it.net/?c=ticketania&e=drop&ver="
			+ QueueConnector.SDK_VERSION + "&cver=-1&man=unspecified";

	private final ReactiveWebApplicationContextRunner runner = ReactiveFixtures.webFluxRunner()
		.withPropertyValues("queueit.events.drop.queue-domain=drops.queue-it.net")
		.withBean(DropController.class)
		.withBean(PrincipalFromHeader.class)
		.withBean(EnqueueTokenCustomizer.class, () -> (token) -> {
			Principal principal = token.principal();
			token.key((principal != null) ? principal.getName() : "anonymous");
		});

	@Test
	void queueRedirectWhenSignedInThenTokenBeforeTargetKeyedByPrincipal() {
		this.runner.withPropertyValues("queueit.enqueue-token.enabled=true").run((context) -> {
			String location = redirect(ReactiveFixtures.client(context), "alice");
			assertThat(location).startsWith(DROP_PREFIX + "&enqueuetoken=")
				.endsWith("&t=" + encode("http://localhost/drop"));
			EnqueueTokenVerification verification = verify(location);
			assertThat(verification.valid()).isTrue();
			assertThat(verification.token().payload().key()).isEqualTo("alice");
		});
	}

	@Test
	void queueRedirectWhenAnonymousThenCustomizerSeesNoPrincipal() {
		this.runner.withPropertyValues("queueit.enqueue-token.enabled=true").run((context) -> {
			EnqueueTokenVerification verification = verify(redirect(ReactiveFixtures.client(context), null));
			assertThat(verification.valid()).isTrue();
			assertThat(verification.token().payload().key()).isEqualTo("anonymous");
		});
	}

	@Test
	void queueRedirectWhenEnqueueTokensOffThenNoTokenAndPrincipalNotResolved() {
		this.runner.run((context) -> {
			assertThat(redirect(ReactiveFixtures.client(context), "alice"))
				.isEqualTo(DROP_PREFIX + "&t=" + encode("http://localhost/drop"));
		});
	}

	private static String redirect(WebTestClient client, String user) {
		WebTestClient.RequestHeadersSpec<?> request = client.get().uri("/drop");
		if (user != null) {
			request.header("X-Test-User", user);
		}
		String location = request.exchange()
			.expectStatus()
			.isFound()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getFirst("Location");
		assertThat(location).isNotNull();
		return location;
	}

	private static EnqueueTokenVerification verify(String location) {
		int start = location.indexOf("&enqueuetoken=") + "&enqueuetoken=".length();
		String token = location.substring(start, location.indexOf('&', start));
		return new EnqueueTokenCodec(SECRET_KEY).verify(token, EnqueueTokenExpectation.of(CUSTOMER_ID, "drop"),
				Instant.ofEpochSecond(NOW));
	}

	/**
	 * Plays an authentication filter: the request's principal is the user named in a
	 * header. It runs before the queue filter, as Spring Security's does.
	 */
	static class PrincipalFromHeader implements WebFilter, Ordered {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			String user = exchange.getRequest().getHeaders().getFirst("X-Test-User");
			if (user == null) {
				return chain.filter(exchange);
			}
			Principal principal = () -> user;
			return chain.filter(exchange.mutate().principal(Mono.just(principal)).build());
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
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

}

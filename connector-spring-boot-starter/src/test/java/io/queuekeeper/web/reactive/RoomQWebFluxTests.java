package io.queuekeeper.web.reactive;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import io.queuekeeper.boot.autoconfigure.QueueItAutoConfiguration;
import io.queuekeeper.boot.autoconfigure.RoomQAutoConfiguration;
import io.queuekeeper.boot.autoconfigure.web.reactive.QueueItWebFluxAutoConfiguration;
import io.queuekeeper.core.ValidationResult;
import io.queuekeeper.web.ProtectionSettings;
import io.queuekeeper.web.QueueProtected;
import io.queuekeeper.web.RoomQFixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.queuekeeper.web.RoomQFixtures.COOKIE;
import static io.queuekeeper.web.RoomQFixtures.E4;
import static io.queuekeeper.web.RoomQFixtures.ISSUER;
import static io.queuekeeper.web.RoomQFixtures.ROOM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux adapter with {@code queueit.provider=roomq}: the same WebFilter, annotation
 * and failure policy as with Queue-it, deciding through RoomQ tickets.
 */
class RoomQWebFluxTests {

	private final ReactiveWebApplicationContextRunner base = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RoomQAutoConfiguration.class, QueueItAutoConfiguration.class,
				QueueItWebFluxAutoConfiguration.class, WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class))
		.withPropertyValues(RoomQFixtures.PROPERTIES)
		.withBean(ShopController.class);

	private final ReactiveWebApplicationContextRunner runner = this.base.withBean(Clock.class, RoomQFixtures::clock);

	@Test
	void getWhenNoTicketThenRedirectsToIssuerWithTicketRoomAndReturnUrl() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context), "/item?lang=en", null);
			assertThat(result.getStatus().value()).isEqualTo(302);
			String location = result.getResponseHeaders().getFirst(HttpHeaders.LOCATION);
			assertThat(location).startsWith(ISSUER + "?noq_t=eyJ")
				.contains("&noq_c=" + ROOM + "&noq_r=http%3A%2F%2Flocalhost%2Fitem%3Flang%3Den");
			assertNoCache(result);
			assertThat(setCookie(result)).startsWith(COOKIE + "=eyJ").contains("Path=/");
			assertThat(context.getBean(ShopController.class).calls).isZero();
		});
	}

	@Test
	void getWhenReturningWithServingTicketThenStripsItAndSetsCookieWithRootPath() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context), "/item?lang=en&noq_t=" + E4,
					null);
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(result.getResponseHeaders().getFirst(HttpHeaders.LOCATION))
				.isEqualTo("http://localhost/item?lang=en");
			assertThat(setCookie(result)).startsWith(COOKIE + "=" + E4 + ";")
				.contains("Path=/")
				.contains("HttpOnly")
				.contains("SameSite=Lax");
			assertNoCache(result);
		});
	}

	@Test
	void getWhenCookieHoldsServingTicketThenHandlerRunsWithTheDecision() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context), "/item", E4);
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(body(result)).isEqualTo("item for " + ROOM + " serving");
			assertThat(setCookie(result)).startsWith(COOKIE + "=" + E4 + ";");
		});
	}

	@Test
	void getWhenCookieTicketIsTamperedThenRedirectsToIssuer() {
		assertQueued(E4.substring(0, E4.length() - 2) + (E4.endsWith("yM") ? "yN" : "yM"));
	}

	@Test
	void getWhenCookieTicketIsForAnotherRoomThenRedirectsToIssuer() {
		assertQueued(RoomQFixtures.ticket("other-room", "serving", RoomQFixtures.DEADLINE));
	}

	@Test
	void getWhenCookieTicketIsPastItsDeadlineThenRedirectsToIssuerWithTheSameTicket() {
		String expired = RoomQFixtures.ticket(ROOM, "serving", RoomQFixtures.NOW - 1);
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context), "/item", expired);
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(result.getResponseHeaders().getFirst(HttpHeaders.LOCATION))
				.startsWith(ISSUER + "?noq_t=" + expired + "&noq_c=");
		});
	}

	@Test
	void getWhenHandlerIsNotAnnotatedThenRoomQDoesNotDecide() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context), "/open", null);
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(setCookie(result)).isNull();
		});
	}

	@Test
	void getWhenEngineFailsAndPolicyIsDenyThenAnswers503WithoutCaching() {
		this.base.withBean(Clock.class, RoomQFixtures::brokenClock)
			.withPropertyValues("queueit.failure-policy=deny")
			.run((context) -> {
				EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context), "/item", null);
				assertThat(result.getStatus().value()).isEqualTo(503);
				assertThat(result.getResponseHeaders().getFirst(ProtectionSettings.FAILED_HEADER)).isEqualTo("true");
				assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");
				assertThat(context.getBean(ShopController.class).calls).isZero();
			});
	}

	@Test
	void getWhenEngineFailsAndPolicyIsAllowThenHandlerRuns() {
		this.base.withBean(Clock.class, RoomQFixtures::brokenClock)
			.withPropertyValues("queueit.failure-policy=allow")
			.run((context) -> {
				EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context), "/open-item", null);
				assertThat(result.getStatus().value()).isEqualTo(200);
				assertThat(result.getResponseHeaders().getFirst(ProtectionSettings.FAILED_HEADER)).isEqualTo("true");
			});
	}

	@Test
	void getWhenCancelWithServingTicketThenReplacesCookieAndLeavesRemotelyWithoutWaiting() throws Exception {
		try (RoomQFixtures.Backend backend = new RoomQFixtures.Backend()) {
			this.runner.withPropertyValues(backend.properties()).run((context) -> {
				EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context), "/leave", E4);
				assertThat(result.getStatus().value()).isEqualTo(200);
				assertThat(body(result)).isEqualTo("left");
				assertThat(setCookie(result)).startsWith(COOKIE + "=eyJ").doesNotStartWith(COOKIE + "=" + E4);
				assertThat(backend.posts.poll(5, TimeUnit.SECONDS)).contains("\"action\":\"delete_serving\"")
					.contains("\"id\":\"" + E4 + "\"");
			});
		}
	}

	@Test
	void startWhenAnnotationNamesAnotherRoomThenFailsNamingTheRoom() {
		this.runner.withBean(GhostController.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("uses event 'ghost'")
				.hasStackTraceContaining("[" + ROOM + "]"));
	}

	private void assertQueued(String cookieTicket) {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context), "/item", cookieTicket);
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(result.getResponseHeaders().getFirst(HttpHeaders.LOCATION)).startsWith(ISSUER + "?noq_t=eyJ")
				.doesNotContain(cookieTicket);
			assertNoCache(result);
			assertThat(context.getBean(ShopController.class).calls).isZero();
		});
	}

	private static EntityExchangeResult<byte[]> get(WebTestClient client, String uri, @Nullable String ticket) {
		WebTestClient.RequestHeadersSpec<?> request = client.get().uri(uri);
		if (ticket != null) {
			request.cookie(COOKIE, ticket);
		}
		return request.exchange().expectBody().returnResult();
	}

	private static @Nullable String setCookie(EntityExchangeResult<byte[]> result) {
		return result.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE);
	}

	private static String body(EntityExchangeResult<byte[]> result) {
		byte[] body = result.getResponseBody();
		return (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
	}

	private static void assertNoCache(EntityExchangeResult<byte[]> result) {
		HttpHeaders headers = result.getResponseHeaders();
		assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL))
			.isEqualTo("no-cache, no-store, must-revalidate, max-age=0");
		assertThat(headers.getFirst(HttpHeaders.PRAGMA)).isEqualTo("no-cache");
		assertThat(headers.getFirst(HttpHeaders.EXPIRES)).isEqualTo("Fri, 01 Jan 1990 00:00:00 GMT");
	}

	@RestController
	static class ShopController {

		volatile int calls;

		@QueueProtected(ROOM)
		@GetMapping("/item")
		Mono<String> item(ValidationResult result) {
			this.calls++;
			return Mono.just("item for " + result.eventId() + " " + result.redirectType());
		}

		@QueueProtected(ROOM)
		@GetMapping("/open-item")
		Mono<String> openItem() {
			this.calls++;
			return Mono.just("open item");
		}

		@QueueProtected(event = ROOM, action = QueueProtected.Action.CANCEL)
		@GetMapping("/leave")
		Mono<String> leave() {
			return Mono.just("left");
		}

		@GetMapping("/open")
		Mono<String> open() {
			return Mono.just("open");
		}

	}

	@RestController
	static class GhostController {

		@QueueProtected("ghost")
		@GetMapping("/ghost")
		Mono<String> ghost() {
			return Mono.just("ghost");
		}

	}

}

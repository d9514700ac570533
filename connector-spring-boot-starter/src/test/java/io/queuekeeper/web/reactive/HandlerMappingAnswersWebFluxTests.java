package io.queuekeeper.web.reactive;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.queuekeeper.web.QueueProtected;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.handler.AbstractHandlerMapping;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static io.queuekeeper.web.reactive.ReactiveFixtures.NOW;
import static io.queuekeeper.web.reactive.ReactiveFixtures.cookieName;
import static io.queuekeeper.web.reactive.ReactiveFixtures.cookieValue;
import static io.queuekeeper.web.reactive.ReactiveFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter finds the handler whether a handler mapping answers while the filter
 * subscribes to its lookup, as the framework's mappings do, or later; a lookup that fails
 * leaves the request to the {@code DispatcherHandler}, as before the filter looked; and a
 * mapping that reads the Reactor context sees the request's.
 */
class HandlerMappingAnswersWebFluxTests {

	private static final String TENANT = "tenant";

	private final ReactiveWebApplicationContextRunner runner = ReactiveFixtures.webFluxRunner()
		.withPropertyValues("queueit.events.drop.queue-domain=drops.queue-it.net")
		.withBean(DropController.class)
		.withBean(PacedMapping.class)
		.withBean(TenantFilter.class);

	@Test
	void getWhenMappingAnswersLaterThenRequestIsQueued() {
		this.runner.run((context) -> {
			EntityExchangeResult<String> result = get(context, "/later", null);
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(result.getResponseHeaders().getLocation()).hasHost("drops.queue-it.net");
			// The filter cancels the lookup that had not answered and makes it again;
			// then it hands the handler found to the DispatcherHandler.
			assertThat(lookups(context, "/later")).isEqualTo(2);
		});
	}

	@Test
	void getWhenMappingAnswersLaterWithValidCookieThenHandlerServesAndCookieIsReissued() {
		this.runner.run((context) -> {
			EntityExchangeResult<String> result = get(context, "/later",
					cookieName("drop") + "=" + cookieValue("drop", NOW - 60));
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(result.getResponseBody()).isEqualTo("drop");
			assertThat(result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).singleElement()
				.asString()
				.startsWith(cookieName("drop") + "=")
				.contains("IssueTime%3D" + NOW);
		});
	}

	@Test
	void getWhenMappingAnswersAtOnceThenItIsAskedOnce() {
		this.runner.run((context) -> {
			EntityExchangeResult<String> result = get(context, "/now", null);
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(lookups(context, "/now")).isEqualTo(1);
		});
	}

	@Test
	void getWhenMappingRejectsTheRequestThenDispatcherHandlerAnswersWithoutWaitingRoom() {
		this.runner.run((context) -> {
			EntityExchangeResult<String> result = get(context, "/rejecting", null);
			assertThat(result.getStatus()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
			assertThat(result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).isEmpty();
			assertThat(lookups(context, "/rejecting")).isEqualTo(2);
		});
	}

	@Test
	void getWhenMappingThrowsThenDispatcherHandlerAnswersWithoutWaitingRoom() {
		this.runner.run((context) -> {
			EntityExchangeResult<String> result = get(context, "/throwing", null);
			assertThat(result.getStatus()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
			assertThat(result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).isEmpty();
			assertThat(lookups(context, "/throwing")).isEqualTo(2);
		});
	}

	@Test
	void getWhenMappingReadsReactorContextThenItSeesTheRequestsContext() {
		this.runner.run((context) -> {
			// The mapping knows the path only in the context an earlier filter writes.
			// Had the filter's lookup missed it, the DispatcherHandler would have served
			// the request without a queue.
			EntityExchangeResult<String> result = get(context, "/contextual", null);
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(result.getResponseHeaders().getLocation()).hasHost("drops.queue-it.net");
		});
	}

	private static int lookups(AssertableReactiveWebApplicationContext context, String path) {
		AtomicInteger count = context.getBean(PacedMapping.class).lookups.get(path);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * A handler method that no {@code @RequestMapping} maps; only {@link PacedMapping}
	 * finds it.
	 */
	@RestController
	static class DropController {

		@QueueProtected("drop")
		String drop() {
			return "drop";
		}

	}

	/**
	 * Maps a few paths to {@link DropController#drop()}, each answering in its own way,
	 * and counts its lookups per path.
	 */
	static class PacedMapping extends AbstractHandlerMapping {

		final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

		private final HandlerMethod drop;

		PacedMapping(DropController controller) throws NoSuchMethodException {
			this.drop = new HandlerMethod(controller, DropController.class.getDeclaredMethod("drop"));
			setOrder(-10);
		}

		@Override
		protected Mono<?> getHandlerInternal(ServerWebExchange exchange) {
			String path = exchange.getRequest().getPath().value();
			this.lookups.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
			return switch (path) {
				case "/now" -> Mono.just(this.drop);
				case "/later" -> Mono.delay(Duration.ofMillis(20)).thenReturn(this.drop);
				case "/rejecting" -> Mono.error(new MethodNotAllowedException(HttpMethod.GET, Set.of()));
				case "/throwing" -> throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
				case "/contextual" ->
					Mono.deferContextual((view) -> view.hasKey(TENANT) ? Mono.just(this.drop) : Mono.empty());
				default -> Mono.empty();
			};
		}

	}

	/**
	 * Runs before the waiting room and writes the tenant into the Reactor context of
	 * everything after it.
	 */
	@Order(0)
	static class TenantFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return chain.filter(exchange).contextWrite(Context.of(TENANT, "shop"));
		}

	}

}

package io.queuekeeper.web.reactive;

import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.queuekeeper.web.QueueProtected;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxRegistrations;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static io.queuekeeper.web.reactive.ReactiveFixtures.NOW;
import static io.queuekeeper.web.reactive.ReactiveFixtures.cookieName;
import static io.queuekeeper.web.reactive.ReactiveFixtures.cookieValue;
import static io.queuekeeper.web.reactive.ReactiveFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How often the annotated controllers' mapping is searched per request: once when the
 * filter's lookup can be handed to the {@code DispatcherHandler}
 * ({@link ResolvedHandlerMapping}), twice when a later filter changes the exchange, and
 * never by the filter's offer for requests the filter does not look up.
 */
class HandlerLookupWebFluxTests {

	private final ReactiveWebApplicationContextRunner runner = ReactiveFixtures.webFluxRunner()
		.withPropertyValues("queueit.events.drop.queue-domain=drops.queue-it.net")
		.withBean(WebFluxRegistrations.class, CountingRegistrations::new)
		.withBean(ShopController.class);

	@Test
	void getWhenAnnotatedHandlerLetsRequestThroughThenMappingIsSearchedOnce() {
		this.runner.run((context) -> {
			EntityExchangeResult<String> result = get(context, "/drop/items/7",
					cookieName("drop") + "=" + cookieValue("drop", NOW - 60));
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(result.getResponseBody()).startsWith("item 7, ")
				.contains(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE + "=")
				.contains(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE + "={id=7}")
				.doesNotContain(ResolvedHandlerMapping.class.getName());
			assertThat(result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).hasSize(1);
			assertThat(lookups(context)).hasValue(1);
		});
	}

	@Test
	void getWhenHandlerIsHandedOnThenHandlerSeesTheAttributesOfItsOwnLookup() {
		String cookie = cookieName("drop") + "=" + cookieValue("drop", NOW - 60);
		String[] bodies = new String[2];
		this.runner.run((context) -> bodies[0] = get(context, "/drop/items/9", cookie).getResponseBody());
		this.runner.withBean(DecoratingFilter.class)
			.run((context) -> bodies[1] = get(context, "/drop/items/9", cookie).getResponseBody());
		assertThat(bodies[0]).isEqualTo(bodies[1]).startsWith("item 9, ");
	}

	@Test
	void getWhenHandlerIsNotProtectedThenMappingIsSearchedOnce() {
		this.runner.run((context) -> {
			EntityExchangeResult<String> result = get(context, "/open/items/8", null);
			assertThat(result.getResponseBody()).isEqualTo("open 8");
			assertThat(lookups(context)).hasValue(1);
		});
	}

	@Test
	void getWhenRequestIsQueuedThenDispatcherHandlerIsNotReached() {
		this.runner.run((context) -> {
			EntityExchangeResult<String> result = get(context, "/drop/items/7", null);
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(lookups(context)).hasValue(1);
		});
	}

	@Test
	void getWhenLaterFilterMutatesTheRequestThenDispatcherHandlerSearchesAgain() {
		this.runner.withBean(MovingFilter.class).run((context) -> {
			EntityExchangeResult<String> result = get(context, "/open/items/8", null);
			assertThat(result.getResponseBody()).isEqualTo("moved 8");
			assertThat(lookups(context)).hasValue(2);
		});
	}

	@Test
	void getWhenLaterFilterDecoratesTheExchangeThenDispatcherHandlerSearchesAgain() {
		this.runner.withBean(DecoratingFilter.class).run((context) -> {
			EntityExchangeResult<String> result = get(context, "/drop/items/9",
					cookieName("drop") + "=" + cookieValue("drop", NOW - 60));
			assertThat(result.getResponseBody()).startsWith("item 9, ")
				.doesNotContain(ResolvedHandlerMapping.class.getName());
			assertThat(lookups(context)).hasValue(2);
		});
	}

	@Test
	void headWhenMethodIsNotEvaluatedThenOnlyDispatcherHandlerSearches() {
		this.runner.run((context) -> {
			ReactiveFixtures.client(context).head().uri("/drop/items/7").exchange().expectStatus().isOk();
			assertThat(lookups(context)).hasValue(1);
		});
	}

	@Test
	void getWhenFunctionalRouteServesThenItIsLeftToItsMapping() {
		this.runner.withBean("routes", RouterFunction.class, HandlerLookupWebFluxTests::routes).run((context) -> {
			EntityExchangeResult<String> result = get(context, "/routed/5", null);
			assertThat(result.getResponseBody()).isEqualTo("routed 5");
			assertThat(lookups(context)).hasValue(0);
		});
	}

	@Test
	void dispatcherHandlerWhenStartedThenConsultsResolvedHandlerMappingFirst() {
		this.runner.run((context) -> assertThat(context.getBean(DispatcherHandler.class).getHandlerMappings()).first()
			.isInstanceOf(ResolvedHandlerMapping.class));
	}

	private static AtomicInteger lookups(AssertableReactiveWebApplicationContext context) {
		return ((CountingMapping) context.getBean(RequestMappingHandlerMapping.class)).lookups;
	}

	private static RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.GET("/routed/{id}", (request) -> ServerResponse.ok().bodyValue("routed " + request.pathVariable("id")))
			.build();
	}

	static class CountingRegistrations implements WebFluxRegistrations {

		@Override
		public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
			return new CountingMapping();
		}

	}

	/**
	 * The annotated controllers' mapping, counting its searches.
	 */
	static class CountingMapping extends RequestMappingHandlerMapping {

		final AtomicInteger lookups = new AtomicInteger();

		@Override
		public Mono<HandlerMethod> getHandlerInternal(ServerWebExchange exchange) {
			this.lookups.incrementAndGet();
			return super.getHandlerInternal(exchange);
		}

	}

	@RestController
	static class ShopController {

		@QueueProtected("drop")
		@GetMapping(path = "/drop/items/{id}", produces = "text/plain")
		String item(@PathVariable String id, ServerWebExchange exchange) {
			return "item " + id + ", "
					+ new TreeMap<>(exchange.getAttributes()).entrySet()
						.stream()
						.map((attribute) -> attribute.getKey().startsWith(HandlerMapping.class.getName())
								? attribute.getKey() + "=" + attribute.getValue() : attribute.getKey())
						.toList();
		}

		@GetMapping("/open/items/{id}")
		String open(@PathVariable String id) {
			return "open " + id;
		}

		@GetMapping("/moved/items/{id}")
		String moved(@PathVariable String id) {
			return "moved " + id;
		}

	}

	/**
	 * Runs after the waiting room and sends {@code /open/} requests to {@code /moved/}.
	 */
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class MovingFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			String path = exchange.getRequest().getPath().value();
			if (!path.startsWith("/open/")) {
				return chain.filter(exchange);
			}
			String moved = "/moved/" + path.substring("/open/".length());
			return chain.filter(exchange.mutate().request((request) -> request.path(moved)).build());
		}

	}

	/**
	 * Runs after the waiting room and decorates the exchange, leaving the request as it
	 * is.
	 */
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class DecoratingFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return chain.filter(new ServerWebExchangeDecorator(exchange) {
			});
		}

	}

}

package io.queuekeeper.web.reactive;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link ResolvedHandlerMapping} hands the {@code DispatcherHandler}, and when it
 * declines.
 */
class ResolvedHandlerMappingTests {

	private final ResolvedHandlerMapping mapping = new ResolvedHandlerMapping();

	private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/items/7"));

	private final HandlerMethod handler = handler();

	@Test
	void getHandlerWhenOfferedForTheExchangeThenAnswersWithTheAttributesOfTheLookup() {
		this.exchange.getAttributes().put("kept", "kept");
		this.exchange.getAttributes().put("changed", "before");
		this.exchange.getAttributes().put("removed", "removed");
		Map<String, Object> lookup = new HashMap<>(this.exchange.getAttributes());
		lookup.put("changed", "after");
		lookup.remove("removed");
		lookup.put("added", "added");
		ResolvedHandlerMapping.Lookup found = ResolvedHandlerMapping.lookup(new RequestMappingHandlerMapping(),
				this.handler, this.exchange, lookup);
		this.exchange.getAttributes().put("decision", "set after the lookup");
		ResolvedHandlerMapping.offer(this.exchange, found);
		Map<String, Object> expected = new HashMap<>(lookup);
		expected.put("decision", "set after the lookup");
		assertThat(this.mapping.getHandler(this.exchange).block()).isSameAs(this.handler);
		assertThat(this.exchange.getAttributes()).containsExactlyInAnyOrderEntriesOf(expected)
			.containsEntry("changed", "after")
			.containsEntry("added", "added")
			.doesNotContainKey("removed");
		assertThat(this.mapping.getHandler(this.exchange).block()).isNull();
	}

	@Test
	void getHandlerWhenOfferedForAnotherExchangeThenDeclinesAndDropsTheOffer() {
		Map<String, Object> before = new HashMap<>(this.exchange.getAttributes());
		ResolvedHandlerMapping.Lookup found = ResolvedHandlerMapping.lookup(new RequestMappingHandlerMapping(),
				this.handler, this.exchange, Map.of("added", "added"));
		ResolvedHandlerMapping.offer(this.exchange, found);
		ServerWebExchange decorated = new ServerWebExchangeDecorator(this.exchange) {
		};
		assertThat(this.mapping.getHandler(decorated).block()).isNull();
		assertThat(this.exchange.getAttributes()).containsExactlyInAnyOrderEntriesOf(before);
	}

	@Test
	void getHandlerWhenNothingIsOfferedThenDeclines() {
		assertThat(this.mapping.getHandler(this.exchange).block()).isNull();
	}

	@Test
	void lookupWhenHandlerIsNotAnAnnotatedControllerMethodThenNothingIsOffered() {
		assertThat(ResolvedHandlerMapping.lookup(new SimpleUrlHandlerMapping(), this.handler, this.exchange, Map.of()))
			.isNull();
		assertThat(
				ResolvedHandlerMapping.lookup(new RequestMappingHandlerMapping(), "a handler", this.exchange, Map.of()))
			.isNull();
	}

	private static HandlerMethod handler() {
		try {
			return new HandlerMethod(new Object(), Object.class.getMethod("toString"));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

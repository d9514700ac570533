package io.queuekeeper.web.reactive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.AbstractHandlerMethodMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * Hands the {@code DispatcherHandler} the annotated controller method that
 * {@link ServerQueueItWebFilter} found for the request, so that the request mappings are
 * searched once per request rather than twice. Runs before every other handler mapping.
 *
 * <p>
 * The filter looks the handler up against a copy of the exchange's attributes. It offers
 * the result only for a {@link HandlerMethod} found by an
 * {@link AbstractHandlerMethodMapping} (whose side effects on the exchange are the
 * attributes it records and the CORS headers it writes to the response, which the
 * filter's lookup wrote already), and only for the exchange it passes down the chain.
 * This mapping takes the offer off the exchange, and answers with the handler, after
 * recording the attributes that lookup recorded, only when the {@code DispatcherHandler}
 * is handed that same exchange: a later filter that mutates or decorates the exchange
 * gets the usual lookup. Everything else (functional routes, resources, requests the
 * filter did not look up) is left to the other mappings.
 *
 * @since 0.1.0
 */
public final class ResolvedHandlerMapping implements HandlerMapping, Ordered {

	private static final String OFFER_ATTRIBUTE = ResolvedHandlerMapping.class.getName() + ".offer";

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Object> getHandler(ServerWebExchange exchange) {
		Object offer = exchange.getAttributes().remove(OFFER_ATTRIBUTE);
		if (!(offer instanceof Offer resolved) || resolved.exchange() != exchange) {
			return Mono.empty();
		}
		Lookup lookup = resolved.lookup();
		Map<String, Object> attributes = exchange.getAttributes();
		for (String name : lookup.removed) {
			attributes.remove(name);
		}
		// One put at a time: ConcurrentHashMap.putAll presizes for twice the entries.
		lookup.recorded.forEach(attributes::put);
		return Mono.just(lookup.handler);
	}

	/**
	 * Returns what a lookup found when this mapping can hand it on, else {@code null}.
	 * Called as soon as the lookup ends, before anything else changes the exchange.
	 * @param mapping the mapping that found the handler
	 * @param handler the handler
	 * @param exchange the exchange the filter was given
	 * @param lookupAttributes the attributes the lookup saw and changed, which started as
	 * a copy of the exchange's
	 */
	static @Nullable Lookup lookup(HandlerMapping mapping, Object handler, ServerWebExchange exchange,
			Map<String, Object> lookupAttributes) {
		if (!(mapping instanceof AbstractHandlerMethodMapping<?>) || !(handler instanceof HandlerMethod)) {
			return null;
		}
		Map<String, Object> attributes = exchange.getAttributes();
		List<String> removed = null;
		for (String name : attributes.keySet()) {
			if (!lookupAttributes.containsKey(name)) {
				removed = (removed != null) ? removed : new ArrayList<>();
				removed.add(name);
			}
		}
		Map<String, Object> recorded = new HashMap<>();
		for (Map.Entry<String, Object> attribute : lookupAttributes.entrySet()) {
			if (attributes.get(attribute.getKey()) != attribute.getValue()) {
				recorded.put(attribute.getKey(), attribute.getValue());
			}
		}
		return new Lookup(handler, (removed != null) ? removed : List.of(), recorded);
	}

	/**
	 * Offers a lookup's handler for the exchange that goes down the chain.
	 * @param exchange the exchange the filter passes on
	 * @param lookup what the lookup found
	 */
	static void offer(ServerWebExchange exchange, Lookup lookup) {
		exchange.getAttributes().put(OFFER_ATTRIBUTE, new Offer(exchange, lookup));
	}

	/**
	 * A handler found by an annotated-controller mapping, and the attributes it recorded
	 * and removed while finding it.
	 */
	static final class Lookup {

		private final Object handler;

		private final List<String> removed;

		private final Map<String, Object> recorded;

		private Lookup(Object handler, List<String> removed, Map<String, Object> recorded) {
			this.handler = handler;
			this.removed = removed;
			this.recorded = recorded;
		}

	}

	private record Offer(ServerWebExchange exchange, Lookup lookup) {

	}

}

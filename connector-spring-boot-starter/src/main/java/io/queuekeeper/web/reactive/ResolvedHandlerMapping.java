package io.queuekeeper.web.reactive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

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
		for (int i = 0; i < lookup.recorded; i++) {
			attributes.put(lookup.names[i], lookup.values[i]);
		}
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
		Lookup lookup = new Lookup(handler, attributes, lookupAttributes.size());
		lookupAttributes.forEach(lookup);
		if (lookup.incomplete) {
			return null;
		}
		// Each attribute of the lookup is one of the exchange's or one it added, so
		// only when fewer of the exchange's remain was one removed.
		if (lookupAttributes.size() - lookup.added < attributes.size()) {
			List<String> removed = new ArrayList<>();
			for (String name : attributes.keySet()) {
				if (!lookupAttributes.containsKey(name)) {
					removed.add(name);
				}
			}
			lookup.removed = removed;
		}
		return lookup;
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
	 * (added or changed) and removed while finding it. Filled by a pass over the lookup's
	 * attributes, compared with the exchange's.
	 */
	static final class Lookup implements BiConsumer<String, Object> {

		private final Object handler;

		private final Map<String, Object> exchangeAttributes;

		private final String[] names;

		private final Object[] values;

		private int recorded;

		private int added;

		private boolean incomplete;

		private List<String> removed = List.of();

		private Lookup(Object handler, Map<String, Object> exchangeAttributes, int size) {
			this.handler = handler;
			this.exchangeAttributes = exchangeAttributes;
			this.names = new String[size];
			this.values = new Object[size];
		}

		@Override
		public void accept(String name, Object value) {
			Object before = this.exchangeAttributes.get(name);
			if (before == null) {
				this.added++;
			}
			if (before == value) {
				return;
			}
			if (this.recorded == this.names.length) {
				// More attributes than the lookup had when the pass began: hand over
				// nothing rather than part of them.
				this.incomplete = true;
				return;
			}
			this.names[this.recorded] = name;
			this.values[this.recorded] = value;
			this.recorded++;
		}

	}

	private record Offer(ServerWebExchange exchange, Lookup lookup) {

	}

}

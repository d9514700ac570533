package io.queuekeeper.web.reactive;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.http.ResponseHeader;
import io.queuekeeper.web.ProtectionSettings;
import io.queuekeeper.web.QueueItGate;
import io.queuekeeper.web.QueueProtected;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.FormHttpMessageReader;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.resource.ResourceWebHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Puts the waiting room in front of WebFlux handlers, annotated controllers and
 * functional routes alike. For each request it finds the handler that will serve it, asks
 * the engine for a {@link Decision} — with the handler's {@link QueueProtected} when
 * there is one, otherwise with the current integration config — and applies it: cookies
 * and headers, then either the chain goes on or the response is a redirect.
 *
 * <p>
 * Nothing here blocks. When the current config has a {@code RequestBodyValidator}
 * trigger, the start of the body is read reactively before the engine runs, and the
 * request is decorated so that the handler still reads the whole body (form data
 * included).
 *
 * <p>
 * When the {@code DispatcherHandler}'s mappings start with a
 * {@link ResolvedHandlerMapping}, an annotated controller method the filter found is
 * handed to it, so that the request mappings are searched once per request.
 *
 * <p>
 * The decision is stored in the exchange attribute {@link #DECISION_ATTRIBUTE} and can be
 * injected into handler methods as a {@code Decision} or {@code ValidationResult}
 * argument.
 *
 * @since 0.1.0
 */
public class ServerQueueItWebFilter implements WebFilter, Ordered {

	/** Exchange attribute that holds the {@link Decision} of the request. */
	public static final String DECISION_ATTRIBUTE = ServerQueueItWebFilter.class.getName() + ".decision";

	/**
	 * Default order: after Spring Security's filter chain and other ordered filters, and
	 * (like every {@code WebFilter}) after forwarded-header handling.
	 */
	public static final int DEFAULT_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	private static final ResolvableType FORM_DATA_TYPE = ResolvableType.forClassWithGenerics(MultiValueMap.class,
			String.class, String.class);

	private final QueueItGate gate;

	private final Supplier<List<HandlerMapping>> handlerMappingsSource;

	private final List<HttpMessageReader<?>> messageReaders;

	private volatile @Nullable Mappings handlerMappings;

	private int order = DEFAULT_ORDER;

	private boolean resolvePrincipal;

	/**
	 * Creates a filter.
	 * @param gate decides requests and tells what the response carries
	 * @param handlerMappings the handler mappings that the {@code DispatcherHandler}
	 * uses, in its order; asked once, on the first request. A
	 * {@link ResolvedHandlerMapping} first among them is handed the handlers found, not
	 * consulted.
	 * @param messageReaders the readers of the application's codecs, used to read form
	 * data from a body that was peeked at
	 */
	public ServerQueueItWebFilter(QueueItGate gate, Supplier<List<HandlerMapping>> handlerMappings,
			List<HttpMessageReader<?>> messageReaders) {
		this.gate = gate;
		this.handlerMappingsSource = handlerMappings;
		this.messageReaders = List.copyOf(messageReaders);
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * Sets the order of the filter among the application's web filters.
	 * @param order the order
	 */
	public void setOrder(int order) {
		this.order = order;
	}

	/**
	 * Sets whether the authenticated principal is resolved before each decision, so that
	 * {@code EnqueueTokenCustomizer} beans see it. Off by default: it costs a reactive
	 * step per request, and only enqueue tokens use it.
	 * @param resolvePrincipal whether to resolve the principal
	 */
	public void setResolvePrincipal(boolean resolvePrincipal) {
		this.resolvePrincipal = resolvePrincipal;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getAttribute(DECISION_ATTRIBUTE) != null
				|| !this.gate.settings().evaluates(exchange.getRequest().getMethod().name())) {
			return chain.filter(exchange);
		}
		return Mono.deferContextual((context) -> {
			Found found = findHandlerAtOnce(exchange, context);
			if (found != null) {
				return filter(exchange, chain, found);
			}
			return findHandler(exchange).defaultIfEmpty(Found.NONE).flatMap((later) -> filter(exchange, chain, later));
		});
	}

	/**
	 * Looks the handler up as {@link #findHandler} does, when every mapping it consults
	 * answers while it is subscribed to, as the annotated controllers', the functional
	 * routes' and the URL mappings' do; then the rest of the request goes on without
	 * operators of this filter around it, which would each handle every signal of the
	 * request. Returns {@code null} when a mapping has not answered at once, after
	 * cancelling its lookup, so that {@link #findHandler} looks up again, from the first
	 * mapping, on an exchange of its own.
	 */
	private @Nullable Found findHandlerAtOnce(ServerWebExchange exchange, ContextView view) {
		Mappings mappings = handlerMappings();
		LookupExchange lookup = new LookupExchange(exchange);
		Context context = Context.of(view);
		for (HandlerMapping mapping : mappings.lookup()) {
			Answer answer = new Answer(context);
			try {
				mapping.getHandler(lookup).subscribe(answer);
			}
			catch (RuntimeException ex) {
				// As findHandler: a mapping that fails leaves the request unevaluated.
				return Found.NONE;
			}
			if (!answer.isComplete()) {
				answer.cancel();
				return null;
			}
			if (answer.failed()) {
				return Found.NONE;
			}
			Object handler = answer.handler();
			if (handler != null) {
				return mappings.found(mapping, handler, exchange, lookup);
			}
		}
		return Found.NONE;
	}

	private Mono<Found> findHandler(ServerWebExchange exchange) {
		// A request no mapping serves, or one a mapping rejects (405, 415...), is not
		// evaluated: the DispatcherHandler answers it as it would without us. Mappings
		// record what they matched in exchange attributes, and some (functional routes)
		// build on what is already there, so they look up against a copy.
		Mappings mappings = handlerMappings();
		LookupExchange lookup = new LookupExchange(exchange);
		return Flux.fromIterable(mappings.lookup())
			.concatMap((mapping) -> mapping.getHandler(lookup)
				.map((handler) -> mappings.found(mapping, handler, exchange, lookup)))
			.next()
			.onErrorResume((ex) -> Mono.empty());
	}

	private Mappings handlerMappings() {
		Mappings mappings = this.handlerMappings;
		if (mappings == null) {
			List<HandlerMapping> found = this.handlerMappingsSource.get();
			mappings = Mappings.of((found != null) ? found : List.of());
			this.handlerMappings = mappings;
		}
		return mappings;
	}

	private Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain, Found found) {
		Object handler = found.handler();
		if (handler == null
				|| (handler instanceof ResourceWebHandler && !this.gate.settings().evaluateStaticResources())
				|| isRejectedCorsRequest(exchange)) {
			return chain.filter(exchange);
		}
		QueueProtected protection = (handler instanceof HandlerMethod method)
				? this.gate.protection(method.getMethod(), method.getBeanType()) : null;
		if (!this.gate.protects(protection)) {
			return proceed(exchange, chain, found);
		}
		ServerHttpRequest request = exchange.getRequest();
		int limit = this.gate.settings().requestBodyLimit();
		if (limit <= 0 || !mayHaveReadableBody(request) || !this.gate.readsBody(protection)) {
			return decide(exchange, chain, found, protection, null);
		}
		return PeekedBody.read(request.getBody(), limit, charset(request))
			.flatMap((body) -> decide(new PeekedExchange(exchange, body, this.messageReaders), chain, found, protection,
					body)
				.doFinally((signal) -> body.release()));
	}

	/**
	 * Goes down the chain, offering the handler found to the {@code DispatcherHandler}
	 * when it can take it.
	 */
	private static Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, Found found) {
		ResolvedHandlerMapping.Lookup lookup = found.lookup();
		if (lookup != null) {
			ResolvedHandlerMapping.offer(exchange, lookup);
		}
		return chain.filter(exchange);
	}

	private Mono<Void> decide(ServerWebExchange exchange, WebFilterChain chain, Found found,
			@Nullable QueueProtected protection, @Nullable PeekedBody body) {
		if (!this.resolvePrincipal) {
			return decide(exchange, chain, found, protection, body, null);
		}
		return exchange.getPrincipal()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((principal) -> decide(exchange, chain, found, protection, body, principal.orElse(null)));
	}

	private Mono<Void> decide(ServerWebExchange exchange, WebFilterChain chain, Found found,
			@Nullable QueueProtected protection, @Nullable PeekedBody body, @Nullable Principal principal) {
		ServerHttpRequest request = exchange.getRequest();
		QueueItGate.Outcome outcome = this.gate.decide(new ServerConnectorRequest(request, body, principal), protection,
				"https".equalsIgnoreCase(request.getURI().getScheme()));
		if (outcome.decision() != null) {
			exchange.getAttributes().put(DECISION_ATTRIBUTE, outcome.decision());
		}
		ServerHttpResponse response = exchange.getResponse();
		HttpHeaders headers = response.getHeaders();
		for (String setCookie : outcome.setCookies()) {
			// The raw header keeps the value byte for byte as the engine encoded it.
			headers.add(HttpHeaders.SET_COOKIE, setCookie);
		}
		if (outcome.proceeds()) {
			for (ResponseHeader header : outcome.headers()) {
				headers.add(header.name(), header.value());
			}
			return proceed(exchange, chain, found);
		}
		response.setStatusCode(HttpStatusCode.valueOf(outcome.status()));
		for (ResponseHeader header : outcome.headers()) {
			headers.set(header.name(), header.value());
		}
		headers.set(HttpHeaders.CONTENT_LENGTH, "0");
		return response.setComplete();
	}

	/**
	 * Whether the mapping's CORS check rejected the request (it answers 403 with a no-op
	 * handler), which Spring MVC's CORS interceptor also does before ours runs.
	 */
	private static boolean isRejectedCorsRequest(ServerWebExchange exchange) {
		return CorsUtils.isCorsRequest(exchange.getRequest())
				&& HttpStatus.FORBIDDEN.equals(exchange.getResponse().getStatusCode());
	}

	/**
	 * Whether the body is worth reading: never for {@code GET} or {@code HEAD}, and not
	 * for multipart requests, which body triggers see as empty (as on Spring MVC).
	 */
	private static boolean mayHaveReadableBody(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
			return false;
		}
		MediaType contentType = contentType(request);
		return contentType == null || !"multipart".equalsIgnoreCase(contentType.getType());
	}

	private static Charset charset(ServerHttpRequest request) {
		MediaType contentType = contentType(request);
		Charset charset = (contentType != null) ? contentType.getCharset() : null;
		return (charset != null) ? charset : StandardCharsets.UTF_8;
	}

	private static @Nullable MediaType contentType(ServerHttpRequest request) {
		try {
			return request.getHeaders().getContentType();
		}
		catch (RuntimeException ex) {
			// An unparseable Content-Type: the handler meets it; for us the body is text.
			return null;
		}
	}

	/**
	 * The handler a lookup found ({@code null} when none did), and what the
	 * {@code DispatcherHandler} may take over from the lookup, if anything.
	 */
	private record Found(@Nullable Object handler, ResolvedHandlerMapping.@Nullable Lookup lookup) {

		static final Found NONE = new Found(null, null);

	}

	/**
	 * What one handler mapping answered while {@link #findHandlerAtOnce} subscribed to
	 * its lookup: a handler, nothing, an error, or not yet. A lookup that answers later,
	 * on another thread, is cancelled and not read again; its answer is written before
	 * the volatile state that tells it has come, so that the state is read first.
	 */
	private static final class Answer implements CoreSubscriber<Object> {

		private static final int PENDING = 0;

		private static final int ANSWERED = 1;

		private static final int FAILED = 2;

		private final Context context;

		private @Nullable Subscription subscription;

		private @Nullable Object handler;

		private volatile int state = PENDING;

		Answer(Context context) {
			this.context = context;
		}

		@Override
		public Context currentContext() {
			return this.context;
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			this.subscription = subscription;
			subscription.request(1);
		}

		@Override
		public void onNext(Object handler) {
			if (this.state == PENDING) {
				this.handler = handler;
				this.state = ANSWERED;
			}
		}

		@Override
		public void onError(Throwable error) {
			if (this.state == PENDING) {
				this.state = FAILED;
			}
		}

		@Override
		public void onComplete() {
			if (this.state == PENDING) {
				this.state = ANSWERED;
			}
		}

		boolean isComplete() {
			return this.state != PENDING;
		}

		boolean failed() {
			return this.state == FAILED;
		}

		/**
		 * The handler found, or {@code null} when the mapping has none.
		 */
		@Nullable Object handler() {
			return this.handler;
		}

		void cancel() {
			Subscription subscription = this.subscription;
			if (subscription != null) {
				subscription.cancel();
			}
		}

	}

	/**
	 * The mappings the filter consults, in the {@code DispatcherHandler}'s order, and
	 * whether that order starts with a {@link ResolvedHandlerMapping}, which the filter
	 * then feeds instead of consulting.
	 */
	private record Mappings(List<HandlerMapping> lookup, boolean resolves) {

		/**
		 * What a mapping's lookup found: the handler, and what the
		 * {@code DispatcherHandler} may take over from the lookup when this order lets
		 * it.
		 */
		Found found(HandlerMapping mapping, Object handler, ServerWebExchange exchange, LookupExchange lookup) {
			return new Found(handler, this.resolves
					? ResolvedHandlerMapping.lookup(mapping, handler, exchange, lookup.getAttributes()) : null);
		}

		static Mappings of(List<HandlerMapping> used) {
			boolean resolves = !used.isEmpty() && used.get(0) instanceof ResolvedHandlerMapping;
			List<HandlerMapping> lookup = used.stream()
				.filter((mapping) -> !(mapping instanceof ResolvedHandlerMapping))
				.toList();
			return new Mappings(lookup, resolves);
		}

	}

	/**
	 * The exchange handler mappings see while the filter looks for the handler: the same
	 * request and response, with attributes of its own.
	 */
	private static final class LookupExchange extends ServerWebExchangeDecorator {

		private static final int LOOKUP_ATTRIBUTES = 16;

		private final Map<String, Object> attributes;

		LookupExchange(ServerWebExchange exchange) {
			super(exchange);
			// Room for what a lookup records without resizing; putAll would presize
			// for far more entries.
			this.attributes = new ConcurrentHashMap<>(LOOKUP_ATTRIBUTES);
			exchange.getAttributes().forEach(this.attributes::put);
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.attributes;
		}

	}

	/**
	 * The exchange the chain sees after the body was peeked at: its request body replays
	 * the peeked bytes and goes on, and its form data is read from that body, since the
	 * original exchange would read the original, already subscribed body.
	 */
	private static final class PeekedExchange extends ServerWebExchangeDecorator {

		private final ServerHttpRequest request;

		private final @Nullable Mono<MultiValueMap<String, String>> formData;

		PeekedExchange(ServerWebExchange exchange, PeekedBody body, List<HttpMessageReader<?>> readers) {
			super(exchange);
			this.request = new ServerHttpRequestDecorator(exchange.getRequest()) {

				@Override
				public Flux<DataBuffer> getBody() {
					return body.body();
				}

			};
			this.formData = formData(this.request, readers);
		}

		@Override
		public ServerHttpRequest getRequest() {
			return this.request;
		}

		@Override
		public Mono<MultiValueMap<String, String>> getFormData() {
			Mono<MultiValueMap<String, String>> form = this.formData;
			return (form != null) ? form : super.getFormData();
		}

		@SuppressWarnings("unchecked")
		private static @Nullable Mono<MultiValueMap<String, String>> formData(ServerHttpRequest request,
				List<HttpMessageReader<?>> readers) {
			MediaType contentType = contentType(request);
			if (contentType == null || !contentType.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)) {
				return null;
			}
			HttpMessageReader<MultiValueMap<String, String>> reader = null;
			for (HttpMessageReader<?> candidate : readers) {
				if (candidate.canRead(FORM_DATA_TYPE, MediaType.APPLICATION_FORM_URLENCODED)) {
					reader = (HttpMessageReader<MultiValueMap<String, String>>) candidate;
					break;
				}
			}
			if (reader == null) {
				reader = new FormHttpMessageReader();
			}
			return reader.readMono(FORM_DATA_TYPE, request, Map.of())
				.switchIfEmpty(Mono.fromSupplier(LinkedMultiValueMap::new))
				.cache();
		}

	}

}

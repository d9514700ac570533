package io.queuekeeper.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queuekeeper.core.config.ActionType;
import io.queuekeeper.core.config.Integration;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.RedirectLogic;
import io.queuekeeper.core.enqueue.EnqueueTokenPolicy;
import io.queuekeeper.core.http.ConnectorRequest;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.http.ResponseHeader;
import io.queuekeeper.core.internal.HmacSha256;
import io.queuekeeper.core.internal.Strings;
import io.queuekeeper.core.internal.UrlCodec;
import io.queuekeeper.core.internal.UrlParts;
import io.queuekeeper.core.rules.RequestValues;
import io.queuekeeper.core.token.CookieState;
import io.queuekeeper.core.token.QueueToken;
import io.queuekeeper.core.token.SessionCookies;
import io.queuekeeper.core.token.TokenError;
import io.queuekeeper.core.token.TokenVerifier;
import org.jspecify.annotations.Nullable;

/**
 * The KnownUser v3 engine. For one request it decides whether the visitor continues, goes
 * to the waiting room, or is sent to a cancel or error page, and returns a
 * {@link Decision} that an adapter applies to the HTTP response.
 *
 * <p>
 * Instances are immutable and thread-safe; create one per set of
 * {@link ConnectorSettings} and share it. Expected outcomes (no match, a bad or expired
 * token, a tampered cookie) are decisions, never exceptions.
 *
 * @since 0.1.0
 */
public final class QueueConnector {

	/** The {@code ver} this connector reports to the waiting room. */
	public static final String SDK_VERSION = "v3-java-queuekeeper-0.1.0";

	/** Request header that marks a call from Queue-it's AJAX client script. */
	public static final String AJAX_PAGE_URL_HEADER = "x-queueit-ajaxpageurl";

	/** Name of the cookie that carries connector diagnostics. */
	public static final String DEBUG_COOKIE = "queueitdebug";

	/** Lifetime of the diagnostics cookie. */
	public static final Duration DEBUG_COOKIE_MAX_AGE = Duration.ofMinutes(20);

	private static final List<ResponseHeader> NO_CACHE = List.of(
			new ResponseHeader("Cache-Control", "no-cache, no-store, must-revalidate, max-age=0"),
			new ResponseHeader("Pragma", "no-cache"), new ResponseHeader("Expires", "Fri, 01 Jan 1990 00:00:00 GMT"));

	private final ConnectorSettings settings;

	private final TokenVerifier tokens;

	private final SessionCookies cookies;

	private final RedirectUrls urls;

	private final String runtime;

	private final EnqueueTokenIssuer enqueueTokens;

	private final ConnectorObserver observer;

	/**
	 * Creates a connector that issues no enqueue tokens.
	 * @param settings the account settings
	 */
	public QueueConnector(ConnectorSettings settings) {
		this(settings, EnqueueTokenPolicy.disabled(), ConnectorObserver.NONE);
	}

	/**
	 * Creates a connector whose queue redirects carry enqueue tokens as the policy says.
	 * @param settings the account settings
	 * @param enqueueTokens when to issue enqueue tokens and what they contain
	 */
	public QueueConnector(ConnectorSettings settings, EnqueueTokenPolicy enqueueTokens) {
		this(settings, enqueueTokens, ConnectorObserver.NONE);
	}

	/**
	 * Creates a connector that reports rejected tokens and cookies.
	 * @param settings the account settings
	 * @param observer told about each rejected token or cookie
	 */
	public QueueConnector(ConnectorSettings settings, ConnectorObserver observer) {
		this(settings, EnqueueTokenPolicy.disabled(), observer);
	}

	/**
	 * Creates a connector with enqueue tokens and an observer.
	 * @param settings the account settings
	 * @param enqueueTokens when to issue enqueue tokens and what they contain
	 * @param observer told about each rejected token or cookie
	 */
	public QueueConnector(ConnectorSettings settings, EnqueueTokenPolicy enqueueTokens, ConnectorObserver observer) {
		this.settings = settings;
		this.enqueueTokens = new EnqueueTokenIssuer(settings, enqueueTokens);
		this.observer = observer;
		HmacSha256 hmac = new HmacSha256(settings.secretKey());
		this.tokens = new TokenVerifier(hmac);
		this.cookies = new SessionCookies(hmac);
		this.urls = new RedirectUrls(settings.customerId(), SDK_VERSION);
		this.runtime = String.valueOf(System.getProperty("java.runtime.version"));
	}

	/**
	 * Returns the settings of this connector.
	 */
	public ConnectorSettings settings() {
		return this.settings;
	}

	/**
	 * Decides a request with the integration config published in GO: the first
	 * integration with a matching trigger decides.
	 * @param request the request
	 * @param config the config snapshot
	 * @return the decision
	 */
	public Decision evaluate(ConnectorRequest request, IntegrationConfig config) {
		Exchange exchange = new Exchange(request);
		Decision diagnostics = exchange.diagnosticsRedirect();
		if (diagnostics != null) {
			return diagnostics;
		}
		Integration match = config.firstMatch(new RequestValues(request, exchange.pureUrl));
		if (exchange.diagnostics()) {
			exchange.debug("ConfigVersion", Integer.toString(config.version()));
			exchange.debug("MatchedConfig", (match != null) ? match.name() : "NULL");
		}
		if (match == null) {
			return exchange.finish(ValidationResult.NO_MATCH);
		}
		EventSettings event = new EventSettings(match.eventId(), match.queueDomain(), match.cookieDomain(),
				match.cookieHttpOnly(), match.cookieSecure(), match.cookieValidityMinutes(),
				match.extendCookieValidity(), match.culture(), match.layoutName(), config.version(), match.name());
		if (match.actionType() == ActionType.QUEUE) {
			String target = switch (match.redirectLogic()) {
				case FORCED_TARGET_URL -> match.forcedTargetUrl();
				case EVENT_TARGET_URL -> "";
				default -> exchange.target();
			};
			return exchange.finish(queue(exchange, event, target));
		}
		if (match.actionType() == ActionType.CANCEL) {
			return exchange.finish(cancel(exchange, event));
		}
		return exchange
			.finish(new ValidationResult(ResultType.IGNORE, match.name(), null, null, null, null, exchange.ajax()));
	}

	/**
	 * Decides a request with a queue action defined in code.
	 * @param request the request
	 * @param config the event settings
	 * @return the decision
	 */
	public Decision queue(ConnectorRequest request, QueueEventConfig config) {
		Exchange exchange = new Exchange(request);
		Decision diagnostics = exchange.diagnosticsRedirect();
		if (diagnostics != null) {
			return diagnostics;
		}
		EventSettings event = new EventSettings(config.eventId(), config.queueDomain(), config.cookieDomain(),
				config.cookieHttpOnly(), config.cookieSecure(), config.cookieValidityMinutes(),
				config.extendCookieValidity(), config.culture(), config.layoutName(), config.version(),
				config.actionName());
		return exchange.finish(queue(exchange, event, exchange.target()));
	}

	/**
	 * Decides a request with a cancel action defined in code.
	 * @param request the request
	 * @param config the event settings
	 * @return the decision
	 */
	public Decision cancel(ConnectorRequest request, CancelEventConfig config) {
		Exchange exchange = new Exchange(request);
		Decision diagnostics = exchange.diagnosticsRedirect();
		if (diagnostics != null) {
			return diagnostics;
		}
		EventSettings event = new EventSettings(config.eventId(), config.queueDomain(), config.cookieDomain(),
				config.cookieHttpOnly(), config.cookieSecure(), 0, false, null, null, config.version(),
				config.actionName());
		return exchange.finish(cancel(exchange, event));
	}

	/**
	 * Re-issues a valid session cookie with a new issue time, keeping its queue id,
	 * redirect type and fixed validity. Nothing happens when the cookie is missing,
	 * invalid or expired.
	 * @param request the request
	 * @param eventId the event
	 * @param cookieValidityMinutes the validity to check the cookie against; positive
	 * @param cookieDomain the cookie's Domain, or {@code null}
	 * @param httpOnly whether the cookie is HttpOnly
	 * @param secure whether the cookie is Secure
	 * @return the cookie to set, or an empty list
	 * @throws IllegalArgumentException if the validity is not positive
	 */
	public List<CookieInstruction> extendQueueCookie(ConnectorRequest request, String eventId,
			int cookieValidityMinutes, @Nullable String cookieDomain, boolean httpOnly, boolean secure) {
		if (cookieValidityMinutes <= 0) {
			throw new IllegalArgumentException("cookieValidityMinutes must be greater than zero");
		}
		long now = now();
		CookieState state = this.cookies.read(request, eventId, cookieValidityMinutes, true, now);
		if (!state.valid()) {
			return List.of();
		}
		return List.of(this.cookies.reissue(state, eventId, state.fixedValidityMinutes(), cookieDomain, httpOnly,
				secure, now));
	}

	private ValidationResult queue(Exchange exchange, EventSettings event, @Nullable String target) {
		if (exchange.diagnostics()) {
			exchange.debug("TargetUrl", String.valueOf(target));
			exchange.debug("QueueConfig", event.describe(true));
		}
		CookieState state = this.cookies.read(exchange.request, event.eventId(), event.cookieValidityMinutes(), true,
				exchange.now);
		if (state.valid()) {
			if (state.extendable() && event.extendCookieValidity()) {
				exchange.cookies.add(this.cookies.reissue(state, event.eventId(), null, event.cookieDomain(),
						event.cookieHttpOnly(), event.cookieSecure(), exchange.now));
			}
			return new ValidationResult(ResultType.QUEUE, event.actionName(), event.eventId(), state.queueId(),
					state.redirectType(), null, exchange.ajax());
		}
		QueueToken token = exchange.token;
		ValidationResult result;
		boolean accepted = false;
		if (token == null) {
			String enqueueToken = this.enqueueTokens.issue(exchange.request, event.eventId());
			result = redirect(event, this.urls.queue(event, enqueueToken, target), exchange.ajax());
		}
		else {
			TokenError error = this.tokens.verify(token, event.eventId(), exchange.now);
			if (error == null) {
				accepted = true;
				String fixed = (token.fixedCookieValidityMinutes() != null)
						? token.fixedCookieValidityMinutes().toString() : null;
				String redirectType = orEmpty(token.redirectType());
				exchange.cookies.add(this.cookies.store(event.eventId(), token.queueId(), fixed, redirectType,
						event.cookieDomain(), event.cookieHttpOnly(), event.cookieSecure(), exchange.now));
				result = new ValidationResult(ResultType.QUEUE, event.actionName(), event.eventId(), token.queueId(),
						token.redirectType(), null, exchange.ajax());
			}
			else {
				this.observer.tokenRejected(event.eventId(), error);
				result = redirect(event, this.urls.error(event, error, token.token(), exchange.now, target),
						exchange.ajax());
			}
		}
		if (state.found() && !accepted) {
			if (this.observer != ConnectorObserver.NONE) {
				// Only on this rare path, and only when someone listens: was the cookie
				// authentic but old, or not to be trusted at all?
				boolean authentic = this.cookies
					.read(exchange.request, event.eventId(), event.cookieValidityMinutes(), false, exchange.now)
					.valid();
				this.observer.cookieRejected(event.eventId(),
						authentic ? ConnectorObserver.COOKIE_EXPIRED : ConnectorObserver.COOKIE_INVALID);
			}
			exchange.cookies.add(this.cookies.clear(event.eventId(), event.cookieDomain(), event.cookieHttpOnly(),
					event.cookieSecure()));
		}
		return result;
	}

	private ValidationResult cancel(Exchange exchange, EventSettings event) {
		String target = exchange.target();
		if (exchange.diagnostics()) {
			exchange.debug("TargetUrl", target);
			exchange.debug("CancelConfig", event.describe(false));
		}
		CookieState state = this.cookies.read(exchange.request, event.eventId(), -1, false, exchange.now);
		if (!state.valid()) {
			if (state.found()) {
				this.observer.cookieRejected(event.eventId(), ConnectorObserver.COOKIE_INVALID);
			}
			return new ValidationResult(ResultType.CANCEL, event.actionName(), event.eventId(), null, null, null,
					exchange.ajax());
		}
		exchange.cookies.add(this.cookies.clear(event.eventId(), event.cookieDomain(), event.cookieHttpOnly(),
				event.cookieSecure()));
		return new ValidationResult(ResultType.CANCEL, event.actionName(), event.eventId(), state.queueId(),
				state.redirectType(), this.urls.cancel(event, state.queueId(), target), exchange.ajax());
	}

	private static ValidationResult redirect(EventSettings event, String url, boolean ajax) {
		return new ValidationResult(ResultType.QUEUE, event.actionName(), event.eventId(), null, null, url, ajax);
	}

	private long now() {
		return this.settings.clock().instant().getEpochSecond();
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	/**
	 * The state of one evaluation: what was read from the request and what the response
	 * collects.
	 */
	private final class Exchange {

		final ConnectorRequest request;

		final long now;

		final String url;

		final String pureUrl;

		final String rawToken;

		final @Nullable QueueToken token;

		private boolean ajaxRead;

		private boolean ajax;

		private @Nullable String ajaxPageUrl;

		final List<CookieInstruction> cookies = new ArrayList<>(2);

		@Nullable Map<String, String> debug;

		Exchange(ConnectorRequest request) {
			this.request = request;
			this.now = now();
			this.url = request.url();
			this.pureUrl = UrlParts.withoutToken(this.url);
			this.rawToken = UrlParts.rawToken(this.url);
			this.token = QueueToken.parse(UrlCodec.percentDecodeLenient(this.rawToken));
		}

		/**
		 * Whether the client script sent the request (the AJAX page URL header is set).
		 * Read on first use: a request that matches no integration never needs it, and
		 * looking for a header that is missing can mean reading every header.
		 */
		boolean ajax() {
			if (!this.ajaxRead) {
				String ajaxHeader = this.request.header(AJAX_PAGE_URL_HEADER);
				this.ajax = !Strings.isBlank(ajaxHeader);
				this.ajaxPageUrl = this.ajax ? UrlCodec.formDecodeLenient(ajaxHeader) : null;
				this.ajaxRead = true;
			}
			return this.ajax;
		}

		/**
		 * The target for AllowTParameter queue actions and for cancel: the AJAX page URL
		 * when the client script sent an absolute http(s) one, otherwise the request URL.
		 */
		String target() {
			if (ajax() && this.ajaxPageUrl != null && UrlParts.isHttpUrl(this.ajaxPageUrl)) {
				return this.ajaxPageUrl;
			}
			return this.pureUrl;
		}

		/**
		 * Whether a debug token switched diagnostics on. Callers check it before building
		 * a diagnostics value, so that ordinary requests do not pay for strings nobody
		 * reads.
		 */
		boolean diagnostics() {
			return this.debug != null;
		}

		void debug(String key, String value) {
			if (this.debug != null) {
				this.debug.put(key, value);
			}
		}

		/**
		 * Runs the checks of a debug token. Returns the diagnostics redirect when one
		 * fails; otherwise switches diagnostics on (for a debug token) and returns null.
		 */
		@Nullable Decision diagnosticsRedirect() {
			if (this.token == null || !this.token.isDebug()) {
				return null;
			}
			String customerId = QueueConnector.this.settings.customerId();
			String failure = diagnosticsFailure(customerId, this.token);
			if (failure != null) {
				ValidationResult result = new ValidationResult(ResultType.CONNECTOR_DIAGNOSTICS_REDIRECT, null, null,
						null, null, failure, false);
				return redirectDecision(result, failure, List.of());
			}
			this.debug = new LinkedHashMap<>();
			debug("SdkVersion", SDK_VERSION);
			debug("Runtime", QueueConnector.this.runtime);
			debug("PureUrl", this.pureUrl);
			debug("QueueitToken", this.token.token());
			debug("OriginalUrl", this.url);
			debug("ServerUtcTime", Instant.ofEpochSecond(this.now).toString());
			debug("RequestIP", String.valueOf(this.request.remoteAddress()));
			debug("RequestHttpHeader_Via", String.valueOf(this.request.header("Via")));
			debug("RequestHttpHeader_Forwarded", String.valueOf(this.request.header("Forwarded")));
			debug("RequestHttpHeader_XForwardedFor", String.valueOf(this.request.header("X-Forwarded-For")));
			debug("RequestHttpHeader_XForwardedHost", String.valueOf(this.request.header("X-Forwarded-Host")));
			debug("RequestHttpHeader_XForwardedProto", String.valueOf(this.request.header("X-Forwarded-Proto")));
			return null;
		}

		private @Nullable String diagnosticsFailure(String customerId, QueueToken token) {
			return Diagnostics.failureUrl(customerId, QueueConnector.this.settings.secretKey(),
					QueueConnector.this.tokens.isSigned(token), token.timestamp() < this.now);
		}

		Decision finish(ValidationResult result) {
			if (this.debug != null) {
				StringBuilder value = new StringBuilder(512);
				this.debug.forEach((key, item) -> {
					if (value.length() > 0) {
						value.append('|');
					}
					value.append(key).append('=').append(escapeDebugValue(item));
				});
				// Unlike Queue-it's connectors (spec 12 J16), the cookie is hidden from
				// scripts, expires and stays on HTTPS, because it carries client IPs and
				// proxy headers.
				this.cookies.add(new CookieInstruction(DEBUG_COOKIE, UrlCodec.formEncode(value.toString()),
						DEBUG_COOKIE_MAX_AGE, null, "/", true, this.url.regionMatches(true, 0, "https:", 0, 6)));
			}
			if (result.doRedirect()) {
				if (result.ajax() && result.actionType() != ResultType.CONNECTOR_DIAGNOSTICS_REDIRECT) {
					List<ResponseHeader> headers = new ArrayList<>(5);
					headers.add(new ResponseHeader(Decision.AjaxRedirect.REDIRECT_HEADER,
							UrlCodec.formEncode(result.redirectUrl())));
					headers.add(
							new ResponseHeader("Access-Control-Expose-Headers", Decision.AjaxRedirect.REDIRECT_HEADER));
					headers.addAll(NO_CACHE);
					return new Decision.AjaxRedirect(result, result.redirectUrl(), this.cookies, headers);
				}
				return redirectDecision(result, result.redirectUrl(), this.cookies);
			}
			if (result.actionType() == ResultType.QUEUE && !this.rawToken.isEmpty()
					&& UrlParts.queryMentionsToken(this.url)) {
				return redirectDecision(result, this.pureUrl, this.cookies);
			}
			return new Decision.Proceed(result, this.cookies, List.of());
		}

	}

	/**
	 * Escapes the characters that would make a diagnostics entry ambiguous: {@code |}
	 * separates entries, and {@code %} introduces the escapes.
	 */
	static String escapeDebugValue(String value) {
		if (value.indexOf('|') < 0 && value.indexOf('%') < 0) {
			return value;
		}
		return value.replace("%", "%25").replace("|", "%7C");
	}

	private static Decision redirectDecision(ValidationResult result, String location,
			List<CookieInstruction> cookies) {
		List<ResponseHeader> headers = List.of(new ResponseHeader("Location", location), NO_CACHE.get(0),
				NO_CACHE.get(1), NO_CACHE.get(2));
		return new Decision.Redirect(result, location, cookies, headers);
	}

}

package io.queuekeeper.web.reactive;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.queuekeeper.boot.autoconfigure.QueueItAutoConfiguration;
import io.queuekeeper.boot.autoconfigure.web.reactive.QueueItWebFluxAutoConfiguration;
import io.queuekeeper.core.testing.Encoding;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Shared inputs of the WebFlux behaviour tests: the account from the protocol spec's test
 * vectors, hand-made tokens and session cookies (HMAC-SHA256 computed by the test
 * helpers, not by the engine), and a {@link WebTestClient} built from a runner's context
 * with every web filter the context defines.
 */
final class ReactiveFixtures {

	static final String CUSTOMER_ID = "ticketania";

	static final String SECRET_KEY = "3f2b1a5c-7d9e-4f10-8a2b-6c4d8e0f1a2b9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a";

	static final String QUEUE_ID = "7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e";

	static final long NOW = 1_700_000_000L;

	static final String NO_CACHE = "no-cache, no-store, must-revalidate, max-age=0";

	static final String EXPIRES_IN_THE_PAST = "Fri, 01 Jan 1990 00:00:00 GMT";

	static final String COOKIE_PREFIX = "QueueITAccepted-SDFrts345E-V3_";

	private ReactiveFixtures() {
	}

	/**
	 * A runner with the starter's and WebFlux's auto-configuration, the spec's account
	 * and a clock fixed at {@link #NOW}.
	 */
	static ReactiveWebApplicationContextRunner webFluxRunner() {
		return new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(QueueItAutoConfiguration.class, QueueItWebFluxAutoConfiguration.class,
							WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class))
			.withPropertyValues("queueit.customer-id=" + CUSTOMER_ID, "queueit.secret-key=" + SECRET_KEY)
			.withBean(Clock.class, () -> Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
	}

	/**
	 * A client bound to the context's HTTP handler: its web filters (ours included),
	 * forwarded-header transformer, and {@code DispatcherHandler}.
	 */
	static WebTestClient client(AssertableReactiveWebApplicationContext context) {
		return WebTestClient.bindToApplicationContext(context.getSourceApplicationContext())
			.configureClient()
			.baseUrl("http://localhost")
			.build();
	}

	/**
	 * Sends a {@code GET} through {@link #client} with the cookie given as
	 * {@code name=value}, if any, and returns the exchange with its body as text.
	 */
	static EntityExchangeResult<String> get(AssertableReactiveWebApplicationContext context, String path,
			@Nullable String cookie) {
		WebTestClient.RequestHeadersSpec<?> request = client(context).get().uri(path);
		if (cookie != null) {
			int separator = cookie.indexOf('=');
			request.cookie(cookie.substring(0, separator), cookie.substring(separator + 1));
		}
		return request.exchange().expectBody(String.class).returnResult();
	}

	static String hmac(String message) {
		return Encoding.hmacHex(SECRET_KEY, message);
	}

	static String token(String eventId, long expiresAt) {
		String unsigned = "e_" + eventId + "~q_" + QUEUE_ID + "~ts_" + expiresAt + "~ce_true~rt_queue";
		return unsigned + "~h_" + hmac(unsigned);
	}

	static String cookieName(String eventId) {
		return COOKIE_PREFIX + eventId;
	}

	static String cookieValue(String eventId, long issuedAt) {
		String hash = hmac(eventId + QUEUE_ID + "queue" + issuedAt);
		return Encoding.form("EventId=" + eventId + "&QueueId=" + QUEUE_ID + "&RedirectType=queue&IssueTime=" + issuedAt
				+ "&Hash=" + hash);
	}

	static String encode(String value) {
		return Encoding.javaQuery(value);
	}

}

package io.queuekeeper.web.servlet;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.queuekeeper.boot.autoconfigure.QueueItAutoConfiguration;
import io.queuekeeper.boot.autoconfigure.web.servlet.QueueItWebMvcAutoConfiguration;
import io.queuekeeper.core.testing.Encoding;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Shared inputs of the MockMvc behaviour tests: the account from the protocol spec's test
 * vectors, hand-made tokens and session cookies (HMAC-SHA256 computed here, not by the
 * engine), and a MockMvc built from a runner's context with the starter's filters.
 */
final class QueueItFixtures {

	static final String CUSTOMER_ID = "ticketania";

	static final String SECRET_KEY = "3f2b1a5c-7d9e-4f10-8a2b-6c4d8e0f1a2b9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a";

	static final String API_KEY = "9c0d7e1f-api-key-4b5a-8e6d-2f1c0b9a8d7e";

	static final String QUEUE_ID = "7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e";

	static final long NOW = 1_700_000_000L;

	static final String NO_CACHE = "no-cache, no-store, must-revalidate, max-age=0";

	static final String EXPIRES_IN_THE_PAST = "Fri, 01 Jan 1990 00:00:00 GMT";

	static final String COOKIE_PREFIX = "QueueITAccepted-SDFrts345E-V3_";

	private QueueItFixtures() {
	}

	/**
	 * A runner with the starter's and Spring MVC's auto-configuration, the spec's account
	 * and a clock fixed at {@link #NOW}.
	 */
	static WebApplicationContextRunner mvcRunner() {
		return new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(QueueItAutoConfiguration.class,
					QueueItWebMvcAutoConfiguration.class, WebMvcAutoConfiguration.class,
					DispatcherServletAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class))
			.withPropertyValues("queueit.customer-id=" + CUSTOMER_ID, "queueit.secret-key=" + SECRET_KEY)
			.withBean(Clock.class, () -> Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
	}

	/**
	 * Builds MockMvc from the context: the given filters first (as a proxy's would be),
	 * then the filters the starter registers, in their order.
	 */
	static MockMvc mockMvc(AssertableWebApplicationContext context, Filter... first) {
		WebApplicationContext source = context.getSourceApplicationContext();
		List<Filter> filters = new ArrayList<>(List.of(first));
		context.getBeansOfType(FilterRegistrationBean.class)
			.values()
			.stream()
			.sorted(Comparator.comparingInt(FilterRegistrationBean::getOrder))
			.map(FilterRegistrationBean::getFilter)
			.forEach(filters::add);
		return MockMvcBuilders.webAppContextSetup(source).addFilters(filters.toArray(Filter[]::new)).build();
	}

	/**
	 * Lower-case hex HMAC-SHA256 of the message, keyed with the secret key (spec §1.3).
	 */
	static String hmac(String message) {
		return Encoding.hmacHex(SECRET_KEY, message);
	}

	/**
	 * A signed {@code queueittoken} for the event that expires at the given second, with
	 * the fields in the order the waiting room emits them (spec §1.2).
	 */
	static String token(String eventId, long expiresAt) {
		return token(eventId, expiresAt, "queue");
	}

	/**
	 * A signed {@code queueittoken} with the given redirect type, e.g. {@code debug}.
	 */
	static String token(String eventId, long expiresAt, String redirectType) {
		String unsigned = "e_" + eventId + "~q_" + QUEUE_ID + "~ts_" + expiresAt + "~ce_true~rt_" + redirectType;
		return unsigned + "~h_" + hmac(unsigned);
	}

	/**
	 * The name of the session cookie of an event (spec §3.1).
	 */
	static String cookieName(String eventId) {
		return COOKIE_PREFIX + eventId;
	}

	/**
	 * The decoded value of a valid session cookie issued at the given second (spec §3.2).
	 */
	static String cookieText(String eventId, long issuedAt) {
		String hash = hmac(eventId + QUEUE_ID + "queue" + issuedAt);
		return "EventId=" + eventId + "&QueueId=" + QUEUE_ID + "&RedirectType=queue&IssueTime=" + issuedAt + "&Hash="
				+ hash;
	}

	/**
	 * The session cookie value as it travels on the wire (spec §3.3).
	 */
	static String cookieValue(String eventId, long issuedAt) {
		return Encoding.form(cookieText(eventId, issuedAt));
	}

	/**
	 * Java's encoder for redirect URL parameters (spec §4.1).
	 */
	static String encode(String value) {
		return Encoding.javaQuery(value);
	}

	/**
	 * Makes a request look like it came over https on port 443.
	 */
	static RequestPostProcessor https() {
		return (request) -> {
			request.setScheme("https");
			request.setSecure(true);
			request.setServerPort(443);
			return request;
		};
	}

	/**
	 * Records the raw {@code Set-Cookie} values the application writes, before MockMvc's
	 * response re-serialises them.
	 */
	static final class SetCookieRecorder extends OncePerRequestFilter {

		private final List<String> values = new CopyOnWriteArrayList<>();

		List<String> values() {
			return this.values;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			this.values.clear();
			chain.doFilter(request, new HttpServletResponseWrapper(response) {

				@Override
				public void addHeader(String name, String value) {
					record(name, value);
					super.addHeader(name, value);
				}

				@Override
				public void setHeader(String name, String value) {
					record(name, value);
					super.setHeader(name, value);
				}

			});
		}

		private void record(String name, String value) {
			if ("Set-Cookie".equalsIgnoreCase(name)) {
				this.values.add(value);
			}
		}

	}

}

package io.queuekeeper.web.servlet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.ValidationResult;
import io.queuekeeper.core.WaitingRoomProvider;
import io.queuekeeper.core.http.ConnectorRequest;
import io.queuekeeper.web.CancelListener;
import io.queuekeeper.web.DecisionObserver;
import io.queuekeeper.web.ProtectionSettings;
import io.queuekeeper.web.QueueItGate;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the interceptor hands the request to the provider: cookies read from the headers on
 * Tomcat 11, asked of the container elsewhere, and the container asked once.
 */
class QueueItHandlerInterceptorTests {

	private final List<@Nullable String> cookiesSeen = new ArrayList<>();

	private final QueueItHandlerInterceptor interceptor = new QueueItHandlerInterceptor(new QueueItGate(
			new CookieReadingProvider(), ProtectionSettings.defaults(), DecisionObserver.NONE, CancelListener.NONE));

	@Test
	void preHandleWhenContainerIsTomcat11ThenContainerIsAskedItsNameOnce() throws Exception {
		CountingContext context = new CountingContext("Apache Tomcat/11.0.27");
		for (int i = 0; i < 3; i++) {
			assertThat(this.interceptor.preHandle(request(context), new MockHttpServletResponse(), new Object()))
				.isTrue();
		}
		// A mock request's getCookies() is not Tomcat's, so the container answers.
		assertThat(this.cookiesSeen).containsExactly("from-container", "from-container", "from-container");
		assertThat(context.serverInfoCalls).hasValue(1);
	}

	@Test
	void preHandleWhenContainerIsAnotherThenCookieComesFromTheContainer() throws Exception {
		CountingContext context = new CountingContext("MockServletContext");
		for (int i = 0; i < 2; i++) {
			assertThat(this.interceptor.preHandle(request(context), new MockHttpServletResponse(), new Object()))
				.isTrue();
		}
		assertThat(this.cookiesSeen).containsExactly("from-container", "from-container");
		assertThat(context.serverInfoCalls).hasValue(1);
	}

	/**
	 * A request whose container answers {@code from-container} for {@code sid}, while its
	 * header says {@code from-header}.
	 */
	private static MockHttpServletRequest request(MockServletContext context) {
		MockHttpServletRequest request = new MockHttpServletRequest(context, "GET", "/items/1");
		request.setCookies(new Cookie("sid", "from-container"));
		request.removeHeader("Cookie");
		request.addHeader("Cookie", "a=1; sid=from-header");
		return request;
	}

	static class CountingContext extends MockServletContext {

		private final String serverInfo;

		final AtomicInteger serverInfoCalls = new AtomicInteger();

		CountingContext(String serverInfo) {
			this.serverInfo = serverInfo;
		}

		@Override
		public String getServerInfo() {
			this.serverInfoCalls.incrementAndGet();
			return this.serverInfo;
		}

	}

	/**
	 * A provider with rules of its own that reads the {@code sid} cookie and lets the
	 * request through.
	 */
	class CookieReadingProvider implements WaitingRoomProvider {

		@Override
		public String name() {
			return "cookie-reading";
		}

		@Override
		public Set<String> rooms() {
			return Set.of();
		}

		@Override
		public boolean hasRules() {
			return true;
		}

		@Override
		public Optional<Decision> evaluate(ConnectorRequest request) {
			QueueItHandlerInterceptorTests.this.cookiesSeen.add(request.cookie("sid"));
			return Optional.of(new Decision.Proceed(ValidationResult.NO_MATCH, List.of(), List.of()));
		}

		@Override
		public Decision protect(ConnectorRequest request, String room, Action action) {
			throw new UnsupportedOperationException();
		}

	}

}

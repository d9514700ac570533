package io.queuekeeper.web.servlet;

import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading one cookie from a raw {@code Cookie} header by Tomcat's rules, and when the
 * servlet adapter does so. {@code TomcatCookieParityTests} holds the rules against a
 * running Tomcat; these say what they are.
 */
class TomcatCookieHeaderTests {

	private static final String ASK = TomcatCookieHeader.ASK_CONTAINER;

	static Stream<Arguments> headers() {
		return Stream.of(Arguments.of("sid=abc", "abc"), Arguments.of("a=1; sid=abc; b=2", "abc"),
				Arguments.of("a=1;sid=abc;b=2", "abc"), Arguments.of(" \tsid \t= \tabc\t ; b=2", "abc"),
				Arguments.of("sid=", ""), Arguments.of("sid=; sid=abc", ""), Arguments.of("sid=abc; sid=def", "abc"),
				Arguments.of("sidx=1; xsid=2; si=3; id=4", null), Arguments.of("sidx=1; xsid=2; sid=3", "3"),
				Arguments.of("SID=abc", null), Arguments.of("sid==a=b", "=a=b"),
				Arguments.of("sid=!#$%&'()*+-./:<>?@[]^_`{|}~", "!#$%&'()*+-./:<>?@[]^_`{|}~"),
				Arguments.of("sid=\"abc\"", "\"abc\""), Arguments.of("sid=\"\"", "\"\""),
				Arguments.of("sid=\"abc; b=2", "\"abc"), Arguments.of("sid=\"a\"b; sid=next", "next"),
				Arguments.of("sid=\"a b\"; sid=next", "next"), Arguments.of("sid=a\"b; sid=next", "next"),
				Arguments.of("sid=a,b; sid=next", "next"), Arguments.of("sid=a\\b; sid=next", "next"),
				Arguments.of("sid=a b; sid=next", "next"), Arguments.of("sid=abc, b=2", null),
				Arguments.of("a=1, sid=abc; sid=next", "next"), Arguments.of("$Version=1; sid=abc", "abc"),
				Arguments.of("=abc; sid=x", "x"), Arguments.of(";;; sid=x ;;", "x"), Arguments.of("", null),
				Arguments.of("a=\u00e9; \u00e9=1; sid=abc", "abc"), Arguments.of("sid", ASK),
				Arguments.of("sid ; sid=abc", ASK), Arguments.of("sid=caf\u00e9", ASK), Arguments.of("si; sid=x", "x"));
	}

	@ParameterizedTest
	@MethodSource("headers")
	void findWhenHeaderIsReadThenAnswersAsTomcat(String header, String expected) {
		String found = TomcatCookieHeader.find(header, "sid");
		if (expected == ASK) {
			assertThat(found).isSameAs(ASK);
		}
		else {
			assertThat(found).isEqualTo(expected).isNotSameAs(ASK);
		}
	}

	@Test
	void cookieWhenTomcat11ServesARequestThatIsNotTomcatsThenAsksIt() {
		// A mock, like any request whose getCookies() is not Tomcat's, may answer other
		// cookies than its headers hold; TomcatCookieParityTests reads Tomcat's own.
		MockHttpServletRequest request = request("Apache Tomcat/11.0.27");
		request.addHeader("Cookie", "a=1");
		request.addHeader("Cookie", "sid=from-header");
		assertThat(new ServletConnectorRequest(request).cookie("sid")).isEqualTo("from-container");
		assertThat(ServletConnectorRequest.cookiesAreTomcats(request)).isFalse();
		assertThat(ServletConnectorRequest.cookiesAreTomcats(new HttpServletRequestWrapper(request))).isFalse();
	}

	@Test
	void cookieWhenContainerIsAnotherThenAsksIt() {
		for (String server : new String[] { "MockServletContext", "Apache Tomcat/10.1.40", "Apache Tomcat/12.0.0",
				"jetty/12.0.0" }) {
			MockHttpServletRequest request = request(server);
			request.addHeader("Cookie", "sid=from-header");
			assertThat(new ServletConnectorRequest(request).cookie("sid")).as(server).isEqualTo("from-container");
		}
	}

	/**
	 * A request whose container answers {@code from-container} for {@code sid}, while its
	 * headers may say otherwise.
	 */
	private static MockHttpServletRequest request(String serverInfo) {
		MockServletContext context = new MockServletContext() {

			@Override
			public String getServerInfo() {
				return serverInfo;
			}

		};
		MockHttpServletRequest request = new MockHttpServletRequest(context);
		request.setCookies(new Cookie("sid", "from-container"));
		request.removeHeader("Cookie");
		return request;
	}

}

package io.queuekeeper.web.reactive;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading one cookie from raw {@code Cookie} headers by Reactor Netty's rules, and when
 * the WebFlux adapter does so. {@code NettyCookieParityTests} holds the rules against a
 * running Reactor Netty; these say what they are.
 */
class NettyCookieHeaderTests {

	private static final String ASK = NettyCookieHeader.ASK_SERVER;

	static Stream<Arguments> headers() {
		return Stream.of(
				// Cookies end at every semicolon; the first with the name wins.
				Arguments.of("sid=abc", "abc"), Arguments.of("a=1; sid=abc; b=2", "abc"),
				Arguments.of("a=1;sid=abc;b=2", "abc"), Arguments.of("sid=abc; sid=def", "abc"),
				Arguments.of("sidx=1; xsid=2; si=3; id=4", null), Arguments.of("sidx=1; xsid=2; sid=3", "3"),
				Arguments.of("SID=abc", null), Arguments.of("", null), Arguments.of("sid=abc;", "abc"),
				Arguments.of(";;; sid=x;;", "x"), Arguments.of("=abc; sid=x", "x"),
				// Blanks, line breaks and commas before a name are skipped.
				Arguments.of(" \t\r\n\u000b\f,,sid=abc", "abc"), Arguments.of("a=1;\t, sid=abc", "abc"),
				// The value runs to the semicolon: a comma does not end it.
				Arguments.of("a=1, sid=abc", null), Arguments.of("a=1, sid=abc; sid=next", "next"),
				// Empty values, and values with the characters RFC 6265 allows.
				Arguments.of("sid=", ""), Arguments.of("sid=; sid=abc", ""), Arguments.of("sid==a=b", "=a=b"),
				Arguments.of("sid=!#$%&'()*+-./:<>?@[]^_`{|}~", "!#$%&'()*+-./:<>?@[]^_`{|}~"),
				// Double quotes around a value go; an unbalanced one drops the cookie.
				Arguments.of("sid=\"abc\"", "abc"), Arguments.of("sid=\"\"", ""), Arguments.of("sid=\"abc; b=2", null),
				Arguments.of("sid=\"; sid=next", "next"), Arguments.of("sid=abc\"; sid=next", ASK),
				Arguments.of("sid=\"a\"b\"", ASK),
				// A cookie without = is dropped.
				Arguments.of("sid", null), Arguments.of("sid; sid=abc", "abc"), Arguments.of("sid ; sid=abc", "abc"),
				// Old RFC 2965 attributes are other cookies' business.
				Arguments.of("$Version=1; sid=abc", "abc"), Arguments.of("$Version=1, sid=abc; b=2", null),
				Arguments.of("$Version=\"1\"; sid=\"abc\"; $Path=\"/\"", "abc"), Arguments.of("$sid=x; sid=y", "y"),
				// Other cookies with odd names or values do not matter.
				Arguments.of("s(id=1; si d=2; sid=3", "3"), Arguments.of("a=\u00e9; \u00e9=1; sid=abc", "abc"),
				Arguments.of("a=x y; sid=abc", "abc"),
				// Where STRICT drops the cookie and LAX keeps it, only the server knows.
				Arguments.of("sid=a b; sid=next", ASK), Arguments.of("sid=abc ; b=2", ASK),
				Arguments.of("sid= abc", ASK), Arguments.of("sid=a,b; sid=next", ASK),
				Arguments.of("sid=abc, b=2", ASK), Arguments.of("sid=a\\b", ASK), Arguments.of("sid=caf\u00e9", ASK),
				Arguments.of("sid=\"\u00ff\"", ASK), Arguments.of("sid =abc", ASK), Arguments.of("sid\t=abc", ASK),
				Arguments.of("sid\u0001=abc", ASK), Arguments.of("\u0001sid=abc", ASK),
				// A dropped cookie of another name, whatever it holds, is passed over.
				Arguments.of("sid x=1; sid=abc", "abc"), Arguments.of("si=a b; sid=abc", "abc"));
	}

	@ParameterizedTest
	@MethodSource("headers")
	void findWhenHeaderIsReadThenAnswersAsReactorNetty(String header, String expected) {
		String found = NettyCookieHeader.find(header, "sid");
		assertFound(found, expected);
		assertFound(NettyCookieHeader.find(List.of(header), "sid"), expected);
	}

	@Test
	void findWhenSeveralHeadersThenTheFirstCookieWithTheNameWins() {
		assertThat(NettyCookieHeader.find(List.of("a=1", "sid=abc"), "sid")).isEqualTo("abc");
		assertThat(NettyCookieHeader.find(List.of("sid=first", "sid=second"), "sid")).isEqualTo("first");
		assertThat(NettyCookieHeader.find(List.of("sid", "sid=\"x", "b=2; sid=third"), "sid")).isEqualTo("third");
		assertThat(NettyCookieHeader.find(List.of("sid=a b", "sid=second"), "sid")).isSameAs(ASK);
		assertThat(NettyCookieHeader.find(List.of("sid=first", "sid=a b"), "sid")).isEqualTo("first");
		assertThat(NettyCookieHeader.find(List.of("a=1", "b=2"), "sid")).isNull();
		assertThat(NettyCookieHeader.find(List.of(), "sid")).isNull();
		assertThat(NettyCookieHeader.find((List<String>) null, "sid")).isNull();
	}

	@Test
	void findWhenNameIsNotAPlainTokenThenAsksTheServer() {
		for (String name : Arrays.asList("", "$sid", "$Version", "s id", "s;d", "s=d", "s,d", "s\"d", "caf\u00e9",
				"s\td")) {
			assertThat(NettyCookieHeader.find(name + "=1", name)).as(name).isSameAs(ASK);
			assertThat(NettyCookieHeader.find(List.of(name + "=1"), name)).as(name).isSameAs(ASK);
		}
		assertThat(NettyCookieHeader.find("queueitdebug=userid", "queueitdebug")).isEqualTo("userid");
		String session = "QueueITAccepted-SDFrts345E-V3_summer.sale~2";
		assertThat(NettyCookieHeader.find("a=1; " + session + "=EventId%3Dx%26Hash%3D0a", session))
			.isEqualTo("EventId%3Dx%26Hash%3D0a");
	}

	@Test
	void cookieWhenRequestIsNotReactorNettysThenAsksGetCookies() {
		// A mock, like a decorator or another server's request, may answer other cookies
		// than its headers hold; NettyCookieParityTests reads Reactor Netty's own.
		MockServerHttpRequest request = MockServerHttpRequest.get("/")
			.header("Cookie", "sid=from-header")
			.cookie(new HttpCookie("sid", "from-server"))
			.build();
		ServerConnectorRequest adapter = new ServerConnectorRequest(request, null);
		assertThat(ServerConnectorRequest.cookiesAreReactorNettys(request)).isFalse();
		assertThat(adapter.headerCookie("sid")).isSameAs(ASK);
		assertThat(adapter.cookie("sid")).isEqualTo("from-server");
		assertThat(adapter.cookie("other")).isNull();
	}

	private static void assertFound(String found, String expected) {
		if (expected == ASK) {
			assertThat(found).isSameAs(ASK);
		}
		else {
			assertThat(found).isEqualTo(expected).isNotSameAs(ASK);
		}
	}

}

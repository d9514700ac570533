package io.queuekeeper.web.reactive;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.queuekeeper.web.RawHttp;
import io.queuekeeper.web.RawHttp.CookieAnswers;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@link ServerConnectorRequest#cookie} against {@code getCookies()} of a real
 * Reactor Netty server on loopback, as Spring adapts it: the same request, raw
 * {@code Cookie} headers written byte by byte, answered by both. One server decodes
 * cookies with Netty's {@code STRICT} decoder, Reactor Netty's default and Spring Boot's,
 * the other with {@code LAX}. Every case must agree on both; the listed ones must also be
 * settled from the headers, without asking the server.
 */
class NettyCookieParityTests {

	private static final String NAME = "QueueITAccepted-SDFrts345E-V3_summersale";

	private static final String SESSION_VALUE = "EventId%3Dsummersale%26QueueId%3D7f3c2a1e-9b8d%26RedirectType%3Dqueue"
			+ "%26IssueTime%3D1700000000%26Hash%3D0a1b2c3d4e5f";

	/** A path whose requests reach the adapter through {@link HidingRequest}. */
	private static final String HIDING = "/hiding";

	/** A path whose requests reach the adapter mutated, as a filter may hand them on. */
	private static final String MUTATED = "/mutated";

	private static final List<DisposableServer> servers = new ArrayList<>();

	@BeforeAll
	static void startServers() {
		HttpHandler handler = NettyCookieParityTests::bothAnswers;
		ReactorHttpHandlerAdapter adapter = new ReactorHttpHandlerAdapter(handler);
		servers.add(HttpServer.create().host("127.0.0.1").port(0).handle(adapter).bindNow());
		servers.add(HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.cookieCodec(ServerCookieEncoder.LAX, ServerCookieDecoder.LAX)
			.handle(adapter)
			.bindNow());
	}

	@AfterAll
	static void stopServers() {
		servers.forEach(DisposableServer::disposeNow);
		servers.clear();
	}

	static Stream<Arguments> settledFromTheHeaders() {
		return Stream.of(headers(NAME + "=" + SESSION_VALUE), headers("a=1; " + NAME + "=" + SESSION_VALUE + "; b=2"),
				headers(NAME + "=\"" + SESSION_VALUE + "\""), headers("a=1;sid=abc;b=2"), headers("sid="),
				headers("sid=; sid=abc"), headers("sid=abc; sid=def"), headers("a=1", "sid=abc"),
				headers("sid=first", "sid=second"), headers("b=1", "c=2", "sid=third"),
				headers("sidx=1; xsid=2; si=3; id=4; sid=ok"), headers("sid=abc;"), headers(";;; sid=x;;"),
				headers(" \t sid=abc \t "), headers("a=1;\t, ,sid=abc"), headers(", sid=abc"), headers("sid=\"abc\""),
				headers("sid=\"\""), headers("sid=\"abc"), headers("sid=\"abc; x=1"), headers("sid=\"abc\";x=1"),
				headers("sid=\"; sid=next"), headers("sid=\""), headers("sid==x"), headers("sid=a=b"),
				headers("SID=abc"), headers("Sid=abc; sid=low"), headers("a=1, sid=abc"),
				headers("a=1, sid=abc; sid=def"), headers("$Version=1; sid=abc"),
				headers("$Version=\"1\"; sid=\"abc\"; $Path=\"/\""), headers("$version=1, sid=a; b=2"),
				headers("$Version=1"), headers("$sid=x; sid=y"), headers("=abc; sid=x"), headers(""), headers("   "),
				headers("a"), headers("a=1"), headers("sid"), headers("sid; sid=abc"), headers(" sid ; sid=abc"),
				headers("a=1", "sid"), headers("sid=!#$%&'()*+-./:<>?@[]^_`{|}~"), headers("s(id=1; sid=2"),
				headers("si d=1; sid=3"), headers("sid x=1; sid=4"), headers("si=a b; sid=5"),
				headers("a=caf\u00e9; sid=abc"), headers("\u00e9=1; sid=abc"), headers("sid=abc", "\u00e9"),
				headers("sid=abc", "sid=a b"));
	}

	static Stream<Arguments> leftToTheServer() {
		return Stream.of(headers("sid=a b; sid=c"), headers("sid = abc"), headers("sid =abc; sid=x"),
				headers("sid\t=abc"), headers("sid=abc ; b=2"), headers("sid= abc"), headers("sid=abc, x=1"),
				headers("sid=a,b; sid=next"), headers("sid=\"a\"b\""), headers("sid=abc\"; sid=next"),
				headers("sid=a\\b"), headers("sid=caf\u00e9"), headers("sid=\u00c3\u00a9t\u00c3\u00a9"),
				headers("sid=\"\u00ff\""), headers("a=1", "sid=\u00e9", "sid=abc"));
	}

	@ParameterizedTest
	@MethodSource("settledFromTheHeaders")
	void cookieWhenHeadersAreReadThenAnswersAsReactorNettyWithoutAskingIt(List<String> headers) throws IOException {
		List<String> names = names(headers);
		for (DisposableServer server : servers) {
			for (String name : names) {
				CookieAnswers answers = send(server, "/", headers, name);
				assertThat(answers.status()).isEqualTo(200);
				assertThat(answers.ours()).as("%s in %s", name, headers).isEqualTo(answers.container());
				if (name.equals(names.get(0))) {
					assertThat(answers.asked()).as("%s in %s", name, headers).isFalse();
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("leftToTheServer")
	void cookieWhenOnlyTheServerCanTellThenAsksIt(List<String> headers) throws IOException {
		for (DisposableServer server : servers) {
			CookieAnswers answers = send(server, "/", headers, "sid");
			assertThat(answers.status()).isEqualTo(200);
			assertThat(answers.ours()).as("sid in %s", headers).isEqualTo(answers.container());
			assertThat(answers.asked()).as("sid in %s", headers).isTrue();
		}
	}

	@Test
	void cookieWhenDecodersDifferThenBothAreHeard() throws IOException {
		// The cases above ask; this shows why: the two decoders answer differently.
		DisposableServer strict = servers.get(0);
		DisposableServer lax = servers.get(1);
		assertThat(send(strict, "/", List.of("sid=a b; sid=c"), "sid"))
			.isEqualTo(new CookieAnswers(200, "=c", "=c", true));
		assertThat(send(lax, "/", List.of("sid=a b; sid=c"), "sid"))
			.isEqualTo(new CookieAnswers(200, "=a b", "=a b", true));
		assertThat(send(strict, "/", List.of("sid =abc"), "sid"))
			.isEqualTo(new CookieAnswers(200, "null", "null", true));
		assertThat(send(lax, "/", List.of("sid =abc"), "sid")).isEqualTo(new CookieAnswers(200, "=abc", "=abc", true));
	}

	@Test
	void cookieWhenHeadersAreRandomThenAnswersAsReactorNetty() throws IOException {
		long seed = 20261207L;
		Random random = new Random(seed);
		List<String> names = List.of("sid", "si", "a", "$Version");
		int compared = 0;
		int settled = 0;
		for (int i = 0; i < 200; i++) {
			List<String> headers = RawHttp.randomCookieHeaders(random, NettyCookieParityTests::randomHeader);
			for (DisposableServer server : servers) {
				for (String name : names) {
					CookieAnswers answers = send(server, "/", headers, name);
					if (answers.status() == 400) {
						// Netty refuses control characters in any header: no application
						// sees such a request.
						assertThat(String.join("", headers)).contains("\u007f");
						continue;
					}
					assertThat(answers.ours())
						.as("seed %d, case %d, port %d: %s in %s", seed, i, server.port(), name, headers)
						.isEqualTo(answers.container());
					compared++;
					settled += answers.asked() ? 0 : 1;
				}
			}
		}
		assertThat(compared).isGreaterThan(1000);
		assertThat(settled).isGreaterThan(compared / 2);
	}

	/**
	 * A header of one to five cookies, each built from pieces that Netty treats in a
	 * particular way: blanks, quotes, commas, characters that {@code STRICT} refuses,
	 * non-ASCII, old RFC 2965 attributes.
	 */
	private static String randomHeader(Random random) {
		String[] names = { "sid", "sid", "si", "sidx", "xsid", "SID", "a", "$Version", "$Path", "", "s(d", "s\u00e9" };
		String[] blanks = { "", "", "", " ", "\t", "  " };
		String[] values = { "abc", "1", "", "\"", "\"abc\"", ",", "\\", " ", "\t", "=", "%3D", "&", "\u00e9", "\u00ff",
				"\u0080", "'", "(", "~", "\u007f", "x y", ";", ", sid=z" };
		String[] separators = { ";", "; ", " ;", ";;", ", ", "", " " };
		return RawHttp.randomCookieHeader(random, names, blanks, values, separators);
	}

	@Test
	void cookieWhenADecoratorOrAMutatedRequestAnswersGetCookiesThenItIsHeard() throws IOException {
		DisposableServer server = servers.get(0);
		// The decorator hides sid: the adapter must not read it from the headers anyway.
		assertThat(send(server, HIDING, List.of("a=1; sid=abc"), "sid"))
			.isEqualTo(new CookieAnswers(200, "null", "null", true));
		assertThat(send(server, HIDING, List.of("a=1; sid=abc"), "a"))
			.isEqualTo(new CookieAnswers(200, "=1", "=1", true));
		// A mutated request keeps the original's cookies even when its headers change
		// (here to sid=changed).
		assertThat(send(server, MUTATED, List.of("a=1; sid=abc"), "sid"))
			.isEqualTo(new CookieAnswers(200, "=abc", "=abc", true));
		assertThat(send(server, "/", List.of("a=1; sid=abc"), "sid"))
			.isEqualTo(new CookieAnswers(200, "=abc", "=abc", false));
	}

	private static Arguments headers(String... headers) {
		return Arguments.of(List.of(headers));
	}

	/**
	 * The names worth asking for, the one each case is about first: the session cookie's
	 * or {@code sid}, then a few that neighbour it.
	 */
	private static List<String> names(List<String> headers) {
		boolean session = headers.stream().anyMatch((header) -> header.contains(NAME));
		return session ? List.of(NAME, "a", "b") : List.of("sid", "$sid", "$Version", "a", "x", "id", "si d");
	}

	private static CookieAnswers send(DisposableServer server, String path, List<String> headers, String name)
			throws IOException {
		String target = path + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
		return CookieAnswers.parse(RawHttp.exchange(server.port(), RawHttp.cookieRequest(target, headers)));
	}

	/**
	 * CookieAnswers with the adapter's value of the named cookie, whether it asked
	 * {@code getCookies()}, and then {@code getCookies()}'s value, all of the request as
	 * the adapter sees it.
	 */
	private static Mono<Void> bothAnswers(ServerHttpRequest request, ServerHttpResponse response) {
		String name = request.getQueryParams().getFirst("name");
		String path = request.getPath().value();
		ServerHttpRequest seen = switch (path) {
			case HIDING -> new HidingRequest(request);
			case MUTATED -> request.mutate().header("Cookie", "sid=changed").build();
			default -> request;
		};
		ServerConnectorRequest adapter = new ServerConnectorRequest(seen, null);
		boolean asked = adapter.headerCookie(name) == NettyCookieHeader.ASK_SERVER;
		String ours = CookieAnswers.encode(adapter.cookie(name));
		HttpCookie cookie = seen.getCookies().getFirst(name);
		String server = CookieAnswers.encode((cookie != null) ? cookie.getValue() : null);
		byte[] body = (ours + "\n" + server + "\n" + (asked ? "asked" : "settled")).getBytes(StandardCharsets.UTF_8);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.just(buffer));
	}

	/**
	 * A filter's decorator that hides the cookies named {@code sid} from the application.
	 */
	static class HidingRequest extends ServerHttpRequestDecorator {

		HidingRequest(ServerHttpRequest request) {
			super(request);
		}

		@Override
		public MultiValueMap<String, HttpCookie> getCookies() {
			MultiValueMap<String, HttpCookie> cookies = new LinkedMultiValueMap<>(super.getCookies());
			cookies.remove("sid");
			return cookies;
		}

	}

}

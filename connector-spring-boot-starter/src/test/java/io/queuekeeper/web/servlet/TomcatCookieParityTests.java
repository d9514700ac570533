package io.queuekeeper.web.servlet;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import io.queuekeeper.web.RawHttp;
import io.queuekeeper.web.RawHttp.CookieAnswers;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@link ServletConnectorRequest#cookie} against {@code getCookies()} of a real
 * Tomcat on loopback: the same request, raw {@code Cookie} headers written byte by byte,
 * answered by both. Every case must agree; the listed ones must also be settled from the
 * headers, without asking Tomcat.
 */
class TomcatCookieParityTests {

	private static final String NAME = "QueueITAccepted-SDFrts345E-V3_summersale";

	private static final String SESSION_VALUE = "EventId%3Dsummersale%26QueueId%3D7f3c2a1e-9b8d%26RedirectType%3Dqueue"
			+ "%26IssueTime%3D1700000000%26Hash%3D0a1b2c3d4e5f";

	private static final String STATELESS = "/stateless/";

	/** A path whose requests reach the servlet through {@link HidingRequest}. */
	private static final String HIDING = "/hiding";

	private static final Logger TOMCAT_LOGGER = Logger.getLogger("org.apache");

	private static @Nullable Tomcat tomcat;

	private static int port;

	@BeforeAll
	static void startTomcat(@TempDir Path baseDir) throws LifecycleException {
		// Tomcat logs each dropped cookie (the cases drop many) and leak checks at stop.
		TOMCAT_LOGGER.setLevel(Level.SEVERE);
		Tomcat server = LoopbackTomcat.create(baseDir);
		Context context = server.addContext("", baseDir.toString());
		Tomcat.addServlet(context, "cookies", new BothAnswers());
		context.addServletMappingDecoded("/", "cookies");
		context.addServletMappingDecoded(HIDING, "cookies");
		Context stateless = server.addContext(STATELESS.substring(0, STATELESS.length() - 1), baseDir.toString());
		stateless.addServletContainerInitializer(
				(classes, servletContext) -> servletContext.setSessionTrackingModes(Set.of(SessionTrackingMode.URL)),
				null);
		Tomcat.addServlet(stateless, "cookies", new BothAnswers());
		stateless.addServletMappingDecoded("/", "cookies");
		server.start();
		tomcat = server;
		port = server.getConnector().getLocalPort();
	}

	@AfterAll
	static void stopTomcat() throws LifecycleException {
		LoopbackTomcat.stop(tomcat);
	}

	static Stream<Arguments> settledFromTheHeaders() {
		return Stream.of(headers(NAME + "=" + SESSION_VALUE), headers("a=1; " + NAME + "=" + SESSION_VALUE + "; b=2"),
				headers("a=1;sid=abc;b=2"), headers(" sid = abc ; b=2"), headers("\tsid\t=\tabc\t;\tb=2\t"),
				headers("sid="), headers("sid=; sid=abc"), headers("sid=abc; sid=def"), headers("a=1", "sid=abc"),
				headers("sid=first", "sid=second"), headers("b=1", "c=2", "sid=third"),
				headers("sidx=1; xsid=2; si=3; id=4; sid=ok"), headers("sid=abc;"), headers("sid=abc ;"),
				headers("sid=\"abc\""), headers("sid=\"\""), headers("sid=\"abc"), headers("sid=\"abc; x=1"),
				headers("sid=\"abc\";x=1"), headers("sid = \"abc\" ; x=1"), headers("sid=\"a\"b; sid=next"),
				headers("sid=\"a b\"; sid=next"), headers("sid=a\"b; sid=next"), headers("sid=a,b; sid=next"),
				headers("sid=a\\b; sid=next"), headers("sid=a b; sid=next"), headers("sid=abc x; sid=next"),
				headers("sid=abc, x=1"), headers("a=1, sid=abc"), headers("a=1, sid=abc; sid=def"), headers("sid==x"),
				headers("sid=a=b"), headers("SID=abc"), headers("Sid=abc; sid=low"), headers("$Version=1; sid=abc"),
				headers("$Version=\"1\"; sid=\"abc\"; $Path=\"/\""), headers("$sid=x; sid=y"), headers("=abc; sid=x"),
				headers(";;; sid=x ;;"), headers(""), headers("   "), headers("a"), headers("a=1"),
				headers("sid=!#$%&'()*+-./:<>?@[]^_`{|}~"), headers("s(id=1; sid=2"), headers("s/id=1; sid=3"),
				headers("a=\u00e9t\u00e9; sid=abc"), headers("\u00e9=1; sid=abc"), headers("sid=abc", "\u00e9"));
	}

	static Stream<Arguments> leftToTomcat() {
		return Stream.of(headers("sid"), headers("sid; sid=abc"), headers(" sid ; sid=abc"), headers("a=1", "sid"),
				headers("sid=caf\u00e9"), headers("sid=\u00c3\u00a9t\u00c3\u00a9"), headers("sid=\"\u00ff\""),
				headers("sid=\u00e9", "sid=abc"));
	}

	@ParameterizedTest
	@MethodSource("settledFromTheHeaders")
	void cookieWhenHeadersAreReadThenAnswersAsTomcatWithoutAskingIt(List<String> headers) throws IOException {
		List<String> names = names(headers);
		for (String name : names) {
			CookieAnswers answers = send(headers, name);
			assertThat(answers.status()).isEqualTo(200);
			assertThat(answers.ours()).as("%s in %s", name, headers).isEqualTo(answers.container());
			if (name.equals(names.get(0))) {
				assertThat(answers.asked()).as("%s in %s", name, headers).isFalse();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("leftToTomcat")
	void cookieWhenOnlyTomcatCanTellThenAsksIt(List<String> headers) throws IOException {
		CookieAnswers answers = send(headers, "sid");
		assertThat(answers.status()).isEqualTo(200);
		assertThat(answers.ours()).as("sid in %s", headers).isEqualTo(answers.container());
		assertThat(answers.asked()).as("sid in %s", headers).isTrue();
	}

	@Test
	void cookieWhenHeadersAreRandomThenAnswersAsTomcat() throws IOException {
		long seed = 20261207L;
		Random random = new Random(seed);
		List<String> names = List.of("sid", "si", "a", "$Version");
		int compared = 0;
		for (int i = 0; i < 300; i++) {
			List<String> headers = RawHttp.randomCookieHeaders(random, TomcatCookieParityTests::randomHeader);
			for (String name : names) {
				CookieAnswers answers = send(headers, name);
				if (answers.status() == 400) {
					// Tomcat refuses DEL in any header: no application sees such a
					// request.
					assertThat(String.join("", headers)).contains("\u007f");
					continue;
				}
				assertThat(answers.ours()).as("seed %d, case %d: %s in %s", seed, i, name, headers)
					.isEqualTo(answers.container());
				compared++;
			}
		}
		assertThat(compared).isGreaterThan(1000);
	}

	/**
	 * A header of one to five cookies, each built from pieces that Tomcat treats in a
	 * particular way: blanks, quotes, separators, bytes it refuses in values, non-ASCII.
	 */
	private static String randomHeader(Random random) {
		String[] names = { "sid", "si", "sidx", "xsid", "SID", "a", "$Version", "", "s(d", "s\u00e9" };
		String[] blanks = { "", "", " ", "\t", "  " };
		String[] values = { "abc", "1", "", "\"", "\"abc\"", ",", "\\", " ", "\t", "=", "%3D", "&", "\u00e9", "\u00ff",
				"\u0080", "'", "(", "~", "\u007f", "x y", ";" };
		String[] separators = { ";", "; ", " ;", ";;", ", ", "", " " };
		return RawHttp.randomCookieHeader(random, names, blanks, values, separators);
	}

	@Test
	void cookieWhenAWrapperAnswersGetCookiesItselfThenItIsHeard() throws IOException {
		// The wrapper hides sid: the adapter must not read it from the headers anyway.
		CookieAnswers hidden = send(HIDING, List.of("a=1; sid=abc"), "sid");
		assertThat(hidden).isEqualTo(new CookieAnswers(200, "=abc", "null", true));
		assertThat(send(HIDING, List.of("a=1; sid=abc"), "a")).isEqualTo(new CookieAnswers(200, "=1", "=1", true));
		assertThat(send("/", List.of("a=1; sid=abc"), "sid")).isEqualTo(new CookieAnswers(200, "=abc", "=abc", false));
	}

	@Test
	void cookieWhenRequestCarriesMoreCookiesThanTomcatAllowsThenTomcatAnswers() throws IOException {
		// With cookie sessions (the default) Tomcat parses cookies before the application
		// and answers 400; without, getCookies() fails, and the adapter must fail alike.
		assertThat(send("/", List.of(cookies(199) + "; sid=last"), "sid"))
			.isEqualTo(new CookieAnswers(200, "=last", "=last", false));
		assertThat(send("/", List.of(cookies(200) + "; sid=last"), "sid").status()).isEqualTo(400);
		assertThat(send(STATELESS, List.of(cookies(199) + "; sid=last"), "sid"))
			.isEqualTo(new CookieAnswers(200, "=last", "=last", false));
		for (String header : List.of(cookies(200) + "; sid=last", "sid=first; " + cookies(200))) {
			CookieAnswers tooMany = send(STATELESS, List.of(header), "sid");
			assertThat(tooMany.ours()).startsWith("!java.lang.IllegalArgumentException");
			assertThat(tooMany).isEqualTo(new CookieAnswers(200, "null", tooMany.ours(), true));
		}
		CookieAnswers fewerThanSemicolons = send(STATELESS, List.of("sid=first" + ";".repeat(201)), "sid");
		assertThat(fewerThanSemicolons).isEqualTo(new CookieAnswers(200, "=first", "=first", true));
	}

	private static String cookies(int count) {
		StringBuilder cookies = new StringBuilder();
		for (int i = 0; i < count; i++) {
			cookies.append((i > 0) ? "; c" : "c").append(i).append("=v");
		}
		return cookies.toString();
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
		return session ? List.of(NAME, "a", "b") : List.of("sid", "$sid", "$Version", "a", "x", "id");
	}

	private static CookieAnswers send(List<String> headers, String name) throws IOException {
		return send("/", headers, name);
	}

	private static CookieAnswers send(String path, List<String> headers, String name) throws IOException {
		String target = path + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
		return CookieAnswers.parse(RawHttp.exchange(port, RawHttp.cookieRequest(target, headers)));
	}

	/**
	 * CookieAnswers with the adapter's value of the named cookie, whether it asked
	 * Tomcat, and then {@code getCookies()}'s value. Tomcat parses cookies once: after it
	 * refused them it answers that there are none.
	 */
	static class BothAnswers extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			String name = request.getParameter("name");
			HttpServletRequest seen = request.getServletPath().equals(HIDING) ? new HidingRequest(request) : request;
			ServletConnectorRequest adapter = new ServletConnectorRequest(seen);
			boolean asked = adapter.headerCookie(name) == TomcatCookieHeader.ASK_CONTAINER;
			String ours;
			try {
				ours = CookieAnswers.encode(adapter.cookie(name));
			}
			catch (RuntimeException ex) {
				ours = "!" + ex;
			}
			String tomcat;
			try {
				tomcat = CookieAnswers.encode(containerCookie(request, name));
			}
			catch (RuntimeException ex) {
				tomcat = "!" + ex;
			}
			byte[] body = (ours + "\n" + tomcat + "\n" + (asked ? "asked" : "settled"))
				.getBytes(StandardCharsets.UTF_8);
			response.setContentType("text/plain;charset=UTF-8");
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}

		private static @Nullable String containerCookie(HttpServletRequest request, String name) {
			Cookie[] cookies = request.getCookies();
			for (Cookie cookie : (cookies != null) ? cookies : new Cookie[0]) {
				if (cookie.getName().equals(name)) {
					return cookie.getValue();
				}
			}
			return null;
		}

	}

	/**
	 * A filter's wrapper that hides the cookies named {@code sid} from the application.
	 */
	static class HidingRequest extends HttpServletRequestWrapper {

		HidingRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Cookie[] getCookies() {
			Cookie[] cookies = super.getCookies();
			return (cookies != null)
					? Stream.of(cookies).filter((cookie) -> !cookie.getName().equals("sid")).toArray(Cookie[]::new)
					: null;
		}

	}

}

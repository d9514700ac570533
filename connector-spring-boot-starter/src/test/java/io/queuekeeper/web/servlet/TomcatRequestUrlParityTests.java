package io.queuekeeper.web.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.queuekeeper.web.RawHttp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@link ServletConnectorRequest#url()} against {@code getRequestURL()} and
 * {@code getQueryString()} of a real Tomcat on loopback, for requests written byte by
 * byte: every answer must be the same text, whether the adapter wrote the URL itself or
 * asked the request.
 */
class TomcatRequestUrlParityTests {

	/** A path whose requests reach the servlet through {@link ForwardingRequest}. */
	private static final String FORWARDING = "/forwarding";

	/** A path whose requests reach the servlet through {@link RenamingRequest}. */
	private static final String RENAMING = "/renaming";

	private static @Nullable Tomcat tomcat;

	private static int port;

	/** The port of a connector that calls its requests {@code https}. */
	private static int securePort;

	@BeforeAll
	static void startTomcat(@TempDir Path baseDir) throws LifecycleException {
		Logger.getLogger("org.apache").setLevel(Level.SEVERE);
		Tomcat server = LoopbackTomcat.create(baseDir);
		Context context = server.addContext("", baseDir.toString());
		Tomcat.addServlet(context, "urls", new BothAnswers());
		context.addServletMappingDecoded("/", "urls");
		context.addServletMappingDecoded(FORWARDING + "/*", "urls");
		context.addServletMappingDecoded(RENAMING + "/*", "urls");
		Connector secure = LoopbackTomcat.connector();
		secure.setScheme("https");
		secure.setSecure(true);
		server.getService().addConnector(secure);
		server.start();
		tomcat = server;
		port = server.getConnector().getLocalPort();
		securePort = secure.getLocalPort();
	}

	@AfterAll
	static void stopTomcat() throws LifecycleException {
		LoopbackTomcat.stop(tomcat);
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "|", textBlock = """
			/drop/hello                                | shop.example.com
			/drop/hello?color=red&size=42              | shop.example.com
			/drop/hello?                               | shop.example.com
			/drop/hello?queueittoken=e_x~q_y~h_z       | shop.example.com:8080
			/                                          | shop.example.com:80
			/a%20b/%C3%A9t%C3%A9?q=%E2%82%AC&x=a+b     | shop.example.com:443
			/drop/hello                                | 127.0.0.1
			/drop/hello                                | [::1]:8443
			/drop/hello                                | [2001:db8::1]
			/drop//double/./dot/../hello               | Shop.Example.COM
			/drop/hello;jsessionid=abc?x=1             | shop.example.com
			/drop/hello?%00=%FF                        | xn--bcher-kva.example
			""")
	void urlWhenRequestIsTomcatsThenWrittenAsGetRequestUrl(String target, String host) throws IOException {
		Answers answers = send(port, target.strip(), host.strip());
		assertThat(answers.status()).isEqualTo(200);
		assertThat(answers.ours()).isEqualTo(answers.tomcat());
	}

	@Test
	void urlWhenHostHeaderIsMissingOrAbsoluteFormTargetThenWrittenAsGetRequestUrl() throws IOException {
		Answers http10 = send(port, "/drop/hello?x=1", null);
		assertThat(http10.status()).isEqualTo(200);
		assertThat(http10.ours()).isEqualTo(http10.tomcat());
		Answers absolute = send(port, "http://shop.example.com:8080/drop/hello?x=1", "shop.example.com:8080");
		assertThat(absolute.status()).isEqualTo(200);
		assertThat(absolute.ours()).isEqualTo(absolute.tomcat()).startsWith("http://shop.example.com:8080/");
	}

	@Test
	void urlWhenSchemeIsHttpsThenDefaultPortOmittedAsTomcatDoes() throws IOException {
		for (String host : List.of("shop.example.com", "shop.example.com:443", "shop.example.com:80",
				"shop.example.com:8443")) {
			Answers answers = send(securePort, "/drop/hello?x=1", host);
			assertThat(answers.status()).isEqualTo(200);
			assertThat(answers.ours()).as(host).isEqualTo(answers.tomcat()).startsWith("https://");
		}
	}

	@Test
	void urlWhenRequestsAreRandomThenWrittenAsGetRequestUrl() throws IOException {
		long seed = 20261207L;
		Random random = new Random(seed);
		String[] hosts = { "shop.example.com", "shop.example.com:8080", "shop.example.com:80", "127.0.0.1:1", "[::1]",
				"[::1]:80", "a", "SHOP.EXAMPLE.COM:65535" };
		String[] pieces = { "a", "/", "%20", "%2F", "+", ";x=1", "..", ".", "%C3%A9", "~", "-", "_", "!", "$", "'", "(",
				")", "*", ",", "=", ":", "@" };
		String[] queries = { "", "?", "?a=1", "?a=1&b=2", "?q=%E2%82%AC", "?x=a+b", "?=", "?&&", "?a=%", "?%" };
		for (int i = 0; i < 200; i++) {
			StringBuilder target = new StringBuilder("/");
			int count = random.nextInt(6);
			for (int p = 0; p < count; p++) {
				target.append(pieces[random.nextInt(pieces.length)]);
			}
			target.append(queries[random.nextInt(queries.length)]);
			String host = hosts[random.nextInt(hosts.length)];
			Answers answers = send(port, target.toString(), host);
			if (answers.status() != 200) {
				// Tomcat refuses some targets (a 400): no application sees them.
				assertThat(answers.status()).as("seed %d, case %d: %s", seed, i, target).isEqualTo(400);
				continue;
			}
			assertThat(answers.ours()).as("seed %d, case %d: %s on %s", seed, i, target, host)
				.isEqualTo(answers.tomcat());
		}
	}

	@Test
	void urlWhenAWrapperAnswersGetRequestUrlItselfThenItIsHeard() throws IOException {
		Answers answers = send(port, FORWARDING + "/hello?x=1", "internal:8080");
		assertThat(answers.status()).isEqualTo(200);
		assertThat(answers.ours()).isEqualTo("https://shop.example.com/forwarding/hello?x=1")
			.isEqualTo(answers.tomcat());
	}

	@Test
	void urlWhenAWrapperRenamesOnlyTheServerThenWrittenAsDelegationDoes() throws IOException {
		// getRequestURL() delegates to Tomcat, which reads its own server name: the
		// wrapper's name is not in the URL, and the adapter must not put it there.
		Answers answers = send(port, RENAMING + "/hello?x=1", "shop.example.com");
		assertThat(answers.status()).isEqualTo(200);
		assertThat(answers.ours()).isEqualTo("http://shop.example.com/renaming/hello?x=1").isEqualTo(answers.tomcat());
	}

	private static Answers send(int port, String target, @Nullable String host) throws IOException {
		StringBuilder request = new StringBuilder("GET ").append(target);
		if (host != null) {
			request.append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
		}
		else {
			request.append(" HTTP/1.0\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		return Answers.parse(RawHttp.exchange(port, request.toString()));
	}

	/**
	 * What the adapter and the request's own methods answered.
	 */
	record Answers(int status, @Nullable String ours, @Nullable String tomcat) {

		static Answers parse(byte[] answer) {
			RawHttp.Response response = RawHttp.parse(answer);
			if (response.status() != 200) {
				return new Answers(response.status(), null, null);
			}
			return new Answers(response.status(), response.lines()[0], response.lines()[1]);
		}

	}

	/**
	 * Answers with the adapter's URL, then {@code getRequestURL()} and the query as the
	 * request the adapter sees gives them.
	 */
	static class BothAnswers extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			String path = request.getServletPath();
			HttpServletRequest seen = path.equals(FORWARDING) ? new ForwardingRequest(request)
					: path.equals(RENAMING) ? new RenamingRequest(request) : request;
			String ours = new ServletConnectorRequest(seen, true).url();
			String query = seen.getQueryString();
			String tomcat = seen.getRequestURL() + ((query != null) ? "?" + query : "");
			byte[] body = (ours + "\n" + tomcat).getBytes(StandardCharsets.UTF_8);
			response.setContentType("text/plain;charset=UTF-8");
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}

	}

	/**
	 * A wrapper like a forwarded-header filter's: it answers the URL methods itself.
	 */
	static class ForwardingRequest extends HttpServletRequestWrapper {

		ForwardingRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getScheme() {
			return "https";
		}

		@Override
		public String getServerName() {
			return "shop.example.com";
		}

		@Override
		public int getServerPort() {
			return 443;
		}

		@Override
		public StringBuffer getRequestURL() {
			return new StringBuffer("https://shop.example.com").append(getRequestURI());
		}

	}

	/**
	 * A wrapper that changes the server name but leaves {@code getRequestURL()} to the
	 * request it wraps.
	 */
	static class RenamingRequest extends HttpServletRequestWrapper {

		RenamingRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getServerName() {
			return "renamed.example.com";
		}

	}

}

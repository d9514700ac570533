package io.queuekeeper.core;

import io.queuekeeper.core.testing.Decisions;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.Vectors;
import io.queuekeeper.core.token.TokenError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.queuekeeper.core.testing.Vectors.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A waiting room on {@code localhost} or a loopback address is reached over plain http;
 * every other queue domain keeps https.
 */
class LoopbackQueueDomainTests {

	private static final String PAGE = "http://localhost:8080/sale";

	private final QueueConnector connector = Vectors.connectorAt(NOW);

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "LOCALHOST", "LocalHost:8090", "localhost:8090/room", "localhost/room",
			"127.0.0.1", "127.0.0.1:8090", "127.255.255.254", "127.1.2.3:1/path", "127.0.0.1/a.b",
			"localhost/127.0.0.1.nip.io", "localhost:8090/a:b", "[::1]", "[::1]:8090", "[::1]/room", "::1" })
	void isLoopbackWhenLocalhostOrLoopbackLiteralThenTrue(String queueDomain) {
		assertThat(RedirectUrls.isLoopback(queueDomain)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost.evil.com", "localhost.evil.com:8090", "evil.com/localhost", "127.0.0.1.nip.io",
			"127.0.0.1.nip.io:8090", "localhost.", "localhostx", "xlocalhost", "128.0.0.1", "126.0.0.1", "127.0.0",
			"127.0.0.1.2", "127.0.0.256", "127.0.0.0001", "127..0.1", "localhost:80a", "localhost:", "[::1", "[::1]x",
			"[::2]", "::2", "::1:8090", "0:0:0:0:0:0:0:2", "user@localhost", "[::1/]", "[::1]:", "[::1]:80x",
			"127.0.0.1:8090.5", "127.0.0.1.", "ticketania.queue-it.net", "queue.example.com:443" })
	void isLoopbackWhenAnyOtherHostThenFalse(String queueDomain) {
		assertThat(RedirectUrls.isLoopback(queueDomain)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost:8090", "127.0.0.1:8090", "[::1]:8090" })
	void queueWhenLoopbackDomainThenHttpRedirect(String queueDomain) {
		Decision decision = this.connector.queue(TestRequest.get(PAGE).build(),
				QueueEventConfig.of(Vectors.EVENT, queueDomain));
		assertThat(Decisions.redirect(decision).location()).startsWith("http://" + queueDomain + "/?c=ticketania&e=")
			.endsWith("&t=http%3A%2F%2Flocalhost%3A8080%2Fsale");
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost.evil.com", "127.0.0.1.nip.io:8090", "queue.example.com" })
	void queueWhenOtherDomainThenHttpsRedirect(String queueDomain) {
		Decision decision = this.connector.queue(TestRequest.get(PAGE).build(),
				QueueEventConfig.of(Vectors.EVENT, queueDomain));
		assertThat(Decisions.redirect(decision).location()).startsWith("https://" + queueDomain + "/?c=ticketania&e=");
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost:8090", "queue.example.com" })
	void errorAndCancelWhenDomainThenSameSchemeAsQueue(String queueDomain) {
		String scheme = queueDomain.startsWith("localhost") ? "http://" : "https://";
		String badToken = "e_" + Vectors.EVENT + "~q_x~ts_1~h_00";
		Decision error = this.connector.queue(TestRequest.get(PAGE + "?queueittoken=" + badToken).build(),
				QueueEventConfig.of(Vectors.EVENT, queueDomain));
		assertThat(Decisions.redirect(error).location())
			.startsWith(scheme + queueDomain + "/error/" + TokenError.HASH.code() + "/?c=ticketania");
		Decision cancel = this.connector.cancel(TestRequest.get(PAGE).cookie(Vectors.COOKIE_NAME, Vectors.TV14).build(),
				CancelEventConfig.of(Vectors.EVENT, queueDomain));
		assertThat(Decisions.redirect(cancel).location())
			.startsWith(scheme + queueDomain + "/cancel/ticketania/" + Vectors.EVENT);
	}

}

package io.queuekeeper.core.token;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.QueueEventConfig;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.testing.ConnectorFixtures;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.TestSigning;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import static io.queuekeeper.core.testing.ConnectorFixtures.NOW_SECONDS;
import static io.queuekeeper.core.testing.ConnectorFixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Minimal inputs, found by {@link SessionCookiePropertyTests}, on which the engine is
 * wrong. Each stays disabled until the engine is fixed.
 */
class SessionCookieRegressionTests {

	private final QueueConnector connector = ConnectorFixtures.connector();

	@Test
	@Disabled("engine bug: EventChecks accepts '&' in an event id, but SessionCookies.store writes it unescaped "
			+ "into the '&'-separated cookie value, so read() never accepts the cookie it just issued")
	void queueWhenEventIdContainsAmpersandThenCookieIssuedForValidTokenAdmitsNextRequest() {
		QueueEventConfig event = QueueEventConfig.of("a&b", "queue.example.com");
		String token = TestSigning.token(SECRET, "a&b", "qid", NOW_SECONDS + 60, "queue", null);
		Decision first = this.connector.queue(TestRequest
			.get("https://shop.example.com/p?queueittoken=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
			.build(), event);
		assertThat(first.result().queueId()).isEqualTo("qid");
		CookieInstruction issued = first.cookies().get(0);
		Decision next = this.connector
			.queue(TestRequest.get("https://shop.example.com/p").cookie(issued.name(), issued.value()).build(), event);
		assertThat(next).isInstanceOf(Decision.Proceed.class);
		assertThat(next.result().queueId()).isEqualTo("qid");
	}

}

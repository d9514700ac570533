package io.queuekeeper.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.testing.ConfigJson;
import io.queuekeeper.core.testing.CookieMaker;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.TokenMaker;
import io.queuekeeper.core.testing.Vectors;
import io.queuekeeper.core.token.TokenError;
import org.junit.jupiter.api.Test;

import static io.queuekeeper.core.testing.ConfigJson.pathContains;
import static io.queuekeeper.core.testing.Vectors.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine tells its {@link ConnectorObserver}: each refused token with its
 * reason, and each session cookie it would not trust.
 */
class QueueConnectorObserverTests {

	private static final String PAGE = "https://shop.example.com/products/42";

	private final List<String> events = new CopyOnWriteArrayList<>();

	private final IntegrationConfig config = ConfigJson.config()
		.integration(ConfigJson.queue("Sale").set("CookieValidityMinute", 10).and(pathContains("/products")))
		.parse();

	private final QueueConnector connector = new QueueConnector(
			new ConnectorSettings(Vectors.CUSTOMER, Vectors.SECRET, Vectors.clockAt(NOW)), new ConnectorObserver() {

				@Override
				public void tokenRejected(String eventId, TokenError error) {
					QueueConnectorObserverTests.this.events.add("token:" + eventId + ":" + error.code());
				}

				@Override
				public void cookieRejected(String eventId, String reason) {
					QueueConnectorObserverTests.this.events.add("cookie:" + eventId + ":" + reason);
				}

			});

	@Test
	void evaluateWhenTokenHashIsWrongThenObserverHearsHash() {
		this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV05).build(), this.config);
		assertThat(this.events).containsExactly("token:summersale:hash");
	}

	@Test
	void evaluateWhenTokenIsExpiredThenObserverHearsTimestamp() {
		this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV08).build(), this.config);
		assertThat(this.events).containsExactly("token:summersale:timestamp");
	}

	@Test
	void evaluateWhenTokenIsForAnotherEventThenObserverHearsEventId() {
		String token = TokenMaker.queueToken("wintersale", Vectors.TS, "queue").signed();
		this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + token).build(), this.config);
		assertThat(this.events).containsExactly("token:summersale:eventid");
	}

	@Test
	void evaluateWhenTokenIsValidThenObserverHearsNothing() {
		this.connector.evaluate(TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV03).build(), this.config);
		assertThat(this.events).isEmpty();
	}

	@Test
	void evaluateWhenCookieIsTamperedThenObserverHearsInvalid() {
		String tampered = CookieMaker.cookie().issueTime(NOW).hash("00".repeat(32)).wire();
		this.connector.evaluate(TestRequest.get(PAGE).cookie(Vectors.COOKIE_NAME, tampered).build(), this.config);
		assertThat(this.events).containsExactly("cookie:summersale:invalid");
	}

	@Test
	void evaluateWhenCookieIsAuthenticButOldThenObserverHearsExpired() {
		String old = CookieMaker.cookie().issueTime(NOW - 3600).wire();
		this.connector.evaluate(TestRequest.get(PAGE).cookie(Vectors.COOKIE_NAME, old).build(), this.config);
		assertThat(this.events).containsExactly("cookie:summersale:expired");
	}

	@Test
	void evaluateWhenCookieIsValidThenObserverHearsNothing() {
		String fresh = CookieMaker.cookie().issueTime(NOW - 60).wire();
		Decision decision = this.connector.evaluate(TestRequest.get(PAGE).cookie(Vectors.COOKIE_NAME, fresh).build(),
				this.config);
		assertThat(decision).isInstanceOf(Decision.Proceed.class);
		assertThat(this.events).isEmpty();
	}

}

package io.queuekeeper.core;

import io.queuekeeper.core.testing.CookieMaker;
import io.queuekeeper.core.testing.Decisions;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.queuekeeper.core.testing.Vectors.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A queue action defined in code (spec 6.1, local config).
 */
class QueueEventConfigTests {

	private static final String PAGE = "https://shop.example.com/products/42";

	private final QueueConnector connector = Vectors.connectorAt(NOW);

	private static QueueEventConfig withValidity(int minutes) {
		return new QueueEventConfig(Vectors.EVENT, "queue.example.com", null, false, false, minutes, true, null, null,
				QueueEventConfig.LOCAL_VERSION, QueueEventConfig.LOCAL_ACTION_NAME);
	}

	@Test
	void ofWhenEventAndDomainThenJavaConnectorDefaults() {
		QueueEventConfig config = QueueEventConfig.of(Vectors.EVENT, "queue.example.com");
		assertThat(config.version()).isEqualTo(-1);
		assertThat(config.actionName()).isEqualTo("unspecified");
		assertThat(config.cookieValidityMinutes()).isEqualTo(20);
		assertThat(config.extendCookieValidity()).isTrue();
		assertThat(config.cookieDomain()).isNull();
		assertThat(config.cookieHttpOnly()).isFalse();
		assertThat(config.cookieSecure()).isFalse();
		assertThat(config.culture()).isNull();
		assertThat(config.layoutName()).isNull();
	}

	@Test
	void queueWhenNoCookieOrTokenThenRedirectWithLocalDefaults() {
		Decision decision = this.connector.queue(TestRequest.get(PAGE).build(),
				QueueEventConfig.of(Vectors.EVENT, "queue.example.com"));
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.withOurVersion(
				"https://queue.example.com/?c=ticketania&e=summersale&ver=v3-java-3.7.0&cver=-1&man=unspecified"
						+ "&t=https%3A%2F%2Fshop.example.com%2Fproducts%2F42"));
		assertThat(decision.result().actionType()).isEqualTo(ResultType.QUEUE);
		assertThat(decision.result().actionName()).isEqualTo("unspecified");
	}

	@Test
	void queueWhenCultureLayoutVersionAndNameGivenThenSent() {
		QueueEventConfig config = new QueueEventConfig(Vectors.EVENT, "queue.example.com", ".shop.example.com", true,
				true, 20, true, "en-US", "My Layout", 3, "Flash sale");
		Decision decision = this.connector.queue(TestRequest.get(PAGE).build(), config);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.withOurVersion(
				"https://queue.example.com/?c=ticketania&e=summersale&ver=v3-java-3.7.0&cver=3&man=Flash%20sale"
						+ "&cid=en-US&l=My%20Layout&t=https%3A%2F%2Fshop.example.com%2Fproducts%2F42"));
	}

	@Test
	void queueWhenValidTokenThenAcceptedWithTheConfiguredCookieAttributes() {
		QueueEventConfig config = new QueueEventConfig(Vectors.EVENT, "queue.example.com", ".shop.example.com", true,
				true, 20, true, null, null, -1, "unspecified");
		Decision decision = this.connector.queue(TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV03).build(),
				config);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(PAGE);
		assertThat(Decisions.storedValue(decision)).isEqualTo(Vectors.TV12);
		assertThat(Decisions.sessionCookies(decision).get(0).domain()).isEqualTo(".shop.example.com");
		assertThat(Decisions.sessionCookies(decision).get(0).httpOnly()).isTrue();
		assertThat(Decisions.sessionCookies(decision).get(0).secure()).isTrue();
	}

	@Test
	void queueWhenBadTokenThenErrorUrlWithLocalDefaults() {
		Decision decision = this.connector.queue(TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV05).build(),
				QueueEventConfig.of(Vectors.EVENT, "queue.example.com"));
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors
			.withOurVersion("https://queue.example.com/error/hash/?c=ticketania&e=summersale&ver=v3-java-3.7.0&cver=-1"
					+ "&man=unspecified&queueittoken=" + Vectors.TV05 + "&ts=" + NOW
					+ "&t=https%3A%2F%2Fshop.example.com%2Fproducts%2F42"));
	}

	@Test
	void queueWhenValidCookieThenProceedAndExtended() {
		Decision decision = Vectors.connectorAt(NOW + 60)
			.queue(TestRequest.get(PAGE).cookie(Vectors.COOKIE_NAME, Vectors.TV14).build(), withValidity(20));
		Decisions.proceed(decision);
		assertThat(Decisions.storedValue(decision)).isEqualTo(CookieMaker.cookie().issueTime(NOW + 60).value());
	}

	@Test
	void constructorWhenBlankCookieDomainThenHostOnly() {
		QueueEventConfig config = new QueueEventConfig(Vectors.EVENT, "queue.example.com", "  ", false, false, 20, true,
				null, null, -1, "unspecified");
		assertThat(config.cookieDomain()).isNull();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "summer sale", "summer;sale", "summer=sale", "é" })
	void constructorWhenEventIdUnusableThenConfigurationException(String eventId) {
		assertThatExceptionOfType(ConnectorConfigurationException.class)
			.isThrownBy(() -> QueueEventConfig.of(eventId, "queue.example.com"))
			.withMessageContaining("eventId");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "https://queue.example.com", "http://queue.example.com", "HTTPS:queue.example.com",
			"queue example.com", "queue.example.com ", "queue.example.com?x=1", "queue.example.com#x" })
	void constructorWhenQueueDomainUnusableThenConfigurationException(String queueDomain) {
		assertThatExceptionOfType(ConnectorConfigurationException.class)
			.isThrownBy(() -> QueueEventConfig.of(Vectors.EVENT, queueDomain))
			.withMessageContaining("queueDomain");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, Integer.MIN_VALUE })
	void constructorWhenValidityNotPositiveThenConfigurationException(int minutes) {
		assertThatExceptionOfType(ConnectorConfigurationException.class).isThrownBy(() -> withValidity(minutes))
			.withMessageContaining("cookieValidityMinutes");
	}

	@Test
	void constructorWhenValidityIsOneMinuteThenAccepted() {
		assertThat(withValidity(1).cookieValidityMinutes()).isEqualTo(1);
	}

	@Test
	void constructorWhenQueueDomainHasAPathThenAccepted() {
		assertThat(QueueEventConfig.of(Vectors.EVENT, "queue.example.com/room").queueDomain())
			.isEqualTo("queue.example.com/room");
	}

}

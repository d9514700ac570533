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
 * A cancel action defined in code (spec 6.2, local config).
 */
class CancelEventConfigTests {

	private static final String PAGE = "https://shop.example.com/account/leave";

	private final QueueConnector connector = Vectors.connectorAt(NOW);

	@Test
	void ofWhenEventAndDomainThenJavaConnectorDefaults() {
		CancelEventConfig config = CancelEventConfig.of(Vectors.EVENT, "queue.example.com");
		assertThat(config.version()).isEqualTo(-1);
		assertThat(config.actionName()).isEqualTo("unspecified");
		assertThat(config.cookieDomain()).isNull();
		assertThat(config.cookieHttpOnly()).isFalse();
		assertThat(config.cookieSecure()).isFalse();
	}

	@Test
	void cancelWhenValidCookieThenCancelRedirectWithLocalDefaultsAndClear() {
		Decision decision = this.connector.cancel(
				TestRequest.get(PAGE).cookie(Vectors.COOKIE_NAME, Vectors.TV14).build(),
				CancelEventConfig.of(Vectors.EVENT, "queue.example.com"));
		assertThat(Decisions.redirect(decision).location())
			.isEqualTo(Vectors.withOurVersion("https://queue.example.com/cancel/ticketania/summersale/" + Vectors.QID
					+ "?c=ticketania&e=summersale&ver=v3-java-3.7.0&cver=-1&man=unspecified"
					+ "&r=https%3A%2F%2Fshop.example.com%2Faccount%2Fleave"));
		assertThat(Decisions.clearedCookie(decision).domain()).isNull();
		assertThat(decision.result().actionType()).isEqualTo(ResultType.CANCEL);
	}

	@Test
	void cancelWhenCookieAttributesConfiguredThenClearUsesThem() {
		CancelEventConfig config = new CancelEventConfig(Vectors.EVENT, "queue.example.com", ".shop.example.com", true,
				true, 4, "Logout");
		Decision decision = this.connector
			.cancel(TestRequest.get(PAGE).cookie(Vectors.COOKIE_NAME, Vectors.TV14).build(), config);
		assertThat(Decisions.redirect(decision).location()).contains("&cver=4&man=Logout&r=");
		assertThat(Decisions.clearedCookie(decision).domain()).isEqualTo(".shop.example.com");
		assertThat(Decisions.clearedCookie(decision).httpOnly()).isTrue();
		assertThat(Decisions.clearedCookie(decision).secure()).isTrue();
	}

	@Test
	void cancelWhenNoCookieThenCancelResultWithoutRedirect() {
		Decision decision = this.connector.cancel(TestRequest.get(PAGE).build(),
				CancelEventConfig.of(Vectors.EVENT, "queue.example.com"));
		Decisions.proceed(decision);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.CANCEL);
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void cancelWhenCookieInvalidThenLeftInPlace() {
		Decision decision = this.connector.cancel(
				TestRequest.get(PAGE).cookie(Vectors.COOKIE_NAME, CookieMaker.cookie().hash("x").wire()).build(),
				CancelEventConfig.of(Vectors.EVENT, "queue.example.com"));
		Decisions.proceed(decision);
		assertThat(decision.cookies()).isEmpty();
	}

	@Test
	void cancelWhenTokenInUrlThenNotStripped() {
		Decision decision = this.connector.cancel(TestRequest.get(PAGE + "?queueittoken=" + Vectors.TV03).build(),
				CancelEventConfig.of(Vectors.EVENT, "queue.example.com"));
		Decisions.proceed(decision);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "a b" })
	void constructorWhenEventIdUnusableThenConfigurationException(String eventId) {
		assertThatExceptionOfType(ConnectorConfigurationException.class)
			.isThrownBy(() -> CancelEventConfig.of(eventId, "queue.example.com"));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "https://queue.example.com", "queue .example.com" })
	void constructorWhenQueueDomainUnusableThenConfigurationException(String queueDomain) {
		assertThatExceptionOfType(ConnectorConfigurationException.class)
			.isThrownBy(() -> CancelEventConfig.of(Vectors.EVENT, queueDomain))
			.withMessageContaining("queueDomain");
	}

}

package io.queuekeeper.core;

import java.time.Duration;
import java.util.Map;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.enqueue.EnqueueToken;
import io.queuekeeper.core.enqueue.EnqueueTokenCodec;
import io.queuekeeper.core.enqueue.EnqueueTokenExpectation;
import io.queuekeeper.core.enqueue.EnqueueTokenPayload;
import io.queuekeeper.core.enqueue.EnqueueTokenPolicy;
import io.queuekeeper.core.enqueue.EnqueueTokenSettings;
import io.queuekeeper.core.enqueue.EnqueueTokenVerification;
import io.queuekeeper.core.testing.ConnectorFixtures;
import io.queuekeeper.core.testing.DecisionAssertions;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.WireArbitraries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

import static io.queuekeeper.core.testing.ConnectorFixtures.CUSTOMER_ID;
import static io.queuekeeper.core.testing.ConnectorFixtures.EVENT_ID;
import static io.queuekeeper.core.testing.ConnectorFixtures.NOW;
import static io.queuekeeper.core.testing.ConnectorFixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile request values (client address, {@code X-Forwarded-For}, anything a customizer
 * copies from the request) never break a queue redirect with enqueue tokens: the token is
 * URL-safe, verifies, and carries those values unchanged.
 */
class QueueConnectorEnqueueTokenPropertyTests {

	private static final EnqueueTokenSettings BOUND = new EnqueueTokenSettings(true, Duration.ofSeconds(240), true,
			true, true);

	private final IntegrationConfig config = ConnectorFixtures.config();

	private final EnqueueTokenCodec codec = new EnqueueTokenCodec(SECRET);

	private final QueueConnector connector = new QueueConnector(ConnectorFixtures.connector().settings(),
			EnqueueTokenPolicy.of(BOUND).withCustomizer((token) -> {
				String agent = token.request().header("User-Agent");
				if (agent != null) {
					token.key(agent).customData(agent, agent).origin(agent);
				}
			}));

	@Property(tries = 500)
	void evaluateWhenRequestValuesAreArbitraryThenTheQueueRedirectCarriesAVerifiableToken(
			@ForAll("text") String remoteAddress, @ForAll("text") String forwardedFor, @ForAll("text") String agent) {
		TestRequest request = TestRequest.get("https://shop.example.com/drop/item")
			.remoteAddress(remoteAddress)
			.header("X-Forwarded-For", forwardedFor)
			.header("User-Agent", "x" + agent)
			.build();
		Decision decision = this.connector.queue(request, ConnectorFixtures.QUEUE_EVENT);
		DecisionAssertions.assertWellFormed(decision);
		String location = decision.result().redirectUrl();
		assertThat(location).contains("&enqueuetoken=");
		String token = location.substring(location.indexOf("&enqueuetoken=") + 14, location.indexOf("&t="));
		assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
		EnqueueTokenVerification verification = this.codec.verify(token,
				EnqueueTokenExpectation.of(CUSTOMER_ID, EVENT_ID)
					.withKey("x" + agent)
					.withIpAddress(remoteAddress)
					.withForwardedFor(forwardedFor),
				NOW);
		assertThat(verification.error()).isNull();
		EnqueueToken claims = verification.token();
		assertThat(claims.ipAddress()).isEqualTo(remoteAddress.isBlank() ? null : remoteAddress);
		assertThat(claims.forwardedFor()).isEqualTo(forwardedFor.isBlank() ? null : forwardedFor);
		assertThat(claims.payload())
			.isEqualTo(new EnqueueTokenPayload("x" + agent, null, Map.of("x" + agent, "x" + agent), "x" + agent));
		assertThat(claims.expiresAt()).isEqualTo(NOW.plusSeconds(240));
	}

	@Property(tries = 300)
	void evaluateWhenRequestsAreArbitraryThenDecisionsStayWellFormedWithTokensOn(
			@ForAll("requests") TestRequest request) {
		Decision decision = this.connector.evaluate(request, this.config);
		DecisionAssertions.assertWellFormed(decision);
		String url = decision.result().redirectUrl();
		if (url != null && url.contains("&enqueuetoken=")) {
			assertThat(url).startsWith("https://queue.example.com/?");
			assertThat(decision.result().actionType()).isEqualTo(ResultType.QUEUE);
		}
		else if (url != null) {
			assertThat(url).doesNotStartWith("https://queue.example.com/?");
		}
	}

	@Provide
	Arbitrary<String> text() {
		return WireArbitraries.wireText();
	}

	@Provide
	Arbitrary<TestRequest> requests() {
		return WireArbitraries.requests();
	}

}

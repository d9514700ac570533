package io.queuekeeper.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.queuekeeper.core.ConnectorSettings;
import io.queuekeeper.core.Decision;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.QueueEventConfig;
import io.queuekeeper.core.enqueue.EnqueueTokenPolicy;
import io.queuekeeper.core.enqueue.EnqueueTokenSettings;
import io.queuekeeper.core.testing.MutableClock;
import io.queuekeeper.core.testing.TestRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Invite-only events: the simulator lets a visitor join the line only with an enqueue
 * token that the connector signed, unexpired, for this event, carrying an invited key.
 * The tokens come from the real engine's queue redirects.
 */
class InviteOnlyWaitingRoomTests {

	private static final String CUSTOMER = "sample";

	private static final String SECRET = "0b7e2c4a-9d1f-4e3b-8a6c-5f2d1e0c9b8a-3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f";

	private static final String TARGET = "http://localhost:8080/drop";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private WaitingRoomSimulator simulator;

	@BeforeEach
	void start() throws IOException {
		this.simulator = WaitingRoomSimulator.builder(CUSTOMER, SECRET)
			.event("drop")
			.event("sale")
			.inviteOnly("drop", Set.of("alice"))
			.clock(this.clock)
			.start();
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void joinWhenInvitedKeyThenWaitingPage() throws Exception {
		HttpResponse<String> page = get(queueRedirect(SECRET, "drop", "alice"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("You are in line for drop");
	}

	@Test
	void joinWhenNoTokenThenRefused() throws Exception {
		HttpResponse<String> page = get(queueRedirect(SECRET, "drop", null).replaceAll("&enqueuetoken=[^&]*", ""));
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("invite-only").contains("no invitation");
	}

	@Test
	void joinWhenTokenWithoutKeyThenRefused() throws Exception {
		HttpResponse<String> page = get(queueRedirect(SECRET, "drop", null));
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("carries no invited key");
	}

	@Test
	void joinWhenKeyNotInvitedThenRefused() throws Exception {
		HttpResponse<String> page = get(queueRedirect(SECRET, "drop", "mallory"));
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("carries no invited key");
	}

	@Test
	void joinWhenTokenSignedWithOtherSecretThenRefused() throws Exception {
		HttpResponse<String> page = get(queueRedirect(SECRET + "x", "drop", "alice"));
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("was refused: SIGNATURE");
	}

	@Test
	void joinWhenTokenExpiredThenRefused() throws Exception {
		String redirect = queueRedirect(SECRET, "drop", "alice");
		this.clock.advance(Duration.ofSeconds(241));
		HttpResponse<String> page = get(redirect);
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("was refused: EXPIRED");
	}

	@Test
	void joinWhenTokenForOtherEventThenRefused() throws Exception {
		String saleRedirect = queueRedirect(SECRET, "sale", "alice");
		String token = saleRedirect.replaceAll(".*&enqueuetoken=([^&]*).*", "$1");
		String dropRedirect = queueRedirect(SECRET, "drop", "alice").replaceAll("&enqueuetoken=[^&]*",
				"&enqueuetoken=" + token);
		HttpResponse<String> page = get(dropRedirect);
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("was refused: EVENT");
	}

	@Test
	void joinWhenEventNotInviteOnlyThenNoTokenNeeded() throws Exception {
		HttpResponse<String> page = get(queueRedirect(SECRET, "sale", null).replaceAll("&enqueuetoken=[^&]*", ""));
		assertThat(page.statusCode()).isEqualTo(200);
	}

	@Test
	void inviteOnlyWhenEventNotRegisteredThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WaitingRoomSimulator.builder(CUSTOMER, SECRET).event("drop").inviteOnly("vip", Set.of()))
			.withMessageContaining("vip");
	}

	/**
	 * The queue redirect the engine builds for a new visitor, with an enqueue token keyed
	 * as given (no key when {@code null}).
	 */
	private String queueRedirect(String secret, String eventId, String key) {
		EnqueueTokenPolicy policy = EnqueueTokenPolicy
			.of(new EnqueueTokenSettings(true, Duration.ofSeconds(240), false, false, false))
			.withCustomizer((token) -> token.key(key));
		QueueConnector connector = new QueueConnector(new ConnectorSettings(CUSTOMER, secret, this.clock), policy);
		Decision decision = connector.queue(TestRequest.get(TARGET).build(),
				QueueEventConfig.of(eventId, this.simulator.queueDomain()));
		String location = ((Decision.Redirect) decision).location();
		assertThat(location).contains("&enqueuetoken=");
		return location;
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}

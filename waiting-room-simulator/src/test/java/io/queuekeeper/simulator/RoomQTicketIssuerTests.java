package io.queuekeeper.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.roomq.RoomQConnector;
import io.queuekeeper.core.roomq.RoomQSettings;
import io.queuekeeper.core.roomq.RoomQTicket;
import io.queuekeeper.core.testing.MutableClock;
import io.queuekeeper.core.testing.TestRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator as RoomQ's ticket issuer, driven by the real RoomQ engine: the engine's
 * redirect brings the visitor into the line, and the serving ticket the simulator hands
 * back is accepted by {@link RoomQConnector}.
 */
class RoomQTicketIssuerTests {

	private static final String ROOM = "demo-room";

	private static final String ROOM_SECRET = "simulator-room-secret-4b1e";

	private static final String PAGE = "http://localhost:8080/shop/item?id=42";

	private static final Pattern REFRESH = Pattern.compile("url=([^\"]+)\"");

	private static final Pattern SESSION = Pattern.compile("id=\"queue-id\">([^<]+)<");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private WaitingRoomSimulator simulator;

	private RoomQConnector connector;

	@BeforeEach
	void start() throws IOException {
		this.simulator = WaitingRoomSimulator.builder("sample", "queue-it-secret")
			.roomQRoom(ROOM, ROOM_SECRET)
			.outflow(6)
			.roomQServingTime(Duration.ofMinutes(5))
			.clock(this.clock)
			.start();
		this.connector = new RoomQConnector(
				RoomQSettings.of(ROOM, ROOM_SECRET, this.simulator.roomQTicketIssuer().toString())
					.withClock(this.clock));
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void visitWhenTurnComesThenReturnsWithServingTicketTheEngineAdmits() throws Exception {
		Decision first = this.connector.queue(TestRequest.get(PAGE).build());
		assertThat(first).isInstanceOf(Decision.Redirect.class);
		String issuerUrl = ((Decision.Redirect) first).location();
		assertThat(issuerUrl).startsWith(this.simulator.roomQTicketIssuer() + "?noq_t=");
		String selfSigned = first.cookies().get(0).value();

		HttpResponse<String> waiting = get(issuerUrl);
		assertThat(waiting.statusCode()).isEqualTo(200);
		assertThat(waiting.body()).contains("You are in line for " + ROOM).contains("id=\"position\">1<");
		String session = find(SESSION, waiting.body());
		assertThat(session).isEqualTo(this.connector.tickets().verify(selfSigned).orElseThrow().sessionId());

		this.clock.advance(Duration.ofSeconds(11));
		HttpResponse<String> admitted = get(this.simulator.baseUrl()
			.resolve(find(REFRESH, waiting.body()).replace("&amp;", "&").substring(1))
			.toString());
		assertThat(admitted.statusCode()).isEqualTo(302);
		String back = admitted.headers().firstValue("Location").orElseThrow();
		assertThat(back).startsWith(PAGE + "&noq_t=");

		RoomQTicket serving = this.connector.tickets().verify(back.substring(back.indexOf("noq_t=") + 6)).orElseThrow();
		assertThat(serving.type()).isEqualTo(RoomQTicket.SERVING);
		assertThat(serving.sessionId()).isEqualTo(session);
		assertThat(serving.roomId()).isEqualTo(ROOM);
		assertThat(this.connector.admits(serving)).isTrue();

		Decision returning = this.connector.queue(TestRequest.get(back).build());
		assertThat(returning).isInstanceOf(Decision.Redirect.class);
		assertThat(((Decision.Redirect) returning).location()).isEqualTo(PAGE);
		Decision next = this.connector.queue(TestRequest.get("http://localhost:8080/shop/cart")
			.cookie(this.connector.cookieName(), returning.cookies().get(0).value())
			.build());
		assertThat(next).isInstanceOf(Decision.Proceed.class);

		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		assertThat(this.connector.admits(serving)).isFalse();
	}

	@Test
	void visitWhenSomeoneIsAheadThenHeldInLineWithTheSameOutflow() throws Exception {
		get(issuerRedirect());
		HttpResponse<String> second = get(issuerRedirect());
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).contains("id=\"position\">2<");
		this.clock.advance(Duration.ofSeconds(11));
		HttpResponse<String> still = get(this.simulator.baseUrl()
			.resolve(find(REFRESH, second.body()).replace("&amp;", "&").substring(1))
			.toString());
		assertThat(still.statusCode()).isEqualTo(200);
		assertThat(still.body()).contains("id=\"position\">1<");
	}

	@Test
	void visitWhenTicketIsForgedThenStartsANewSession() throws Exception {
		String url = issuerRedirect().replaceFirst("noq_t=[^&]*", "noq_t=eyJhbGciOiJub25lIn0.e30.");
		HttpResponse<String> page = get(url);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(find(SESSION, page.body())).matches("[0-9a-f-]{36}");
	}

	@Test
	void visitWhenRoomIsUnknownThenRefused() throws Exception {
		HttpResponse<String> page = get(issuerRedirect().replace("noq_c=" + ROOM, "noq_c=other-room"));
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Unknown room");
	}

	@Test
	void visitWhenReturnUrlIsNotHttpThenRefused() throws Exception {
		String url = issuerRedirect().replaceFirst("noq_r=.*$", "noq_r=javascript%3Aalert(1)");
		HttpResponse<String> page = get(url);
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("noq_r").doesNotContain("javascript:alert");
	}

	@Test
	void visitWhenReturnUrlIsMissingThenRefused() throws Exception {
		HttpResponse<String> page = get(issuerRedirect().replaceFirst("&noq_r=.*$", ""));
		assertThat(page.statusCode()).isEqualTo(400);
	}

	private String issuerRedirect() {
		return ((Decision.Redirect) this.connector.queue(TestRequest.get(PAGE).build())).location();
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
		return matcher.group(1);
	}

}

package io.queuekeeper.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with the {@code roomq} profile over HTTP: the drop pages go to the local
 * RoomQ ticket issuer, which sends the visitor back with a serving ticket.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.simulator.port=0", "sample.simulator.outflow=" + SampleApplicationTests.OUTFLOW })
@ActiveProfiles("roomq")
class SampleRoomQApplicationTests {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	private Environment environment;

	@Test
	void homeWhenRequestedThenNamesRoomQAndTheProtectedPages() throws Exception {
		HttpResponse<String> home = get(app("/"), null);
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("NoQ RoomQ").contains("provider-note");
	}

	@Test
	void dropPageWhenNoTicketThenRedirectedToLocalIssuerWithTicketRoomAndReturnUrl() throws Exception {
		HttpResponse<String> drop = get(app("/drop"), null);
		assertThat(drop.statusCode()).isEqualTo(302);
		assertThat(drop.headers().firstValue("Location").orElseThrow())
			.startsWith(this.environment.getRequiredProperty("roomq.ticket-issuer") + "?noq_t=eyJ")
			.contains("&noq_c=drop&noq_r=" + "http%3A%2F%2Flocalhost%3A");
		assertThat(drop.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		assertThat(drop.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("be_roomq_t_drop=")
			.contains("Path=/");
	}

	@Test
	void salePageWhenRoomQIsTheProviderThenNotQueued() throws Exception {
		assertThat(get(app("/sale"), null).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String url, String cookie) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String app(String path) {
		return "http://localhost:" + this.environment.getRequiredProperty("local.server.port") + path;
	}

}

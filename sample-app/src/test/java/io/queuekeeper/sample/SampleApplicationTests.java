package io.queuekeeper.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smoke test of the sample over real HTTP: the shop, the embedded waiting room and the
 * round trip between them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.simulator.port=0", "sample.simulator.outflow=" + SampleApplicationTests.OUTFLOW })
class SampleApplicationTests {

	/**
	 * A lone visitor's turn comes after 2 s: quick, yet the browser test has time to look
	 * at the waiting room before its refresh.
	 */
	static final int OUTFLOW = 30;

	private static final Pattern QUEUE_ID = Pattern.compile("id=\"queue-id\">([0-9a-f-]{36})<");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	private Environment environment;

	@Test
	void homeWhenRequestedThenOkAndNotQueued() throws Exception {
		HttpResponse<String> home = get(app("/"), null);
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Queuekeeper sample shop").contains(simulator());
		assertThat(get(app("/about"), null).statusCode()).isEqualTo(200);
	}

	@Test
	void salePageWhenNoSessionThenRedirectedToLocalWaitingRoomByPublishedTrigger() throws Exception {
		HttpResponse<String> sale = get(app("/sale"), null);
		assertThat(sale.statusCode()).isEqualTo(302);
		assertThat(sale.headers().firstValue("Location").orElseThrow())
			.startsWith(simulator() + "?c=sample&e=sale&ver=v3-java-queuekeeper-0.1.0&cver=1&man=Sale&cid=en-US&t=");
	}

	@Test
	void actuatorWhenAskedThenShowsConfigFromLocalGoMatchesUrlsAndNeverAKey() throws Exception {
		HttpResponse<String> status = get(app("/actuator/queueit"), null);
		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(status.body()).contains("\"name\":\"Sale\"").contains("\"eventId\":\"sale\"");
		HttpResponse<String> match = get(app("/actuator/queueit/match?url=http://localhost:8080/sale"), null);
		assertThat(match.statusCode()).isEqualTo(200);
		assertThat(match.body()).contains("\"matched\":true").contains("\"eventId\":\"sale\"");
		HttpResponse<String> health = get(app("/actuator/health"), null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"queueIt\"").contains("\"status\":\"UP\"");
		for (String body : new String[] { status.body(), match.body(), health.body() }) {
			assertThat(body).doesNotContain(this.environment.getRequiredProperty("queueit.secret-key"))
				.doesNotContain(this.environment.getRequiredProperty("queueit.api-key"));
		}
	}

	@Test
	void metricsWhenPageQueuedThenDecisionCounted() throws Exception {
		get(app("/sale"), null);
		HttpResponse<String> decisions = get(app("/actuator/metrics/queueit.decisions?tag=outcome:queue"), null);
		assertThat(decisions.statusCode()).isEqualTo(200);
		assertThat(decisions.body()).contains("\"COUNT\"");
	}

	@Test
	void dropPageWhenNoSessionThenRedirectedByQueueProtected() throws Exception {
		HttpResponse<String> drop = get(app("/drop"), null);
		assertThat(drop.statusCode()).isEqualTo(302);
		assertThat(drop.headers().firstValue("Location").orElseThrow())
			.startsWith(simulator() + "?c=sample&e=drop&ver=v3-java-queuekeeper-0.1.0&cver=-1&man=unspecified"
					+ "&enqueuetoken=")
			.contains("&t=");
	}

	@Test
	void stockCallWhenAjaxAndNoSessionThenQueueItRedirectHeader() throws Exception {
		HttpResponse<String> stock = this.http.send(HttpRequest.newBuilder(URI.create(app("/api/sale/stock")))
			.header("x-queueit-ajaxpageurl", "http%3A%2F%2Flocalhost%2Fsale")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(stock.statusCode()).isEqualTo(200);
		assertThat(stock.body()).isEmpty();
		assertThat(stock.headers().firstValue("x-queueit-redirect").orElseThrow())
			.startsWith("http%3A%2F%2Flocalhost%3A");
	}

	@Test
	void goEndpointWhenApiKeyOfTheAppThenServesTheSampleIntegrationConfig() throws Exception {
		String url = this.environment.getRequiredProperty("queueit.integration-config.url");
		HttpResponse<String> config = this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("api-key", this.environment.getRequiredProperty("queueit.api-key"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(config.statusCode()).isEqualTo(200);
		assertThat(config.body()).contains("\"Version\": 1")
			.contains(simulator().substring(7, simulator().length() - 1));
		assertThat(this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);
	}

	@Test
	void saleWhenTurnComesThenTokenAcceptedStrippedAndSessionLetsVisitorBrowse() throws Exception {
		String queuePage = get(app("/sale"), null).headers().firstValue("Location").orElseThrow();
		HttpResponse<String> waiting = get(queuePage, null);
		assertThat(waiting.statusCode()).isEqualTo(200);
		assertThat(waiting.body()).contains("You are in line for sale");
		Matcher matcher = QUEUE_ID.matcher(waiting.body());
		assertThat(matcher.find()).isTrue();
		String queueId = matcher.group(1);

		HttpResponse<String> turn = awaitTurn(queuePage + "&q=" + queueId);
		String back = turn.headers().firstValue("Location").orElseThrow();
		assertThat(back).startsWith(app("/sale?queueittoken=e_sale~q_" + queueId));

		HttpResponse<String> landed = get(back, null);
		assertThat(landed.statusCode()).isEqualTo(302);
		assertThat(landed.headers().firstValue("Location")).hasValue(app("/sale"));
		String cookie = landed.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
		assertThat(cookie).startsWith("QueueITAccepted-SDFrts345E-V3_sale=");

		HttpResponse<String> item = get(app("/sale/items/2"), cookie);
		assertThat(item.statusCode()).isEqualTo(200);
		assertThat(item.body()).contains("Sale item 2").contains(queueId);

		HttpResponse<String> leave = get(app("/leave"), cookie);
		assertThat(leave.statusCode()).isEqualTo(302);
		assertThat(leave.headers().firstValue("Location").orElseThrow())
			.startsWith(simulator() + "cancel/sample/sale/" + queueId + "?");
	}

	private HttpResponse<String> awaitTurn(String url) throws Exception {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (true) {
			HttpResponse<String> response = get(url, null);
			if (response.statusCode() == 302 || System.nanoTime() > deadline) {
				assertThat(response.statusCode()).isEqualTo(302);
				return response;
			}
			Thread.sleep(50);
		}
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

	private String simulator() {
		return this.environment.getRequiredProperty("sample.simulator.url");
	}

}

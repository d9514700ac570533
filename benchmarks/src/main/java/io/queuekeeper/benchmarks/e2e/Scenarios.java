package io.queuekeeper.benchmarks.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.queuekeeper.benchmarks.IntegrationConfigJson;
import org.jspecify.annotations.Nullable;

/**
 * The requests each scenario sends, and the checks that the application answers them the
 * way the scenario claims before any load is applied: a benchmark of the wrong path
 * reports a number that means nothing.
 */
final class Scenarios {

	static final String CUSTOMER_ID = "acme";

	static final String SECRET_KEY = "9c1f5a7e-3b2d-4e8f-a6c4-1d0e9f8a7b6c-5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b";

	static final String ANNOTATION_EVENT = "vip";

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private Scenarios() {
	}

	/**
	 * Returns the scenarios of one stack, checked against the running applications.
	 * @param baselinePort the port of the application without the starter
	 * @param protectedPort the port of the protected application
	 */
	static List<Scenario> checked(int baselinePort, int protectedPort) throws IOException, InterruptedException {
		String base = "http://127.0.0.1:";
		String configCookie = sessionCookie(base + protectedPort + "/drop/hello", IntegrationConfigJson.DROP_EVENT);
		String annotationCookie = sessionCookie(base + protectedPort + "/vip/hello", ANNOTATION_EVENT);
		// The baseline gets the session cookie too, as a browser sends it whether or not
		// the application checks it: the difference is then only what the starter does.
		List<Scenario> scenarios = List.of(
				new Scenario("unprotected", base + baselinePort + "/drop/hello", configCookie, 200),
				new Scenario("floor+cookie", base + baselinePort + ProtocolFloor.PATH, configCookie, 200),
				new Scenario("config+cookie", base + protectedPort + "/drop/hello", configCookie, 200),
				new Scenario("annotation+cookie", base + protectedPort + "/vip/hello", annotationCookie, 200),
				new Scenario("queue-redirect", base + protectedPort + "/drop/hello", null, 302),
				new Scenario("config-no-match", base + protectedPort + "/open/hello", null, 200));
		for (Scenario scenario : scenarios) {
			check(scenario);
		}
		return scenarios;
	}

	private static void check(Scenario scenario) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scenario.url()));
		if (scenario.cookie() != null) {
			request.header("Cookie", scenario.cookie());
		}
		HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
		boolean ok = response.statusCode() == scenario.expectedStatus();
		if (scenario.expectedStatus() == 200) {
			ok &= BenchmarkApplication.BODY.equals(response.body());
		}
		else {
			ok &= response.headers()
				.firstValue("Location")
				.filter((location) -> location.startsWith("https://" + IntegrationConfigJson.QUEUE_DOMAIN + "/?c="))
				.isPresent();
		}
		if (!ok) {
			throw new IllegalStateException(scenario.name() + ": expected " + scenario.expectedStatus() + " but got "
					+ response.statusCode() + " " + response.headers().map());
		}
	}

	/**
	 * Comes back from the waiting room with a freshly signed token and returns the
	 * session cookie the application sets, as {@code name=value}.
	 */
	private static String sessionCookie(String url, String eventId) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url + "?queueittoken=" + token(eventId))).build();
		HttpResponse<Void> response = CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
		String prefix = "QueueITAccepted-SDFrts345E-V3_" + eventId + "=";
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((header) -> header.startsWith(prefix))
			.map((header) -> header.substring(0, header.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no session cookie for " + eventId + ": "
					+ response.statusCode() + " " + response.headers().map()));
	}

	/** Signs a token as the waiting room does (protocol section 1). */
	private static String token(String eventId) {
		long expires = Instant.now().plusSeconds(180).getEpochSecond();
		String unsigned = "e_" + eventId + "~q_" + UUID.randomUUID() + "~ts_" + expires + "~ce_true~rt_queue";
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return unsigned + "~h_" + HexFormat.of().formatHex(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One kind of request under load.
	 *
	 * @param name the name in the report
	 * @param url the request URL
	 * @param cookie the {@code Cookie} header, if any
	 * @param expectedStatus the status every response must have
	 */
	record Scenario(String name, String url, @Nullable String cookie, int expectedStatus) {

		/** The port of the application that serves the scenario. */
		int port() {
			return URI.create(this.url).getPort();
		}

	}

}

package io.queuekeeper.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.queuekeeper.core.ConnectorSettings;
import io.queuekeeper.core.Decision;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.QueueEventConfig;
import io.queuekeeper.core.ResultType;
import io.queuekeeper.core.testing.MutableClock;
import io.queuekeeper.core.testing.TestRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The simulator over real HTTP on loopback, with a clock moved by hand.
 */
class WaitingRoomSimulatorTests {

	private static final String CUSTOMER = "sample";

	private static final String SECRET = "5ebbf794-1665-4d48-80d6-21ac34be7faedf9e10b3-551a-4682-bb77-fee59d6355d6";

	private static final String API_KEY = "c7d1a2b3-api-key";

	private static final String TARGET = "http://localhost:8080/sale?item=42";

	private static final Pattern QUEUE_ID = Pattern.compile("id=\"queue-id\">([0-9a-f-]{36})<");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@TempDir
	Path dir;

	private Path configFile;

	private WaitingRoomSimulator simulator;

	@BeforeEach
	void start() throws IOException {
		this.configFile = this.dir.resolve("integrationconfig.json");
		Files.writeString(this.configFile, "{\"Version\":1,\"Integrations\":[]}");
		this.simulator = WaitingRoomSimulator.builder(CUSTOMER, SECRET)
			.event("sale")
			.event("drop", "http://localhost:8080/drop")
			.apiKey(API_KEY)
			.integrationConfig(this.configFile)
			.outflow(60)
			.clock(this.clock)
			.start();
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void queuePageWhenTurnComesThenRedirectsWithTokenTheEngineAccepts() throws Exception {
		HttpResponse<String> page = get(queueUrl("sale", TARGET));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"position\">1<").contains("http-equiv=\"refresh\"");
		String queueId = queueId(page);
		assertThat(page.body()).contains("id=\"leave\" href=\"/cancel/sample/sale/" + queueId + "\"");

		this.clock.advance(Duration.ofSeconds(1));
		HttpResponse<String> turn = get(queueUrl("sale", TARGET) + "&q=" + queueId);

		assertThat(turn.statusCode()).isEqualTo(302);
		String location = turn.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(TARGET + "&queueittoken=e_sale~q_" + queueId + "~ts_");
		QueueConnector connector = new QueueConnector(new ConnectorSettings(CUSTOMER, SECRET, this.clock));
		Decision decision = connector.queue(TestRequest.get(location).build(),
				QueueEventConfig.of("sale", this.simulator.queueDomain()));
		assertThat(decision.result().actionType()).isEqualTo(ResultType.QUEUE);
		assertThat(decision.result().queueId()).isEqualTo(queueId);
		assertThat(decision.result().redirectType()).isEqualTo("queue");
	}

	@Test
	void signTokenWhenOtherSecretThenEngineRefusesWithHashError() {
		String token = this.simulator.signToken("sale", "q-1");
		QueueConnector connector = new QueueConnector(new ConnectorSettings(CUSTOMER, SECRET + "x", this.clock));
		Decision decision = connector.queue(TestRequest.get(TARGET + "&queueittoken=" + token).build(),
				QueueEventConfig.of("sale", this.simulator.queueDomain()));
		assertThat(decision).isInstanceOf(Decision.Redirect.class);
		assertThat(((Decision.Redirect) decision).location())
			.startsWith("http://" + this.simulator.queueDomain() + "/error/hash/");
	}

	@Test
	void queuePageWhenOutflowSixtyPerMinuteThenLineDrainsOneVisitorPerSecond() throws Exception {
		String first = queueId(get(queueUrl("sale", TARGET)));
		String second = queueId(get(queueUrl("sale", TARGET)));
		HttpResponse<String> third = get(queueUrl("sale", TARGET));
		assertThat(third.body()).contains("id=\"position\">3<").contains("(3 s)");

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(get(queueUrl("sale", TARGET) + "&q=" + first).statusCode()).isEqualTo(302);
		HttpResponse<String> secondAgain = get(queueUrl("sale", TARGET) + "&q=" + second);
		assertThat(secondAgain.statusCode()).isEqualTo(200);
		assertThat(secondAgain.body()).contains("id=\"position\">1<").contains("(1 s)");
		assertThat(get(queueUrl("sale", TARGET) + "&q=" + queueId(third)).body()).contains("id=\"position\">2<");
	}

	@Test
	void outflowWhenChangedThenNewVisitorsWaitTheNewInterval() throws Exception {
		this.simulator.outflow(6);
		assertThat(get(queueUrl("sale", TARGET)).body()).contains("(10 s)");
	}

	@Test
	void queuePageWhenNoTargetThenEventTargetUsed() throws Exception {
		String queueId = queueId(get("/?c=sample&e=drop"));
		this.clock.advance(Duration.ofSeconds(1));
		HttpResponse<String> turn = get("/?c=sample&e=drop&q=" + queueId);
		assertThat(turn.headers().firstValue("Location").orElseThrow())
			.startsWith("http://localhost:8080/drop?queueittoken=e_drop~q_" + queueId);
	}

	@Test
	void queuePageWhenTargetHasFragmentThenTokenGoesBeforeIt() {
		assertThat(WaitingRoomSimulator.withToken("http://a/b#top", "T")).isEqualTo("http://a/b?queueittoken=T#top");
		assertThat(WaitingRoomSimulator.withToken("http://a/b?x=1", "T")).isEqualTo("http://a/b?x=1&queueittoken=T");
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "ftp://localhost/x", "/relative", "//evil.example/x", "http://",
			"http:///path", "http://user@evil.example/", "data:text/html,x", "http:\\\\evil.example" })
	void queuePageWhenTargetNotAbsoluteHttpThenRefused(String target) throws Exception {
		HttpResponse<String> page = get(queueUrl("sale", target));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("must be an absolute http or https URL");
		assertThat(page.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void queuePageWhenTargetChangedForPlaceInLineThenRefused() throws Exception {
		String queueId = queueId(get(queueUrl("sale", TARGET)));
		this.clock.advance(Duration.ofSeconds(5));
		HttpResponse<String> tampered = get(queueUrl("sale", "http://evil.example/") + "&q=" + queueId);
		assertThat(tampered.statusCode()).isEqualTo(400);
		assertThat(tampered.body()).contains("the address was modified");
		assertThat(tampered.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void queuePageWhenUnknownCustomerThenRefused() throws Exception {
		HttpResponse<String> page = get("/?c=other&e=sale&t=" + enc(TARGET));
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Unknown customer");
	}

	@Test
	void queuePageWhenUnknownEventOrQueueIdThenRefused() throws Exception {
		assertThat(get(queueUrl("other", TARGET)).statusCode()).isEqualTo(404);
		HttpResponse<String> unknownQueueId = get(queueUrl("sale", TARGET) + "&q=not-a-queue-id");
		assertThat(unknownQueueId.statusCode()).isEqualTo(400);
		assertThat(unknownQueueId.body()).contains("Unknown queue id");
	}

	@Test
	void queuePageWhenParameterRepeatedOrMalformedThenRefused() throws Exception {
		assertThat(get(queueUrl("sale", TARGET) + "&c=other").statusCode()).isEqualTo(400);
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> Query.parse("t=%zz"))
			.withMessageContaining("malformed percent-encoding");
	}

	@Test
	void queuePageWhenTargetCarriesMarkupThenEscaped() throws Exception {
		HttpResponse<String> page = get(queueUrl("sale", "http://localhost:8080/?x=\"><script>alert(1)</script>"));
		assertThat(page.statusCode()).isEqualTo(400);
		HttpResponse<String> escaped = get(queueUrl("sale", "http://localhost:8080/?x='onload='alert(1)"));
		assertThat(escaped.statusCode()).isEqualTo(200);
		assertThat(escaped.body()).doesNotContain("'onload='").contains("&#39;onload=&#39;");
		HttpResponse<String> error = get("/error/%3Cscript%3E/?c=sample&e=sale");
		assertThat(error.body()).doesNotContain("<script>").contains("&lt;script&gt;");
	}

	@Test
	void queuePageWhenPostThenRefused() throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(this.simulator.baseUrl()).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(405);
	}

	@Test
	void errorPageWhenHashErrorThenExplainsAndLinksBack() throws Exception {
		HttpResponse<String> page = get("/error/hash/?c=sample&e=sale&queueittoken=x&ts=1&t=" + enc(TARGET));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"code\">hash<")
			.contains("different secret keys")
			.contains("id=\"back\" href=\"http://localhost:8080/sale?item=42\"")
			.contains("id=\"rejoin\"");
		assertThat(get("/error/hash/?c=other&e=sale").statusCode()).isEqualTo(404);
	}

	@Test
	void cancelWhenInLineThenLeavesAndRedirectsToReturnUrl() throws Exception {
		String queueId = queueId(get(queueUrl("sale", TARGET)));
		HttpResponse<String> cancel = get("/cancel/sample/sale/" + queueId
				+ "?c=sample&e=sale&ver=v3&cver=1&man=Leave&r=" + enc("http://localhost:8080/leave"));
		assertThat(cancel.statusCode()).isEqualTo(302);
		assertThat(cancel.headers().firstValue("Location")).hasValue("http://localhost:8080/leave");
		assertThat(get(queueUrl("sale", TARGET) + "&q=" + queueId).body()).contains("Unknown queue id");
	}

	@Test
	void cancelWhenNoReturnUrlThenPage() throws Exception {
		HttpResponse<String> cancel = get("/cancel/sample/sale");
		assertThat(cancel.statusCode()).isEqualTo(200);
		assertThat(cancel.body()).contains("<main><h1 id=\"title\">You left the line for sale</h1>");
	}

	@Test
	void cancelWhenBadReturnUrlOrUnknownCustomerThenRefused() throws Exception {
		assertThat(get("/cancel/sample/sale?r=" + enc("javascript:alert(1)")).statusCode()).isEqualTo(400);
		assertThat(get("/cancel/other/sale?r=" + enc(TARGET)).statusCode()).isEqualTo(404);
		assertThat(get("/cancel/sample/sale?c=other&r=" + enc(TARGET)).statusCode()).isEqualTo(400);
	}

	@Test
	void redirectTargetWhenItHasNonAsciiCharactersThenRefusedAndNoHeaderIsInjected() throws Exception {
		// The JDK server writes each header char as its low byte: U+010D U+010A would
		// become CR LF and split the response.
		String splitting = "http://localhost:8080/x\u010d\u010aSet-Cookie:injected=1";
		HttpResponse<String> cancel = get("/cancel/sample/sale?r=" + enc(splitting));
		assertThat(cancel.statusCode()).isEqualTo(400);
		assertThat(cancel.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(get(queueUrl("sale", splitting)).statusCode()).isEqualTo(400);
		assertThat(get("/error/hash/?c=sample&e=sale&t=" + enc(splitting)).body()).doesNotContain("id=\"back\"");
	}

	@Test
	void unknownPathThenNotFound() throws Exception {
		assertThat(get("/admin").statusCode()).isEqualTo(404);
	}

	@Test
	void integrationConfigWhenApiKeyRightThenServesFileAndRereadsItOnChange() throws Exception {
		HttpResponse<String> first = goRequest(API_KEY);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> type.startsWith("application/json"));
		assertThat(first.body()).isEqualTo("{\"Version\":1,\"Integrations\":[]}");

		Files.writeString(this.configFile, "{\"Version\":2,\"Integrations\":[ ]}");
		Files.setLastModifiedTime(this.configFile, FileTime.from(Instant.now().plusSeconds(10)));
		assertThat(goRequest(API_KEY).body()).isEqualTo("{\"Version\":2,\"Integrations\":[ ]}");
	}

	@Test
	void integrationConfigWhenApiKeyMissingOrWrongThenUnauthorized() throws Exception {
		HttpResponse<String> missing = this.http.send(
				HttpRequest.newBuilder(this.simulator.integrationConfigUrl()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(missing.statusCode()).isEqualTo(401);
		HttpResponse<String> wrong = goRequest(API_KEY + "x");
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.body()).doesNotContain(API_KEY).doesNotContain("Version");
	}

	@Test
	void integrationConfigWhenUnknownCustomerThenNotFound() throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(this.simulator.baseUrl().resolve("status/integrationconfig/secure/other"))
				.header("api-key", API_KEY)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void integrationConfigWhenFileGoneThenServiceUnavailable() throws Exception {
		Files.delete(this.configFile);
		assertThat(goRequest(API_KEY).statusCode()).isEqualTo(503);
	}

	@Test
	void builderWhenEventIdCannotTravelInTokenThenRejected() {
		WaitingRoomSimulator.Builder builder = WaitingRoomSimulator.builder(CUSTOMER, SECRET);
		assertThatIllegalArgumentException().isThrownBy(() -> builder.event("summer_sale"))
			.withMessageContaining("letters, digits and '-'");
		assertThatIllegalArgumentException().isThrownBy(() -> WaitingRoomSimulator.builder(CUSTOMER, " "))
			.withMessage("secretKey must not be blank");
	}

	private HttpResponse<String> goRequest(String apiKey) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(this.simulator.integrationConfigUrl()).header("api-key", apiKey).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
		URI uri = URI.create("http://127.0.0.1:" + this.simulator.port() + pathAndQuery);
		return this.http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String queueUrl(String eventId, String target) {
		return "/?c=sample&e=" + eventId + "&ver=v3-java-queuekeeper-0.1.0&cver=1&man=Sale&t=" + enc(target);
	}

	private static String queueId(HttpResponse<String> page) {
		Matcher matcher = QUEUE_ID.matcher(page.body());
		assertThat(matcher.find()).as("queue id in %s", page.body()).isTrue();
		return matcher.group(1);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

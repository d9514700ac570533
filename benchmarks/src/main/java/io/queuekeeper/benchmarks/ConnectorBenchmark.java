package io.queuekeeper.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.queuekeeper.core.ConnectorSettings;
import io.queuekeeper.core.Decision;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.ResultType;
import io.queuekeeper.core.config.Integration;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigParser;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.internal.HmacSha256;
import io.queuekeeper.core.rules.RequestValues;
import io.queuekeeper.core.token.SessionCookies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one {@link QueueConnector#evaluate} on the paths a busy shop sees, against
 * a config of 20 integrations, and of one bare HMAC-SHA256 as the floor to compare with.
 *
 * <p>
 * Absolute numbers depend on the machine; compare each scenario with {@link #hmacFloor()}
 * from the same run. Requests are built once in {@link #setUp()}, which also checks that
 * each scenario reaches the decision it claims to measure, so a broken scenario fails
 * instead of reporting a fast wrong path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ConnectorBenchmark {

	static final String CUSTOMER_ID = "acme";

	static final String SECRET_KEY = "4e1deb3c-1d2f-4b6a-9a0e-2f4f0c6b8d71-7a3c5e9b-0d2f-4c8e-b1a6-3e5d7f9a0c2b";

	/** Noon UTC on 2026-07-01, in epoch seconds; the clock never moves. */
	static final long NOW = 1782907200L;

	static final String QUEUE_ID = "7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e";

	static final String DROP_URL = "https://shop.example.com/drop/sneaker-42?color=red";

	static final String OTHER_URL = "https://shop.example.com/products/sneaker-42?color=red";

	private QueueConnector connector;

	private IntegrationConfig config;

	private IntegrationConfig dropOnlyConfig;

	private FakeRequest noMatchRequest;

	private FakeRequest validCookieRequest;

	private FakeRequest queueRedirectRequest;

	private FakeRequest validTokenRequest;

	private Mac mac;

	private byte[] cookieLikeMessage;

	@Setup
	public void setUp() throws Exception {
		Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
		this.connector = new QueueConnector(new ConnectorSettings(CUSTOMER_ID, SECRET_KEY, clock));
		this.config = new IntegrationConfigParser().parse(IntegrationConfigJson.build());
		this.dropOnlyConfig = new IntegrationConfig(this.config.version(),
				List.of(this.config.integrations().get(IntegrationConfigJson.INTEGRATIONS - 1)));

		String cookieName = SessionCookies.name(IntegrationConfigJson.DROP_EVENT);
		CookieInstruction session = new SessionCookies(new HmacSha256(SECRET_KEY)).store(
				IntegrationConfigJson.DROP_EVENT, QUEUE_ID, null, "queue", IntegrationConfigJson.COOKIE_DOMAIN, true,
				true, NOW - 120);
		this.noMatchRequest = browser(OTHER_URL, Map.of());
		this.validCookieRequest = browser(DROP_URL, Map.of(cookieName, session.value()));
		this.queueRedirectRequest = browser(DROP_URL, Map.of());
		this.validTokenRequest = browser(DROP_URL + "&queueittoken=" + signedToken(), Map.of());

		this.mac = Mac.getInstance("HmacSHA256");
		this.mac.init(new SecretKeySpec(SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		// What the engine signs for that session cookie: EventId + QueueId + RedirectType
		// + IssueTime.
		this.cookieLikeMessage = (IntegrationConfigJson.DROP_EVENT + QUEUE_ID + "queue" + (NOW - 120))
			.getBytes(StandardCharsets.UTF_8);

		checkScenarios();
	}

	/** A request that no integration matches: every trigger of all 20 is evaluated. */
	@Benchmark
	public Decision noMatch() {
		return this.connector.evaluate(this.noMatchRequest, this.config);
	}

	/** A visitor with a valid session cookie, which is verified and re-issued. */
	@Benchmark
	public Decision validCookie() {
		return this.connector.evaluate(this.validCookieRequest, this.config);
	}

	/**
	 * {@link #validCookie} with a config of only the integration that matches: what the
	 * valid-cookie path costs apart from ruling out the other 19. Not one of the issue's
	 * scenarios; it shows how the time of {@code validCookie} divides.
	 */
	@Benchmark
	public Decision validCookieDropOnly() {
		return this.connector.evaluate(this.validCookieRequest, this.dropOnlyConfig);
	}

	/** A new visitor without cookie or token, redirected to the waiting room. */
	@Benchmark
	public Decision queueRedirect() {
		return this.connector.evaluate(this.queueRedirectRequest, this.config);
	}

	/**
	 * A visitor back from the waiting room with a valid token: the token is verified, the
	 * session cookie stored, and the visitor redirected to the URL without the token.
	 */
	@Benchmark
	public Decision validToken() {
		return this.connector.evaluate(this.validTokenRequest, this.config);
	}

	/** One HMAC-SHA256 over 60 bytes with a ready {@link Mac}: the physical floor. */
	@Benchmark
	public byte[] hmacFloor() {
		return this.mac.doFinal(this.cookieLikeMessage);
	}

	/** The config of 20 integrations. */
	IntegrationConfig config() {
		return this.config;
	}

	/** The config of only the integration that matches {@code /drop/}. */
	IntegrationConfig dropOnlyConfig() {
		return this.dropOnlyConfig;
	}

	/** The request of {@link #validCookie}. */
	FakeRequest validCookieRequest() {
		return this.validCookieRequest;
	}

	/** What the engine signs for the session cookie of {@link #validCookie}. */
	byte[] cookieLikeMessage() {
		return this.cookieLikeMessage;
	}

	private static FakeRequest browser(String url, Map<String, String> cookies) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Host", "shop.example.com");
		headers.put("User-Agent",
				"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36");
		headers.put("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		headers.put("Accept-Language", "en-US,en;q=0.9");
		headers.put("Accept-Encoding", "gzip, deflate, br");
		Map<String, String> jar = new LinkedHashMap<>();
		jar.put("JSESSIONID", "node01q8x3k2m9v7c4b1n6h5j0g2f8.node0");
		jar.put("cart", "3");
		jar.putAll(cookies);
		return FakeRequest.get(url, headers, jar);
	}

	/**
	 * Signs a token the way the waiting room does (protocol section 1), independently of
	 * the engine's own signer, valid for three more minutes.
	 */
	private static String signedToken() throws Exception {
		String unsigned = "e_" + IntegrationConfigJson.DROP_EVENT + "~q_" + QUEUE_ID + "~ts_" + (NOW + 180)
				+ "~ce_true~rt_queue";
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return unsigned + "~h_" + HexFormat.of().formatHex(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
	}

	private void checkScenarios() {
		check(this.cookieLikeMessage.length == 60, "hmacFloor message is " + this.cookieLikeMessage.length + " bytes");
		List<Integration> integrations = this.config.integrations();
		check(integrations.size() == IntegrationConfigJson.INTEGRATIONS, "config has " + integrations.size());
		for (FakeRequest request : List.of(this.noMatchRequest, this.validCookieRequest, this.queueRedirectRequest,
				this.validTokenRequest)) {
			for (Integration integration : integrations.subList(0, integrations.size() - 1)) {
				check(integration.triggers().size() == 2, integration.name() + " must have two triggers");
				check(!integration.matches(new RequestValues(request, request.url())),
						integration.name() + " matches " + request.url());
			}
		}

		Decision noMatch = noMatch();
		check(noMatch instanceof Decision.Proceed && noMatch.result().actionType() == null
				&& noMatch.cookies().isEmpty(), "noMatch: " + noMatch);

		Decision validCookie = validCookie();
		check(validCookie instanceof Decision.Proceed && isDropQueue(validCookie) && validCookie.cookies().size() == 1
				&& reissued(validCookie.cookies().get(0)), "validCookie: " + validCookie);
		check(validCookieDropOnly().equals(validCookie), "validCookieDropOnly: " + validCookieDropOnly());

		Decision queueRedirect = queueRedirect();
		check(queueRedirect instanceof Decision.Redirect redirect && isDropQueue(queueRedirect)
				&& redirect.location().startsWith("https://" + IntegrationConfigJson.QUEUE_DOMAIN + "/?c=acme&e=")
				&& queueRedirect.cookies().isEmpty(), "queueRedirect: " + queueRedirect);

		Decision validToken = validToken();
		check(validToken instanceof Decision.Redirect redirect && isDropQueue(validToken)
				&& redirect.location().equals(DROP_URL) && validToken.cookies().size() == 1
				&& reissued(validToken.cookies().get(0)), "validToken: " + validToken);
	}

	private static boolean isDropQueue(Decision decision) {
		return decision.result().actionType() == ResultType.QUEUE
				&& IntegrationConfigJson.DROP_NAME.equals(decision.result().actionName());
	}

	/**
	 * Whether the cookie is the session cookie, issued now rather than two minutes ago.
	 */
	private static boolean reissued(CookieInstruction cookie) {
		return cookie.name().equals(SessionCookies.name(IntegrationConfigJson.DROP_EVENT))
				&& cookie.value().contains("IssueTime%3D" + NOW) && cookie.value().contains(QUEUE_ID);
	}

	private static void check(boolean condition, String problem) {
		if (!condition) {
			throw new IllegalStateException("Benchmark scenario is broken: " + problem);
		}
	}

}

package io.queuekeeper.boot.roomq;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.queuekeeper.boot.roomq.RoomQRemoteException.Reason;
import io.queuekeeper.core.roomq.RoomQConnector;
import io.queuekeeper.core.roomq.RoomQSettings;
import io.queuekeeper.core.roomq.RoomQTicket;
import io.queuekeeper.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@link RoomQOperations} against a JDK HTTP server on 127.0.0.1 that plays RoomQ's
 * status API and queue backend: the requests of spec §8 E7, and 401, 404, a hang longer
 * than the timeout, garbage and oversized bodies.
 */
class RoomQOperationsTests {

	private static final String SECRET = "example-room-secret";

	/** Spec §8 E4: a serving ticket with deadline 1700003600. */
	private static final String E4 = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb29tX2lkIjoiZGVtby1yb29tIiwic2Vzc2lvbl9pZCI6IjNmMWMyYTllLTViN2QtNGMxZS05YTJiLTAxMjM0NTY3ODlhYiIsInR5cGUiOiJzZXJ2aW5nIiwiZGVhZGxpbmUiOjE3MDAwMDM2MDB9.aAfZyNZYJRTHeUOSG3VWF601eiIV67AWYh09M2I9pyM";

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final ObjectMapper json = new ObjectMapper();

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final Map<String, String> bodies = new ConcurrentHashMap<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1700000000L));

	private HttpServer server;

	private ExecutorService executor;

	private RoomQConnector connector;

	private RoomQTicket ticket;

	private String backend;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.executor = Executors.newCachedThreadPool();
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
		this.backend = "127.0.0.1:" + this.server.getAddress().getPort();
		this.answers.put("GET /api/rooms/demo-room",
				Answer.json(200, "{\"state\":\"running\",\"backend\":\"" + this.backend + "\"}"));
		this.connector = new RoomQConnector(
				RoomQSettings.of("demo-room", SECRET, "https://tickets.roomq.example/tickets").withClock(this.clock));
		this.ticket = this.connector.tickets().verify(E4).orElseThrow();
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	@Test
	void extendWhenRoomQAnswersANewTicketThenSendsE7BodyAndReturnsTheVerifiedTicket() throws Exception {
		String renewed = sign("{\"room_id\":\"demo-room\",\"session_id\":\"3f1c2a9e-5b7d-4c1e-9a2b-0123456789ab\","
				+ "\"type\":\"serving\",\"deadline\":1700005400}");
		this.answers.put("POST /queue/demo-room", Answer.json(200, "{\"id\":\"" + renewed + "\"}"));
		RoomQTicket extended = operations().extend(this.ticket, Duration.ofMinutes(30)).get(5, TimeUnit.SECONDS);
		assertThat(extended.token()).isEqualTo(renewed);
		assertThat(extended.deadline()).isEqualTo(Instant.ofEpochSecond(1700005400L));
		assertThat(this.json.readTree(this.bodies.get("POST /queue/demo-room")))
			.isEqualTo(this.json.readTree("{\"action\":\"beep\",\"client_id\":\"demo-room\",\"id\":\"" + E4
					+ "\",\"extend_serving_duration\":1800}"));
		assertThat(this.requests).containsExactly("GET /api/rooms/demo-room", "POST /queue/demo-room");
	}

	@Test
	void extendWhenRoomQAnswersATicketThatDoesNotVerifyThenBadResponse() {
		this.answers.put("POST /queue/demo-room", Answer.json(200, "{\"id\":\"" + E4 + "x\"}"));
		assertFailure(operations().extend(this.ticket, Duration.ofMinutes(5)), Reason.BAD_RESPONSE);
	}

	@Test
	void extendWhenDurationIsUnderASecondThenFailsWithoutCallingRoomQ() {
		CompletableFuture<RoomQTicket> result = operations().extend(this.ticket, Duration.ofMillis(10));
		assertThat(result).isCompletedExceptionally();
		assertThat(this.requests).isEmpty();
	}

	@Test
	void leaveWhenRoomQConfirmsThenSendsE7DeleteBody() throws Exception {
		this.answers.put("POST /queue/demo-room", Answer.json(200, "{}"));
		operations().leave(this.ticket).get(5, TimeUnit.SECONDS);
		assertThat(this.json.readTree(this.bodies.get("POST /queue/demo-room"))).isEqualTo(this.json
			.readTree("{\"action\":\"delete_serving\",\"client_id\":\"demo-room\",\"id\":\"" + E4 + "\"}"));
	}

	@ParameterizedTest
	@ValueSource(longs = { 1700003600000L, 1700003600L })
	void servingDeadlineWhenRoomQAnswersMillisecondsOrSecondsThenBothAreUnderstood(long deadline) throws Exception {
		this.answers.put("GET /rooms/demo-room/servings/" + E4, Answer.json(200, "{\"deadline\":" + deadline + "}"));
		assertThat(operations().servingDeadline(this.ticket).get(5, TimeUnit.SECONDS))
			.isEqualTo(Instant.ofEpochSecond(1700003600L));
	}

	@Test
	void servingDeadlineWhenAnswerHasNoDeadlineThenBadResponse() {
		this.answers.put("GET /rooms/demo-room/servings/" + E4, Answer.json(200, "{\"deadline\":\"soon\"}"));
		assertFailure(operations().servingDeadline(this.ticket), Reason.BAD_RESPONSE);
	}

	@Test
	void operationsWhenRoomQAnswers401ThenInvalidTicketWithoutTheTicketInTheMessage() {
		this.answers.put("POST /queue/demo-room", Answer.json(401, "{\"error\":\"invalid token\"}"));
		this.answers.put("GET /rooms/demo-room/servings/" + E4, Answer.json(401, "{}"));
		assertFailure(operations().extend(this.ticket, Duration.ofMinutes(1)), Reason.INVALID_TICKET);
		assertFailure(operations().servingDeadline(this.ticket), Reason.INVALID_TICKET);
	}

	@Test
	void operationsWhenRoomQAnswers404ThenNotServing() {
		this.answers.put("POST /queue/demo-room", Answer.json(404, "{}"));
		this.answers.put("GET /rooms/demo-room/servings/" + E4, Answer.json(404, ""));
		assertFailure(operations().leave(this.ticket), Reason.NOT_SERVING);
		assertFailure(operations().servingDeadline(this.ticket), Reason.NOT_SERVING);
	}

	@Test
	void operationsWhenRoomQAnswersAnotherErrorThenBadResponse() {
		this.answers.put("POST /queue/demo-room", Answer.json(503, "{}"));
		assertFailure(operations().leave(this.ticket), Reason.BAD_RESPONSE);
	}

	@Test
	void operationsWhenRoomQHangsLongerThanTheTimeoutThenUnavailableInTime() {
		this.answers.put("POST /queue/demo-room", Answer.HANG);
		long started = System.nanoTime();
		assertFailure(operations().leave(this.ticket), Reason.UNAVAILABLE);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(4));
	}

	@Test
	void operationsWhenStatusApiHangsThenUnavailable() {
		this.answers.put("GET /api/rooms/demo-room", Answer.HANG);
		assertFailure(operations().backend(), Reason.UNAVAILABLE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "<html>oops</html>", "{\"id\":", "[1,2,3]", "", "\u0000\u0001garbage" })
	void operationsWhenRoomQAnswersGarbageThenBadResponse(String body) {
		this.answers.put("POST /queue/demo-room", Answer.json(200, body));
		assertFailure(operations().extend(this.ticket, Duration.ofMinutes(1)), Reason.BAD_RESPONSE);
	}

	@Test
	void operationsWhenBodyIsOversizedThenBadResponse() {
		this.answers.put("POST /queue/demo-room", Answer.json(200, "{\"id\":\"" + "a".repeat(200_000) + "\"}"));
		assertFailure(operations().extend(this.ticket, Duration.ofMinutes(1)), Reason.BAD_RESPONSE);
	}

	@Test
	void backendWhenRoomIsStoppedThenRoomStopped() {
		this.answers.put("GET /api/rooms/demo-room", Answer.json(200, "{\"state\":\"stopped\",\"backend\":\"x\"}"));
		assertFailure(operations().leave(this.ticket), Reason.ROOM_STOPPED);
		assertThat(this.requests).containsExactly("GET /api/rooms/demo-room");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"state\":\"running\"}", "{\"state\":\"running\",\"backend\":\"\"}",
			"{\"state\":\"running\",\"backend\":\"evil.example/x?y=\"}",
			"{\"state\":\"running\",\"backend\":\"user@evil.example\"}", "{\"backend\":7}" })
	void backendWhenStatusNamesNoUsableBackendThenBadResponse(String status) {
		this.answers.put("GET /api/rooms/demo-room", Answer.json(200, status));
		assertFailure(operations().backend(), Reason.BAD_RESPONSE);
	}

	@Test
	void backendWhenCalledAgainWithinTheTtlThenStatusIsAskedOnce() throws Exception {
		RoomQOperations operations = operations();
		assertThat(operations.backend().get(5, TimeUnit.SECONDS)).isEqualTo(this.backend);
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(operations.backend().get(5, TimeUnit.SECONDS)).isEqualTo(this.backend);
		assertThat(this.requests).hasSize(1);
		this.clock.advance(Duration.ofSeconds(1));
		operations.backend().get(5, TimeUnit.SECONDS);
		assertThat(this.requests).hasSize(2);
	}

	@Test
	void operationsWhenNothingListensThenUnavailable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		RoomQOperations operations = new RoomQOperations(this.connector,
				"http://127.0.0.1:" + closedPort + "/api/rooms", TIMEOUT, TIMEOUT, Duration.ofSeconds(30), true,
				this.clock);
		assertFailure(operations.backend(), Reason.UNAVAILABLE);
	}

	@Test
	void constructWhenSettingsAreOutOfRangeThenRejected() {
		String status = "http://" + this.backend + "/api/rooms";
		assertThatIllegalArgumentException().isThrownBy(() -> new RoomQOperations(this.connector, status, Duration.ZERO,
				TIMEOUT, Duration.ofSeconds(30), true, this.clock));
		assertThatIllegalArgumentException().isThrownBy(() -> new RoomQOperations(this.connector, status, TIMEOUT,
				TIMEOUT, Duration.ofSeconds(61), true, this.clock));
	}

	private RoomQOperations operations() {
		return new RoomQOperations(this.connector, "http://" + this.backend + "/api/rooms/", TIMEOUT, TIMEOUT,
				Duration.ofSeconds(30), true, this.clock);
	}

	private static void assertFailure(CompletableFuture<?> result, Reason reason) {
		try {
			result.get(20, TimeUnit.SECONDS);
			fail("Expected a failure with " + reason);
		}
		catch (ExecutionException ex) {
			assertThat(ex.getCause()).isInstanceOf(RoomQRemoteException.class);
			RoomQRemoteException failure = (RoomQRemoteException) ex.getCause();
			assertThat(failure.reason()).as("%s", failure).isEqualTo(reason);
			assertThat(failure.getMessage()).contains("demo-room").doesNotContain(E4).doesNotContain(SECRET);
		}
		catch (Exception ex) {
			throw new AssertionError("Expected " + reason + ", got " + ex, ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
		this.requests.add(key);
		this.bodies.put(key, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		Answer answer = this.answers.getOrDefault(key, Answer.json(500, "{}"));
		if (answer == Answer.HANG) {
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
			return;
		}
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer.status(), (body.length > 0) ? body.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static String sign(String claims) throws GeneralSecurityException {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String input = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
				+ "." + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return input + "." + encoder.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
	}

	private record Answer(int status, String body) {

		static final Answer HANG = new Answer(0, "");

		static Answer json(int status, String body) {
			return new Answer(status, body);
		}

	}

}

package io.queuekeeper.boot.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.queuekeeper.boot.actuate.QueueItEndpoint;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.InvalidIntegrationConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The provider against a JDK HTTP server on 127.0.0.1 that plays the GO platform.
 */
class CachingIntegrationConfigProviderTests {

	private static final String API_KEY = "9c0d7e1f-api-key-4b5a-8e6d-2f1c0b9a8d7e";

	private static final Duration FAST = Duration.ofMillis(200);

	private GoPlatformServer go;

	private final List<CachingIntegrationConfigProvider> providers = new ArrayList<>();

	@BeforeEach
	void startGo() throws Exception {
		this.go = new GoPlatformServer();
	}

	@AfterEach
	void stop() {
		this.providers.forEach(CachingIntegrationConfigProvider::close);
		this.go.close();
	}

	@Test
	void startWhenGoPublishesThenFirstSnapshotIsLoadedWithApiKeyAndUserAgent() {
		this.go.publish(GoPlatformServer.config(5, "Summer Sale"));
		CachingIntegrationConfigProvider provider = provider(Duration.ofMinutes(5), Duration.ofSeconds(2), null);
		provider.start(null, Duration.ofSeconds(5));
		assertThat(provider.current()).map(IntegrationConfig::version).hasValue(5);
		IntegrationConfigStatus status = provider.status();
		assertThat(status.source()).isEqualTo(IntegrationConfigSource.GO);
		assertThat(status.publishDate()).isEqualTo("2026-11-25T10:00:00Z");
		assertThat(status.successes()).isEqualTo(1);
		assertThat(status.failures()).isZero();
		assertThat(status.lastSuccess()).isNotNull();
		assertThat(status.integrations())
			.containsExactly(new IntegrationConfigStatus.IntegrationSummary("Summer Sale", "Queue", "summersale"));
		assertThat(this.go.requests()).first().satisfies((request) -> {
			assertThat(request.method()).isEqualTo("GET");
			assertThat(request.path()).isEqualTo(GoPlatformServer.PATH);
			assertThat(request.apiKey()).isEqualTo(API_KEY);
			assertThat(request.userAgent()).startsWith("queueit-connector");
		});
	}

	@Test
	void pollWhenNewVersionIsPublishedThenItIsServedWithinOnePollInterval() {
		this.go.publish(GoPlatformServer.config(5, "Summer Sale"));
		Duration interval = Duration.ofMillis(400);
		CachingIntegrationConfigProvider provider = provider(interval, Duration.ofSeconds(2), null);
		provider.start(null, Duration.ofSeconds(5));
		this.go.publish(GoPlatformServer.config(6, "Winter Sale"));
		long published = System.nanoTime();
		awaitTrue(() -> provider.current().map(IntegrationConfig::version).orElse(0) == 6, Duration.ofSeconds(5));
		Duration took = Duration.ofNanos(System.nanoTime() - published);
		// One interval, plus the time the poll itself takes on a busy machine.
		assertThat(took).isLessThan(interval.plusMillis(300));
		assertThat(provider.status().integrations()).extracting(IntegrationConfigStatus.IntegrationSummary::name)
			.containsExactly("Winter Sale");
	}

	static Stream<Arguments> badAnswers() {
		return Stream.of(Arguments.of("HTTP 500", GoPlatformServer.Answer.status(500), "HTTP 500"),
				Arguments.of("HTTP 401", GoPlatformServer.Answer.status(401), "queueit.api-key"),
				Arguments.of("hang", GoPlatformServer.Answer.hanging(), "no answer"),
				Arguments.of("body stalls after the headers",
						GoPlatformServer.Answer.stalledBody(GoPlatformServer.config(9, "Slow")), "no answer"),
				Arguments.of("truncated", GoPlatformServer.Answer.truncated(GoPlatformServer.config(9, "Cut")),
						"failed"),
				Arguments.of("non-JSON", GoPlatformServer.Answer.document("<html>maintenance</html>"),
						"not valid JSON"),
				Arguments.of("older Version", GoPlatformServer.Answer.document(GoPlatformServer.config(4, "Old")),
						"older"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badAnswers")
	void pollWhenGoAnswersBadlyThenPreviousSnapshotIsKeptAndFailureIsVisible(String name,
			GoPlatformServer.Answer answer, String reason) {
		this.go.publish(GoPlatformServer.config(5, "Summer Sale"));
		CachingIntegrationConfigProvider provider = provider(FAST, Duration.ofMillis(300), null);
		provider.start(null, Duration.ofSeconds(5));
		assertThat(provider.status().successes()).isEqualTo(1);
		this.go.answer(answer);
		awaitTrue(() -> provider.status().failures() >= 2, Duration.ofSeconds(10));
		assertThat(provider.current()).map(IntegrationConfig::version).hasValue(5);
		IntegrationConfigStatus status = new QueueItEndpoint(provider).status().integrationConfig();
		assertThat(status.version()).isEqualTo(5);
		assertThat(status.source()).isEqualTo(IntegrationConfigSource.GO);
		assertThat(status.successes()).isEqualTo(1);
		assertThat(status.lastFailure()).isNotNull();
		assertThat(status.lastFailureReason()).contains(reason).doesNotContain(API_KEY);
	}

	@Test
	void pollWhenHangingThenNoRequestThreadWaitsAndOnlyThePollerIsInTheHttpClient() {
		this.go.answer(GoPlatformServer.Answer.hanging());
		CachingIntegrationConfigProvider provider = provider(Duration.ofMinutes(5), Duration.ofSeconds(3), null);
		long start = System.nanoTime();
		provider.start(null, Duration.ofMillis(300));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(provider.current()).isEmpty();
		awaitTrue(() -> !threadsIn("IntegrationConfigClient.fetch").isEmpty(), Duration.ofSeconds(5));
		assertThat(threadsIn("IntegrationConfigClient.fetch")).allSatisfy(
				(thread) -> assertThat(thread).startsWith(CachingIntegrationConfigProvider.POLLER_THREAD_PREFIX));
		// The HTTP client's own threads are its selector and the daemon executor the
		// client was built with; no request or test thread ever runs its code.
		assertThat(threadsIn("jdk.internal.net.http.")).isNotEmpty()
			.doesNotContain(Thread.currentThread().getName())
			.allSatisfy((thread) -> assertThat(thread).matches("queueit-config-.*|HttpClient-.*-SelectorManager"));
	}

	@Test
	void startWhenGoIsDownAfterRestartThenSnapshotFileProtects(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("state").resolve("queueit-config.json");
		this.go.publish(GoPlatformServer.config(8, "Summer Sale"));
		CachingIntegrationConfigProvider first = provider(Duration.ofMinutes(5), Duration.ofSeconds(2), file);
		first.start(null, Duration.ofSeconds(5));
		assertThat(first.current()).map(IntegrationConfig::version).hasValue(8);
		first.close();
		assertThat(file).exists();
		assertThat(Files.readString(file)).isEqualTo(GoPlatformServer.config(8, "Summer Sale"));
		try (Stream<Path> files = Files.list(file.getParent())) {
			assertThat(files).containsExactly(file);
		}
		this.go.answer(GoPlatformServer.Answer.status(503));
		CachingIntegrationConfigProvider restarted = provider(Duration.ofMinutes(5), Duration.ofSeconds(2), file);
		restarted.start(null, Duration.ofSeconds(5));
		assertThat(restarted.current()).map(IntegrationConfig::version).hasValue(8);
		assertThat(restarted.status().source()).isEqualTo(IntegrationConfigSource.SNAPSHOT_FILE);
		awaitTrue(() -> restarted.status().failures() >= 1, Duration.ofSeconds(5));
		assertThat(restarted.current()).map(IntegrationConfig::version).hasValue(8);
	}

	@Test
	void startWhenLocationIsGivenThenItIsTheFirstSnapshotAndGoReplacesIt() {
		this.go.publish(GoPlatformServer.config(6, "From GO"));
		CachingIntegrationConfigProvider provider = provider(FAST, Duration.ofSeconds(2), null);
		provider.start(GoPlatformServer.config(5, "From file"), Duration.ofSeconds(5));
		assertThat(provider.current()).isPresent();
		awaitTrue(() -> provider.status().source() == IntegrationConfigSource.GO, Duration.ofSeconds(5));
		assertThat(provider.current()).map(IntegrationConfig::version).hasValue(6);
	}

	@Test
	void startWhenLocationDocumentIsBrokenThenFails() {
		CachingIntegrationConfigProvider provider = this
			.track(new CachingIntegrationConfigProvider(null, Duration.ofMinutes(5), null, Clock.systemUTC()));
		assertThatExceptionOfType(InvalidIntegrationConfigException.class)
			.isThrownBy(() -> provider.start("{\"Version\":", Duration.ZERO));
		assertThat(provider.current()).isEmpty();
	}

	@Test
	void offerWhenOlderVersionThenCurrentIsKept() {
		CachingIntegrationConfigProvider provider = this
			.track(new CachingIntegrationConfigProvider(null, Duration.ofMinutes(5), null, Clock.systemUTC()));
		provider.start(GoPlatformServer.config(5, "Current"), Duration.ZERO);
		assertThat(provider.offer(GoPlatformServer.config(4, "Old"), IntegrationConfigSource.PUSH)).isFalse();
		assertThat(provider.current()).map(IntegrationConfig::version).hasValue(5);
		assertThat(provider.offer(GoPlatformServer.config(7, "New"), IntegrationConfigSource.PUSH)).isTrue();
		assertThat(provider.current()).map(IntegrationConfig::version).hasValue(7);
		assertThat(provider.status().source()).isEqualTo(IntegrationConfigSource.PUSH);
		assertThat(provider.status().failures()).isEqualTo(1);
		assertThat(provider.polls()).isFalse();
	}

	@Test
	void evaluateWhenSnapshotsAreSwappedUnderLoadThenNoRequestFailsOrWaits() throws Exception {
		this.go.publish(GoPlatformServer.config(1, "GO"));
		CachingIntegrationConfigProvider provider = provider(Duration.ofMillis(20), Duration.ofSeconds(2), null);
		provider.start(null, Duration.ofSeconds(5));
		io.queuekeeper.core.QueueConnector connector = new io.queuekeeper.core.QueueConnector(
				new io.queuekeeper.core.ConnectorSettings("ticketania", "secret-key-for-the-load-test",
						Clock.systemUTC()));
		int workers = 4;
		int requestsPerWorker = 20_000;
		List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
		Set<String> clientThreads = ConcurrentHashMap.newKeySet();
		Map<Integer, Long> slowest = new ConcurrentHashMap<>();
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < workers; w++) {
			int worker = w;
			threads.add(new Thread(() -> {
				long worst = 0;
				int lastVersion = 0;
				for (int i = 0; i < requestsPerWorker; i++) {
					try {
						long start = System.nanoTime();
						Optional<IntegrationConfig> config = provider.current();
						io.queuekeeper.core.Decision decision = connector
							.evaluate(new TestRequest("https://shop.example.com/sale/" + i), config.orElseThrow());
						worst = Math.max(worst, System.nanoTime() - start);
						if (decision.result() == null || config.get().version() < lastVersion) {
							throw new AssertionError("went back from version " + lastVersion);
						}
						lastVersion = config.get().version();
					}
					catch (Throwable ex) {
						errors.add(ex);
					}
				}
				slowest.put(worker, worst);
			}, "request-" + w));
		}
		Thread pusher = new Thread(() -> {
			for (int version = 2; version < 200; version++) {
				provider.offer(GoPlatformServer.config(version, "Push " + version), IntegrationConfigSource.PUSH);
				this.go.publish(GoPlatformServer.config(version, "GO " + version));
				clientThreads.addAll(threadsIn("IntegrationConfigClient.fetch"));
				Thread.onSpinWait();
			}
		}, "pusher");
		threads.forEach(Thread::start);
		pusher.start();
		for (Thread thread : threads) {
			thread.join(60_000);
		}
		pusher.join(60_000);
		assertThat(errors).isEmpty();
		assertThat(provider.current()).map(IntegrationConfig::version).hasValue(199);
		assertThat(clientThreads).allSatisfy(
				(thread) -> assertThat(thread).startsWith(CachingIntegrationConfigProvider.POLLER_THREAD_PREFIX));
		// A request that waited for a download would take at least one round trip to
		// the server; reading the cache takes microseconds.
		assertThat(slowest.values())
			.allSatisfy((nanos) -> assertThat(Duration.ofNanos(nanos)).isLessThan(Duration.ofSeconds(1)));
	}

	private CachingIntegrationConfigProvider provider(Duration pollInterval, Duration timeout, Path snapshotFile) {
		IntegrationConfigClient client = new IntegrationConfigClient(this.go.uri(), API_KEY, timeout);
		return track(new CachingIntegrationConfigProvider(client, pollInterval, snapshotFile, Clock.systemUTC()));
	}

	private CachingIntegrationConfigProvider track(CachingIntegrationConfigProvider provider) {
		this.providers.add(provider);
		return provider;
	}

	static List<String> threadsIn(String frame) {
		List<String> names = new ArrayList<>();
		Thread.getAllStackTraces().forEach((thread, stack) -> {
			for (StackTraceElement element : stack) {
				if ((element.getClassName() + "." + element.getMethodName()).contains(frame)) {
					names.add(thread.getName());
					return;
				}
			}
		});
		return names;
	}

	static void awaitTrue(BooleanSupplier condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within " + timeout);
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	/**
	 * A plain GET of a URL.
	 */
	record TestRequest(String url) implements io.queuekeeper.core.http.ConnectorRequest {

		@Override
		public String method() {
			return "GET";
		}

		@Override
		public String header(String name) {
			return null;
		}

		@Override
		public String cookie(String name) {
			return null;
		}

	}

}

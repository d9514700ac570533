package io.queuekeeper.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigParser;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.internal.HmacSha256;
import io.queuekeeper.core.testing.ConnectorFixtures;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.TestSigning;
import io.queuekeeper.core.token.SessionCookies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.queuekeeper.core.testing.ConnectorFixtures.NOW_SECONDS;
import static io.queuekeeper.core.testing.ConnectorFixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * One shared {@link QueueConnector} under load from many threads while the config
 * snapshot is swapped underneath them (STYLE §6, §7).
 */
class QueueConnectorConcurrencyTests {

	private static final int THREADS = 8;

	private static final int REQUESTS_PER_THREAD = 4_000;

	private static final String QUEUE_ID = "7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e";

	private static final String CONFIG = """
			{
			  "Version": %d,
			  "Integrations": [ {
			    "Name": "Drop %s", "ActionType": "Queue", "EventId": "%s", "QueueDomain": "%s.queue.example.com",
			    "CookieValidityMinute": 20, "ExtendCookieValidity": true,
			    "Triggers": [ { "LogicalOperator": "And", "TriggerParts": [
			      { "ValidatorType": "UrlValidator", "UrlPart": "PagePath", "Operator": "Contains", "ValueToCompare": "/drop/" }
			    ] } ]
			  } ]
			}
			""";

	private final IntegrationConfigParser parser = new IntegrationConfigParser();

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void evaluateWhenSnapshotIsSwappedUnderLoadThenEveryDecisionMatchesTheSnapshotItRead() throws Exception {
		QueueConnector connector = ConnectorFixtures.connector();
		IntegrationConfig configA = this.parser.parse(CONFIG.formatted(1, "a", "a", "a"));
		IntegrationConfig configB = this.parser.parse(CONFIG.formatted(2, "b", "b", "b"));
		List<TestRequest> requests = requests();
		List<Decision> expectedA = new ArrayList<>();
		List<Decision> expectedB = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			expectedA.add(connector.evaluate(requests.get(i), configA));
			expectedB.add(connector.evaluate(requests.get(i), configB));
			assertMatchesSnapshot(i, expectedA.get(i), "a", 1);
			assertMatchesSnapshot(i, expectedB.get(i), "b", 2);
			assertThat(expectedA.get(i)).isNotEqualTo(expectedB.get(i));
		}
		AtomicReference<IntegrationConfig> snapshot = new AtomicReference<>(configA);
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong swaps = new AtomicLong();
		Queue<String> mismatches = new ConcurrentLinkedQueue<>();
		CyclicBarrier start = new CyclicBarrier(THREADS + 1);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
		try {
			Future<?> swapper = pool.submit(() -> {
				start.await();
				while (running.get()) {
					snapshot.set((snapshot.get() == configA) ? configB : configA);
					swaps.incrementAndGet();
					Thread.yield();
				}
				return null;
			});
			List<Future<long[]>> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				workers.add(pool.submit(() -> {
					long[] seen = new long[2];
					start.await();
					for (int n = 0; n < REQUESTS_PER_THREAD; n++) {
						int index = (n * 7 + thread) % requests.size();
						IntegrationConfig read = snapshot.get();
						Decision decision = connector.evaluate(requests.get(index), read);
						boolean isA = (read == configA);
						Decision expected = (isA ? expectedA : expectedB).get(index);
						if (!expected.equals(decision)) {
							mismatches.add("request " + index + " on snapshot " + (isA ? "A" : "B") + ": " + decision);
						}
						seen[isA ? 0 : 1]++;
					}
					return seen;
				}));
			}
			long seenA = 0;
			long seenB = 0;
			for (Future<long[]> worker : workers) {
				long[] seen = worker.get(60, TimeUnit.SECONDS);
				seenA += seen[0];
				seenB += seen[1];
			}
			running.set(false);
			swapper.get(10, TimeUnit.SECONDS);
			assertThat(mismatches).isEmpty();
			assertThat(seenA + seenB).isEqualTo((long) THREADS * REQUESTS_PER_THREAD);
			assertThat(seenA).as("evaluations on snapshot A").isPositive();
			assertThat(seenB).as("evaluations on snapshot B").isPositive();
			assertThat(swaps.get()).isGreaterThan(1);
		}
		finally {
			running.set(false);
			pool.shutdownNow();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void hexWhenOneSignerIsSharedByManyThreadsThenEveryThreadComputesTheSameSignatures() throws Exception {
		HmacSha256 shared = new HmacSha256(SECRET);
		SessionCookies cookies = new SessionCookies(shared);
		List<String> messages = messages();
		List<String> expected = messages.stream().map((message) -> TestSigning.hmacHex(SECRET, message)).toList();
		String expectedCookie = TestSigning.sessionCookie(SECRET, "sale", QUEUE_ID, null, "queue", NOW_SECONDS);
		HmacSha256 knownAnswer = new HmacSha256("528f01d4-30f9-4753-95b3-2c8c33966abc");
		Queue<String> mismatches = new ConcurrentLinkedQueue<>();
		CyclicBarrier start = new CyclicBarrier(THREADS);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<Integer>> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				workers.add(pool.submit(() -> {
					start.await();
					int checks = 0;
					for (int round = 0; round < 10; round++) {
						for (int n = 0; n < messages.size(); n++) {
							int index = (n + thread * 37 + round) % messages.size();
							String actual = shared.hex(messages.get(index));
							if (!actual.equals(expected.get(index))) {
								mismatches.add("thread " + thread + " message " + index + ": " + actual);
							}
							checks++;
						}
						String cookie = cookies.store("sale", QUEUE_ID, null, "queue", null, false, false, NOW_SECONDS)
							.value();
						if (!cookie.equals(expectedCookie)) {
							mismatches.add("thread " + thread + " cookie: " + cookie);
						}
						String tv01 = knownAnswer.hex(
								"ts_1480593661~cv_10~ce_false~q_944c1f44-60dd-4e37-aabc-f3e4bb1c8895~c_customerid~e_eventid~rt_disabled");
						if (!tv01.equals("286a17fb82009d8556465b2f0880a8e5e9565b42490669f4b8f1b93b7d6ddd51")) {
							mismatches.add("thread " + thread + " TV-01: " + tv01);
						}
						String tv02 = knownAnswer.hex("");
						if (!tv02.equals("eea56ce827b37369656f502c5a418cce5959d078ef2993589274ed7b26828d8b")) {
							mismatches.add("thread " + thread + " TV-02: " + tv02);
						}
					}
					return checks;
				}));
			}
			int checks = 0;
			for (Future<Integer> worker : workers) {
				checks += worker.get(60, TimeUnit.SECONDS);
			}
			assertThat(mismatches).isEmpty();
			assertThat(checks).isEqualTo(THREADS * 10 * messages.size());
		}
		finally {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	/**
	 * Four kinds of request, each decided differently by the two snapshots: a plain page,
	 * a page with a valid token for event {@code a}, a page with a valid session cookie
	 * for event {@code b}, and an AJAX call.
	 */
	private static List<TestRequest> requests() {
		String tokenForA = TestSigning.token(SECRET, "a", QUEUE_ID, NOW_SECONDS + 180, "queue", null);
		String cookieForB = TestSigning.sessionCookie(SECRET, "b", QUEUE_ID, null, "queue", NOW_SECONDS - 60);
		List<TestRequest> requests = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			String url = "https://shop.example.com/drop/item-" + i + "?size=" + i;
			requests.add(TestRequest.get(url).build());
			requests.add(TestRequest.get(url + "&queueittoken=" + tokenForA).build());
			requests.add(TestRequest.get(url).cookie(SessionCookies.name("b"), cookieForB).build());
			requests.add(TestRequest.get(url)
				.header(QueueConnector.AJAX_PAGE_URL_HEADER, "https%3A%2F%2Fshop.example.com%2Fdrop%2Fpage-" + i)
				.build());
		}
		return requests;
	}

	/**
	 * Checks a decision taken sequentially against what its snapshot must produce, so the
	 * concurrent run can compare with it for equality.
	 */
	private static void assertMatchesSnapshot(int index, Decision decision, String event, int version) {
		String waitingRoom = "https://" + event + ".queue.example.com/";
		String prefix = "?c=acme&e=" + event + "&ver=" + QueueConnector.SDK_VERSION + "&cver=" + version
				+ "&man=Drop%20" + event;
		assertThat(decision.result().eventId()).isEqualTo(event);
		assertThat(decision.result().actionName()).isEqualTo("Drop " + event);
		switch (index % 4) {
			case 0 -> assertThat(decision).isInstanceOfSatisfying(Decision.Redirect.class,
					(redirect) -> assertThat(redirect.location()).startsWith(waitingRoom + prefix + "&t="));
			case 1 -> {
				if (event.equals("a")) {
					assertThat(decision).isInstanceOfSatisfying(Decision.Redirect.class,
							(redirect) -> assertThat(redirect.location()).doesNotContain("queueittoken"));
					assertThat(decision.cookies()).extracting(CookieInstruction::name, CookieInstruction::value)
						.containsExactly(tuple(SessionCookies.name("a"),
								TestSigning.sessionCookie(SECRET, "a", QUEUE_ID, null, "queue", NOW_SECONDS)));
				}
				else {
					assertThat(decision).isInstanceOfSatisfying(Decision.Redirect.class,
							(redirect) -> assertThat(redirect.location())
								.startsWith(waitingRoom + "error/eventid/" + prefix));
				}
			}
			case 2 -> {
				if (event.equals("b")) {
					assertThat(decision).isInstanceOf(Decision.Proceed.class);
					assertThat(decision.cookies()).extracting(CookieInstruction::name, CookieInstruction::value)
						.containsExactly(tuple(SessionCookies.name("b"),
								TestSigning.sessionCookie(SECRET, "b", QUEUE_ID, null, "queue", NOW_SECONDS)));
				}
				else {
					assertThat(decision).isInstanceOfSatisfying(Decision.Redirect.class,
							(redirect) -> assertThat(redirect.location()).startsWith(waitingRoom + prefix));
				}
			}
			default -> assertThat(decision).isInstanceOfSatisfying(Decision.AjaxRedirect.class,
					(ajax) -> assertThat(ajax.location()).startsWith(waitingRoom + prefix + "&t=https%3A%2F%2Fshop"));
		}
	}

	private static List<String> messages() {
		Random random = new Random(42);
		List<String> messages = new ArrayList<>();
		messages.add("");
		messages.add("sale" + QUEUE_ID + "queue" + NOW_SECONDS);
		for (int i = 0; i < 300; i++) {
			StringBuilder message = new StringBuilder();
			int length = random.nextInt(200);
			for (int c = 0; c < length; c++) {
				message.append((char) ((random.nextInt(4) == 0) ? random.nextInt(0xD7FF) : 32 + random.nextInt(95)));
			}
			messages.add(message.toString());
		}
		return messages;
	}

}

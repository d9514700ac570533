package io.queuekeeper.benchmarks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.queuekeeper.core.internal.HmacSha256;
import io.queuekeeper.core.rules.RequestValues;
import io.queuekeeper.core.token.CookieState;
import io.queuekeeper.core.token.SessionCookies;

/**
 * How the time of {@link ConnectorBenchmark#validCookie()} divides: each step the engine
 * takes on that path, called on its own with the benchmark's request and config, read by
 * best thread CPU time per call as {@link CpuTimeRatios} reads whole scenarios, with
 * {@link ConnectorBenchmark#hmacFloor()} timed in the same rounds:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.queuekeeper.benchmarks.CostBreakdown
 * </pre>
 *
 * The steps overlap the whole only roughly (a step called alone keeps its data in cache
 * and builds no exchange around it), so they are a guide to where time goes, not parts
 * that add up exactly.
 */
public final class CostBreakdown {

	private CostBreakdown() {
	}

	/**
	 * Times each step for the number of rounds given by the first argument (100 by
	 * default; the first fifth is warm-up) and prints the best time per call of each and
	 * its ratio to the floor.
	 */
	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 100;
		ConnectorBenchmark benchmark = new ConnectorBenchmark();
		benchmark.setUp();
		HmacSha256 hmac = new HmacSha256(ConnectorBenchmark.SECRET_KEY);
		SessionCookies cookies = new SessionCookies(hmac);
		FakeRequest request = benchmark.validCookieRequest();
		String event = IntegrationConfigJson.DROP_EVENT;
		long now = ConnectorBenchmark.NOW;
		CookieState state = cookies.read(request, event, 20, true, now);
		byte[] message = benchmark.cookieLikeMessage();
		byte[] hex = new byte[64];

		Map<String, Supplier<?>> steps = new LinkedHashMap<>();
		steps.put("hmacFloor (Mac.doFinal)", benchmark::hmacFloor);
		steps.put("engine HMAC, signed and written as hex", () -> {
			hmac.message().append(message, 0, message.length).writeHex(hex, 0);
			return hex;
		});
		steps.put("cookie read (one HMAC)", () -> cookies.read(request, event, 20, true, now));
		steps.put("cookie re-issue (one HMAC)",
				() -> cookies.reissue(state, event, null, IntegrationConfigJson.COOKIE_DOMAIN, true, true, now));
		steps.put("matching, 20 integrations",
				() -> benchmark.config().firstMatch(new RequestValues(request, ConnectorBenchmark.DROP_URL)));
		steps.put("matching, the drop integration only",
				() -> benchmark.dropOnlyConfig().firstMatch(new RequestValues(request, ConnectorBenchmark.DROP_URL)));
		steps.put("validCookie", benchmark::validCookie);
		steps.put("validCookieDropOnly", benchmark::validCookieDropOnly);

		Map<String, Double> best = CpuTimeRatios.bestNanosPerCall(steps, rounds);
		double floor = best.values().iterator().next();
		best.forEach(
				(step, time) -> System.out.printf(Locale.ROOT, "%-40s %8.1f ns %6.2fx%n", step, time, time / floor));
	}

}

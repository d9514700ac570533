package io.queuekeeper.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A second way to read {@link ConnectorBenchmark}'s ratios on a shared, noisy machine:
 * calls one scenario and {@link ConnectorBenchmark#hmacFloor()} in alternating rounds and
 * keeps the best <em>thread CPU time</em> per call of each, which other processes disturb
 * far less than the wall time JMH measures. Run one scenario per JVM, as JMH forks:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.queuekeeper.benchmarks.CpuTimeRatios validCookie
 * </pre>
 *
 * It is not a replacement for JMH (no blackholes beyond a volatile sink, no control of
 * dead code), only a steadier reading of the same calls.
 */
public final class CpuTimeRatios {

	private static final Map<String, Function<ConnectorBenchmark, Object>> SCENARIOS = Map.of("noMatch",
			ConnectorBenchmark::noMatch, "validCookie", ConnectorBenchmark::validCookie, "validCookieDropOnly",
			ConnectorBenchmark::validCookieDropOnly, "queueRedirect", ConnectorBenchmark::queueRedirect, "validToken",
			ConnectorBenchmark::validToken);

	private static final int CALLS_PER_ROUND = 20_000;

	static volatile Object sink;

	private CpuTimeRatios() {
	}

	/**
	 * Calls the code {@value #CALLS_PER_ROUND} times and returns the thread CPU time per
	 * call, in nanoseconds.
	 */
	static double nanosPerCall(Supplier<?> code) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long start = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < CALLS_PER_ROUND; i++) {
			sink = code.get();
		}
		return (threads.getCurrentThreadCpuTime() - start) / (double) CALLS_PER_ROUND;
	}

	/**
	 * Times each call in turn, {@link #nanosPerCall} per round, for the given number of
	 * rounds, and returns the best time of each, in the order given; the first fifth of
	 * the rounds is warm-up.
	 */
	static Map<String, Double> bestNanosPerCall(Map<String, Supplier<?>> calls, int rounds) {
		Map<String, Double> best = new LinkedHashMap<>();
		for (int round = 0; round < rounds; round++) {
			for (Map.Entry<String, Supplier<?>> call : calls.entrySet()) {
				double time = nanosPerCall(call.getValue());
				if (round >= rounds / 5) {
					best.merge(call.getKey(), time, Math::min);
				}
			}
		}
		return best;
	}

	/**
	 * Runs the scenario named by the first argument for the number of rounds given by the
	 * second (150 by default; the first fifth is warm-up) and prints the best time per
	 * call of it and of the floor, and their ratio.
	 */
	public static void main(String[] args) throws Exception {
		Function<ConnectorBenchmark, Object> scenario = (args.length > 0) ? SCENARIOS.get(args[0]) : null;
		if (scenario == null) {
			System.err.println("Usage: CpuTimeRatios " + SCENARIOS.keySet() + " [rounds]");
			System.exit(2);
			return;
		}
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 150;
		ConnectorBenchmark benchmark = new ConnectorBenchmark();
		benchmark.setUp();
		Map<String, Supplier<?>> calls = new LinkedHashMap<>();
		calls.put(args[0], () -> scenario.apply(benchmark));
		calls.put("hmacFloor", benchmark::hmacFloor);
		Map<String, Double> best = bestNanosPerCall(calls, rounds);
		double bestScenario = best.get(args[0]);
		double bestFloor = best.get("hmacFloor");
		System.out.printf(Locale.ROOT, "%s: %.1f ns, hmacFloor: %.1f ns, ratio %.2fx%n", args[0], bestScenario,
				bestFloor, bestScenario / bestFloor);
	}

}

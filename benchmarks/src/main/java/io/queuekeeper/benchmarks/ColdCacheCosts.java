package io.queuekeeper.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@link ConnectorBenchmark}'s calls cost when the processor's caches do not hold
 * the engine's code and data, as in an application, whose own work between two requests
 * pushes them out. JMH calls a scenario back to back, so that everything it touches stays
 * in the caches; this reads the same calls after sweeping a block of memory through the
 * caches before each one:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.queuekeeper.benchmarks.ColdCacheCosts [KiB] [calls]
 * </pre>
 *
 * The first argument is the size of the swept block (2,048 KiB by default, more than the
 * machine's level-2 cache and less than its level-3 one, as an application's work between
 * two requests is); the second, how many calls of each scenario are timed (3,000 by
 * default). Each call is timed on its own with {@link System#nanoTime()}, and the median
 * is printed less the median of timing nothing, next to the warm time of the same call
 * read as {@link CpuTimeRatios} reads it.
 */
public final class ColdCacheCosts {

	private static long[] block = new long[0];

	private static volatile long sink;

	private ColdCacheCosts() {
	}

	/**
	 * Prints, for the floor and each scenario, the median cold time per call, the best
	 * warm time per call, and each as a ratio to the floor's.
	 */
	public static void main(String[] args) throws Exception {
		int kibibytes = (args.length > 0) ? Integer.parseInt(args[0]) : 2048;
		int calls = (args.length > 1) ? Integer.parseInt(args[1]) : 3000;
		block = new long[kibibytes * 1024 / Long.BYTES];
		ConnectorBenchmark benchmark = new ConnectorBenchmark();
		benchmark.setUp();
		Map<String, Supplier<?>> scenarios = new LinkedHashMap<>();
		scenarios.put("hmacFloor", benchmark::hmacFloor);
		scenarios.put("noMatch", benchmark::noMatch);
		scenarios.put("validCookie", benchmark::validCookie);
		scenarios.put("validCookieDropOnly", benchmark::validCookieDropOnly);
		scenarios.put("queueRedirect", benchmark::queueRedirect);
		scenarios.put("validToken", benchmark::validToken);

		Map<String, Double> warm = CpuTimeRatios.bestNanosPerCall(scenarios, 40);
		long nothing = coldMedian(() -> null, calls);
		Map<String, Long> cold = new LinkedHashMap<>();
		scenarios.forEach((name, scenario) -> cold.put(name, coldMedian(scenario, calls) - nothing));

		double warmFloor = warm.get("hmacFloor");
		double coldFloor = cold.get("hmacFloor");
		System.out.printf(Locale.ROOT, "swept %d KiB before each of %d calls%n", kibibytes, calls);
		System.out.printf(Locale.ROOT, "%-20s %9s %7s %9s %7s %9s%n", "scenario", "warm ns", "× floor", "cold ns",
				"× floor", "cold/warm");
		for (String name : scenarios.keySet()) {
			double warmTime = warm.get(name);
			long coldTime = cold.get(name);
			System.out.printf(Locale.ROOT, "%-20s %9.1f %6.2fx %9d %6.2fx %8.2fx%n", name, warmTime,
					warmTime / warmFloor, coldTime, coldTime / coldFloor, coldTime / warmTime);
		}
	}

	/**
	 * The median time of one call of the code right after sweeping the block.
	 */
	private static long coldMedian(Supplier<?> code, int calls) {
		long[] times = new long[calls];
		for (int i = 0; i < calls; i++) {
			sweep();
			long start = System.nanoTime();
			Object result = code.get();
			times[i] = System.nanoTime() - start;
			sink += System.identityHashCode(result);
		}
		Arrays.sort(times);
		return times[calls / 2];
	}

	/**
	 * Writes one word of each 64-byte line of the block, so that the lines replace what
	 * the caches held.
	 */
	private static void sweep() {
		long[] words = block;
		long sum = 0;
		for (int i = 0; i < words.length; i += 8) {
			words[i]++;
			sum += words[i];
		}
		sink += sum;
	}

}

package io.queuekeeper.benchmarks.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

import io.queuekeeper.benchmarks.IntegrationConfigJson;
import io.queuekeeper.benchmarks.e2e.AppProcess.Cost;
import io.queuekeeper.benchmarks.e2e.Scenarios.Scenario;

/**
 * What the starter costs a real application. For each web stack it starts two copies of
 * {@link BenchmarkApplication} on loopback, each in a JVM of its own — one with
 * {@code queueit.enabled=false} (the baseline, which also serves the protocol's floor,
 * {@link ProtocolFloor}), one protected by a 20-integration config and
 * {@code @QueueProtected} — and drives each scenario with {@code wrk}, in interleaved
 * rounds so that a noisy moment of the machine hurts every scenario alike. Around each
 * run it reads what the application under load has cost (its process's CPU time, and its
 * Java threads' CPU time and allocation), which gives the cost of a request apart from
 * how much CPU the host lent the run, and how long the starter took to decide each
 * request ({@link DecisionTimes}). Medians over the rounds are reported, with the ratio
 * to the baseline measured in the same run.
 *
 * <p>
 * Options (all optional): {@code --stacks=mvc,webflux}, {@code --scenarios=} (names,
 * comma-separated; the first one is the baseline of the ratios), {@code --rounds=3},
 * {@code --seconds=10}, {@code --warmup=5}, {@code --threads=1},
 * {@code --connections=16}, {@code --profile=true} (the starter's share of CPU samples;
 * {@code false} reads the starter's decision times instead), {@code --decision-cpu=false}
 * ({@code true}, with {@code --profile=false}, also reads the deciding thread's CPU time,
 * {@link CpuTimedWaitingRoom}), {@code --decision-repeat=false} ({@code true}, with
 * {@code --decision-cpu=true}, also decides each request a second time at once and reads
 * that decision's CPU time), {@code --latency-rounds=5} and {@code --latency-steps=5000}
 * (after the load, each scenario's latency one request at a time, interleaved with the
 * first scenario's, in rounds of that many pairs, {@link PairedLatency}; {@code 0} rounds
 * skips it).
 */
public final class EndToEndBenchmark {

	private static final List<String> OPTIONS = List.of("stacks", "scenarios", "rounds", "seconds", "warmup", "threads",
			"connections", "profile", "decision-cpu", "decision-repeat", "latency-rounds", "latency-steps");

	/** Pairs of each scenario sent before {@link PairedLatency}'s rounds, not counted. */
	private static final int LATENCY_WARMUP_PAIRS = 1000;

	/** The longest one scenario's pairs of a round of {@link PairedLatency} may take. */
	private static final Duration LATENCY_ROUND_LIMIT = Duration.ofSeconds(30);

	private EndToEndBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
		int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
		boolean profile = Boolean.parseBoolean(options.getOrDefault("profile", "true"));
		boolean decisionCpu = Boolean.parseBoolean(options.getOrDefault("decision-cpu", "false"));
		boolean decisionRepeat = Boolean.parseBoolean(options.getOrDefault("decision-repeat", "false"));
		int latencyRounds = Integer.parseInt(options.getOrDefault("latency-rounds", "5"));
		int latencySteps = Integer.parseInt(options.getOrDefault("latency-steps", "5000"));
		if (decisionCpu && profile) {
			// The profiler's signals would lengthen the decisions they interrupt.
			throw new IllegalArgumentException("--decision-cpu=true needs --profile=false");
		}
		if (decisionRepeat && !decisionCpu) {
			throw new IllegalArgumentException("--decision-repeat=true needs --decision-cpu=true");
		}
		Wrk.requireInstalled();
		Wrk wrk = new Wrk(Integer.parseInt(options.getOrDefault("threads", "1")),
				Integer.parseInt(options.getOrDefault("connections", "16")));
		Path config = Files.createTempFile("integrationconfig", ".json");
		config.toFile().deleteOnExit();
		Files.writeString(config, IntegrationConfigJson.build());
		System.out.printf(
				"wrk %s, %d rounds of %d s per scenario after %d s warm-up; each application in its own JVM on %d cores%s, Java %s%n",
				options.getOrDefault("threads", "1") + " thread(s), " + options.getOrDefault("connections", "16")
						+ " connections",
				rounds, seconds, warmup, Runtime.getRuntime().availableProcessors(),
				(Wrk.cpus() != null) ? ", wrk on CPUs " + Wrk.cpus() : "", Runtime.version());
		for (String stack : options.getOrDefault("stacks", "mvc,webflux").split(",")) {
			if (!stack.equals("mvc") && !stack.equals("webflux")) {
				throw new IllegalArgumentException("unknown stack " + stack + " (mvc or webflux)");
			}
			try (AppProcess baseline = AppProcess.start(stack, stack + " baseline",
					properties(false, config, false, false));
					AppProcess protectedApp = AppProcess.start(stack, stack + " protected",
							properties(true, config, decisionCpu, decisionRepeat))) {
				List<Scenario> scenarios = Scenarios.checked(baseline.port(), protectedApp.port());
				String only = options.get("scenarios");
				if (only != null) {
					scenarios = chosen(scenarios, only.split(","));
				}
				report(stack, measure(wrk, scenarios, rounds, seconds, warmup, profile, baseline, protectedApp));
				if (latencyRounds > 0) {
					reportLatency(stack, scenarios, latencyRounds, latencySteps);
				}
			}
		}
	}

	/**
	 * The scenarios named, in the order given, so that the first is the baseline of the
	 * ratios.
	 * @throws IllegalArgumentException if a name is not a scenario's
	 */
	private static List<Scenario> chosen(List<Scenario> scenarios, String[] names) {
		List<Scenario> chosen = new ArrayList<>();
		for (String name : names) {
			Scenario scenario = scenarios.stream()
				.filter((candidate) -> candidate.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(
						"unknown scenario " + name + "; known: " + scenarios.stream().map(Scenario::name).toList()));
			chosen.add(scenario);
		}
		return chosen;
	}

	private static Map<Scenario, List<Run>> measure(Wrk wrk, List<Scenario> scenarios, int rounds, int seconds,
			int warmup, boolean profile, AppProcess baseline, AppProcess protectedApp)
			throws IOException, InterruptedException {
		for (Scenario scenario : scenarios) {
			wrk.run(scenario, warmup);
		}
		Map<Scenario, List<Run>> runs = new LinkedHashMap<>();
		for (Scenario scenario : scenarios) {
			runs.put(scenario, new ArrayList<>());
		}
		for (int round = 0; round < rounds; round++) {
			// Each round starts one scenario later, so that no scenario always runs first
			// (after the other application's) or right after the same one.
			for (int i = 0; i < scenarios.size(); i++) {
				Scenario scenario = scenarios.get((round + i) % scenarios.size());
				AppProcess app = (scenario.port() == baseline.port()) ? baseline : protectedApp;
				if (profile) {
					app.startProfile();
				}
				boolean decides = app == protectedApp;
				long[] decisionsBefore = decides ? app.decisions() : null;
				long[] cpuTimesBefore = decides ? app.decisionCpuTimes() : null;
				long[] repeatsBefore = decides ? app.decisionRepeatCpuTimes() : null;
				Cost before = app.cost();
				Wrk.Result load = wrk.run(scenario, seconds);
				Cost cost = app.cost().minus(before);
				long[] decisions = decides ? minus(app.decisions(), decisionsBefore) : new long[0];
				long[] cpuTimes = decides ? minus(app.decisionCpuTimes(), cpuTimesBefore) : new long[0];
				long[] repeats = decides ? minus(app.decisionRepeatCpuTimes(), repeatsBefore) : new long[0];
				double share = profile ? app.stopProfile() : Double.NaN;
				runs.get(scenario).add(new Run(load, cost, share, decisions, cpuTimes, repeats));
			}
		}
		return runs;
	}

	private static void report(String stack, Map<Scenario, List<Run>> runs) {
		Map<Scenario, Run> medians = new LinkedHashMap<>();
		runs.forEach((scenario, each) -> medians.put(scenario, median(each)));
		Run base = medians.values().iterator().next();
		System.out.printf("%n%s: load%n%-18s %10s %8s %8s %8s %9s %11s%n", stack, "scenario", "req/s", "p50 µs",
				"p99 µs", "p99.9 µs", "vs base", "added p99");
		medians.forEach((scenario, median) -> System.out.printf(Locale.ROOT,
				"%-18s %10.0f %8.0f %8.0f %8.0f %8.1f%% %8.0f µs%n", scenario.name(), median.throughput(), median.p50(),
				median.p99(), median.p999(), 100.0 * median.throughput() / base.throughput(),
				median.p99() - base.p99()));
		// "vs base": the share of the baseline's throughput that a server whose cores are
		// the limit reaches, given what a request costs it. Compared round by round (the
		// median of each round's ratio and difference), because the host lends the whole
		// machine more or less CPU from one moment to the next.
		List<Run> baseRuns = runs.values().iterator().next();
		System.out.printf(
				"%n%s: cost per request (medians; vs base and added: medians of each round's)%n"
						+ "%-18s %11s %9s %11s %9s %10s %9s %9s%n",
				stack, "scenario", "process µs", "vs base", "threads µs", "vs base", "added µs", "alloc B", "added B");
		runs.forEach((scenario, each) -> {
			Run median = medians.get(scenario);
			System.out.printf(Locale.ROOT, "%-18s %11.1f %8.1f%% %11.1f %8.1f%% %10.1f %9.0f %9.0f%n", scenario.name(),
					median.processMicros(),
					100 * paired(baseRuns, each, (b, r) -> b.processMicros() / r.processMicros()),
					median.threadMicros(), 100 * paired(baseRuns, each, (b, r) -> b.threadMicros() / r.threadMicros()),
					paired(baseRuns, each, (b, r) -> r.threadMicros() - b.threadMicros()), median.allocatedBytes(),
					median.allocatedBytes() - base.allocatedBytes());
		});
		if (!Double.isNaN(base.starterShare())) {
			// The share of the protected application's CPU samples that is the starter's
			// own work; without it, the same requests would cost that much less.
			System.out.printf("%n%s: the starter's share of the application's CPU samples (median)%n%-18s %9s %9s%n",
					stack, "scenario", "starter", "without");
			medians.forEach((scenario, median) -> System.out.printf(Locale.ROOT, "%-18s %8.1f%% %8.1f%%%n",
					scenario.name(), 100 * median.starterShare(), 100 * (1 - median.starterShare())));
		}
		// How long the starter's own decision took (QueueItGate, wall clock), as quarter-
		// octave buckets allow: each quantile is at most the figure and at least 80% of
		// it. The profiler's signals lengthen the decisions they interrupt (a p99 of
		// 82 µs instead of 16 µs for the same requests), so they are read only without
		// it.
		boolean profiled = !Double.isNaN(base.starterShare());
		if (profiled) {
			System.out.printf("%n%s: the starter's decision times are read with --profile=false%n", stack);
		}
		else {
			System.out.printf(
					"%n%s: time the starter took to decide a request (median of the rounds)%n"
							+ "%-18s %9s %9s %9s %9s%n",
					stack, "scenario", "p50 µs", "p99 µs", "p99.9 µs", "decisions");
			medians.forEach((scenario, median) -> {
				if (!Double.isNaN(median.decisionTimes().p50())) {
					System.out.printf(Locale.ROOT, "%-18s %9.1f %9.1f %9.1f %9.0f%n", scenario.name(),
							median.decisionTimes().p50(), median.decisionTimes().p99(), median.decisionTimes().p999(),
							median.decisions());
				}
			});
			// With --decision-cpu=true: the same decisions by the deciding thread's CPU
			// time, which leaves out the time the thread waited for a core; with
			// --decision-repeat=true, also each decision repeated at once.
			printQuantiles(stack, "CPU time of the deciding thread", medians, Run::decisionCpuTimes);
			printQuantiles(stack, "CPU time of the same decision repeated at once", medians, Run::decisionRepeats);
		}
		System.out.printf("%n%s: each round, req/s, process µs per request and %s%n", stack,
				profiled ? "the starter's share" : "the p99 of the starter's decisions in µs");
		runs.forEach((scenario, each) -> System.out.printf(Locale.ROOT, "%-18s %s%n", scenario.name(),
				each.stream()
					.map((run) -> String.format(Locale.ROOT, "%.0f/%.1f/%s", run.throughput(), run.processMicros(),
							profiled ? String.format(Locale.ROOT, "%.1f%%", 100 * run.starterShare())
									: String.format(Locale.ROOT, "%.1f", run.decisionTimes().p99())))
					.toList()));
	}

	/**
	 * Reads each scenario's latency one request at a time, interleaved with the first
	 * scenario's ({@link PairedLatency}), in rounds, and prints each round's p99 and its
	 * difference from the first scenario's in the same pairs, then the medians over the
	 * rounds of each quantile and each difference.
	 */
	private static void reportLatency(String stack, List<Scenario> scenarios, int rounds, int steps)
			throws IOException {
		System.out.printf("%n%s: latency one request at a time, each scenario interleaved with %s"
				+ " (%d rounds of up to %d pairs)%n", stack, scenarios.get(0).name(), rounds, steps);
		for (int i = 1; i < scenarios.size(); i++) {
			// Warms up the client's code and the connections' paths; not counted.
			PairedLatency.measure(scenarios.get(0), scenarios.get(i), LATENCY_WARMUP_PAIRS, LATENCY_ROUND_LIMIT);
		}
		double[] q = { 0.5, 0.99, 0.999 };
		double[][][] latency = new double[scenarios.size()][q.length][rounds];
		double[][][] added = new double[scenarios.size()][q.length][rounds];
		for (int round = 0; round < rounds; round++) {
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d, p99 (added):", round + 1));
			for (int i = 1; i < scenarios.size(); i++) {
				long[][] measured = PairedLatency.measure(scenarios.get(0), scenarios.get(i), steps,
						LATENCY_ROUND_LIMIT);
				for (int k = 0; k < q.length; k++) {
					latency[i][k][round] = PairedLatency.quantileMicros(measured[1], q[k]);
					added[i][k][round] = latency[i][k][round] - PairedLatency.quantileMicros(measured[0], q[k]);
				}
				line.append(String.format(Locale.ROOT, " %s %.1f (%+.1f), %d pairs;", scenarios.get(i).name(),
						latency[i][1][round], added[i][1][round], measured[1].length));
			}
			System.out.println(line);
		}
		System.out.printf("%-18s %8s %8s %8s %11s %11s %11s%n", "scenario", "p50 µs", "p99 µs", "p99.9 µs", "added p50",
				"added p99", "added p99.9");
		for (int i = 1; i < scenarios.size(); i++) {
			System.out.printf(Locale.ROOT, "%-18s %8.1f %8.1f %8.1f %11.1f %11.1f %11.1f%n", scenarios.get(i).name(),
					median(latency[i][0]), median(latency[i][1]), median(latency[i][2]), median(added[i][0]),
					median(added[i][1]), median(added[i][2]));
		}
	}

	/**
	 * Prints quantiles of the scenarios that have them, if any has.
	 */
	private static void printQuantiles(String stack, String title, Map<Scenario, Run> medians,
			Function<Run, Quantiles> quantiles) {
		if (medians.values().stream().allMatch((median) -> Double.isNaN(quantiles.apply(median).p50()))) {
			return;
		}
		System.out.printf("%n%s: %s (median of the rounds)%n%-18s %9s %9s %9s%n", stack, title, "scenario", "p50 µs",
				"p99 µs", "p99.9 µs");
		medians.forEach((scenario, median) -> {
			Quantiles each = quantiles.apply(median);
			if (!Double.isNaN(each.p50())) {
				System.out.printf(Locale.ROOT, "%-18s %9.1f %9.1f %9.1f%n", scenario.name(), each.p50(), each.p99(),
						each.p999());
			}
		});
	}

	/**
	 * The median over the rounds of a comparison of each round's run with the baseline's
	 * run of the same round.
	 */
	private static double paired(List<Run> baseline, List<Run> runs, ToDoubleBiFunction<Run, Run> comparison) {
		double[] values = new double[runs.size()];
		for (int round = 0; round < values.length; round++) {
			values[round] = comparison.applyAsDouble(baseline.get(round), runs.get(round));
		}
		return median(values);
	}

	private static Run median(List<Run> runs) {
		return new Run(median(runs, Run::throughput), median(runs, Run::p50), median(runs, Run::p99),
				median(runs, Run::p999), median(runs, Run::processMicros), median(runs, Run::threadMicros),
				median(runs, Run::allocatedBytes), median(runs, Run::starterShare), median(runs, Run::decisions),
				Quantiles.median(runs.stream().map(Run::decisionTimes).toList()),
				Quantiles.median(runs.stream().map(Run::decisionCpuTimes).toList()),
				Quantiles.median(runs.stream().map(Run::decisionRepeats).toList()));
	}

	private static long[] minus(long[] counts, long[] earlier) {
		long[] difference = new long[counts.length];
		for (int i = 0; i < counts.length; i++) {
			difference[i] = counts[i] - earlier[i];
		}
		return difference;
	}

	private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
		return median(runs.stream().mapToDouble(value).toArray());
	}

	private static double median(double[] unsorted) {
		double[] values = unsorted.clone();
		Arrays.sort(values);
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	private static List<String> properties(boolean protect, Path config, boolean decisionCpu, boolean decisionRepeat) {
		// The floor runs without the starter: only the baseline serves it.
		return List.of(BenchmarkApplication.FLOOR_PROPERTY + "=" + !protect,
				BenchmarkApplication.DECISION_CPU_PROPERTY + "=" + decisionCpu,
				BenchmarkApplication.DECISION_REPEAT_PROPERTY + "=" + decisionRepeat, "server.port=0",
				"server.address=127.0.0.1", "spring.main.banner-mode=off", "logging.level.root=WARN",
				"queueit.enabled=" + protect, "queueit.customer-id=" + Scenarios.CUSTOMER_ID,
				"queueit.secret-key=" + Scenarios.SECRET_KEY, "queueit.integration-config.location=" + config.toUri(),
				"queueit.events." + Scenarios.ANNOTATION_EVENT + ".queue-domain=" + IntegrationConfigJson.QUEUE_DOMAIN,
				"queueit.events." + Scenarios.ANNOTATION_EVENT + ".extend-cookie-validity=true");
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			String name = (arg.startsWith("--") && equals > 2) ? arg.substring(2, equals) : null;
			if (name == null || !OPTIONS.contains(name)) {
				// A mistyped option would otherwise run the benchmark without it.
				throw new IllegalArgumentException(
						"options are --name=value with a name among " + OPTIONS + ", got " + arg);
			}
			options.put(name, arg.substring(equals + 1));
		}
		return options;
	}

	/**
	 * One scenario's run (or the medians of several): the load wrk measured, and the cost
	 * per request read from the application.
	 */
	private record Run(double throughput, double p50, double p99, double p999, double processMicros,
			double threadMicros, double allocatedBytes, double starterShare, double decisions, Quantiles decisionTimes,
			Quantiles decisionCpuTimes, Quantiles decisionRepeats) {

		/**
		 * A run, with the starter's decisions counted by {@link DecisionTimes} during it,
		 * by wall-clock time, by CPU time and by the CPU time of their repeats (none for
		 * the baseline, and none by CPU time or for repeats unless asked for).
		 */
		Run(Wrk.Result load, Cost cost, double starterShare, long[] decisions, long[] cpuTimes, long[] repeats) {
			this(load.throughput(), load.p50(), load.p99(), load.p999(), cost.processNanos() / 1000.0 / load.requests(),
					cost.threadNanos() / 1000.0 / load.requests(), (double) cost.allocatedBytes() / load.requests(),
					starterShare, Arrays.stream(decisions).sum(), Quantiles.of(decisions), Quantiles.of(cpuTimes),
					Quantiles.of(repeats));
		}

	}

	/**
	 * The p50, p99 and p99.9 of times counted by {@link DecisionTimes}, in microseconds;
	 * NaN when none were counted.
	 */
	private record Quantiles(double p50, double p99, double p999) {

		static Quantiles of(long[] counts) {
			return new Quantiles(DecisionTimes.quantileMicros(counts, 0.5), DecisionTimes.quantileMicros(counts, 0.99),
					DecisionTimes.quantileMicros(counts, 0.999));
		}

		static Quantiles median(List<Quantiles> each) {
			return new Quantiles(EndToEndBenchmark.median(each.stream().mapToDouble(Quantiles::p50).toArray()),
					EndToEndBenchmark.median(each.stream().mapToDouble(Quantiles::p99).toArray()),
					EndToEndBenchmark.median(each.stream().mapToDouble(Quantiles::p999).toArray()));
		}

	}

}

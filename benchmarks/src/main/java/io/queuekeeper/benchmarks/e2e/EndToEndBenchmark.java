package io.queuekeeper.benchmarks.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.queuekeeper.benchmarks.IntegrationConfigJson;
import io.queuekeeper.benchmarks.e2e.Scenarios.Scenario;
import io.queuekeeper.benchmarks.e2e.Wrk.Result;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the starter costs a real application. For each web stack it starts two copies of
 * {@link BenchmarkApplication} on loopback — one with {@code queueit.enabled=false} (the
 * baseline), one protected by a 20-integration config and {@code @QueueProtected} — and
 * drives each scenario with {@code wrk}, in interleaved rounds so that a noisy moment of
 * the machine hurts every scenario alike. Medians over the rounds are reported, with the
 * ratio to the baseline measured in the same run.
 *
 * <p>
 * Options (all optional): {@code --stacks=mvc,webflux}, {@code --scenarios=} (names,
 * comma-separated; the first one is the baseline of the ratios), {@code --rounds=3},
 * {@code --seconds=10}, {@code --warmup=5}, {@code --threads=1},
 * {@code --connections=16}.
 */
public final class EndToEndBenchmark {

	private EndToEndBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
		int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
		Wrk.requireInstalled();
		Wrk wrk = new Wrk(Integer.parseInt(options.getOrDefault("threads", "1")),
				Integer.parseInt(options.getOrDefault("connections", "16")));
		Path config = Files.createTempFile("integrationconfig", ".json");
		config.toFile().deleteOnExit();
		Files.writeString(config, IntegrationConfigJson.build());
		System.out.printf(
				"wrk %s, %d rounds of %d s per scenario after %d s warm-up; %d cores for the server%s, Java %s%n",
				options.getOrDefault("threads", "1") + " thread(s), " + options.getOrDefault("connections", "16")
						+ " connections",
				rounds, seconds, warmup, Runtime.getRuntime().availableProcessors(),
				(Wrk.cpus() != null) ? ", wrk on CPUs " + Wrk.cpus() : "", Runtime.version());
		for (String stack : options.getOrDefault("stacks", "mvc,webflux").split(",")) {
			WebApplicationType type = switch (stack) {
				case "mvc" -> WebApplicationType.SERVLET;
				case "webflux" -> WebApplicationType.REACTIVE;
				default -> throw new IllegalArgumentException("unknown stack " + stack + " (mvc or webflux)");
			};
			try (ConfigurableApplicationContext baseline = start(type, false, config);
					ConfigurableApplicationContext protectedApp = start(type, true, config)) {
				List<Scenario> scenarios = Scenarios.checked(port(baseline), port(protectedApp));
				String only = options.get("scenarios");
				if (only != null) {
					List<String> names = Arrays.asList(only.split(","));
					scenarios = scenarios.stream().filter((scenario) -> names.contains(scenario.name())).toList();
				}
				report(stack, measure(wrk, scenarios, rounds, seconds, warmup));
			}
		}
	}

	private static Map<Scenario, List<Result>> measure(Wrk wrk, List<Scenario> scenarios, int rounds, int seconds,
			int warmup) throws IOException, InterruptedException {
		for (Scenario scenario : scenarios) {
			wrk.run(scenario, warmup);
		}
		Map<Scenario, List<Result>> results = new LinkedHashMap<>();
		for (Scenario scenario : scenarios) {
			results.put(scenario, new ArrayList<>());
		}
		for (int round = 0; round < rounds; round++) {
			// Each round starts one scenario later, so that no scenario always runs first
			// (after the other application's) or right after the same one.
			for (int i = 0; i < scenarios.size(); i++) {
				Scenario scenario = scenarios.get((round + i) % scenarios.size());
				results.get(scenario).add(wrk.run(scenario, seconds));
			}
		}
		return results;
	}

	private static void report(String stack, Map<Scenario, List<Result>> results) {
		Result baseline = null;
		System.out.printf("%n%s%n%-18s %10s %8s %8s %8s %9s %11s%n", stack, "scenario", "req/s", "p50 µs", "p99 µs",
				"p99.9 µs", "vs base", "added p99");
		for (Map.Entry<Scenario, List<Result>> entry : results.entrySet()) {
			Result median = median(entry.getValue());
			if (baseline == null) {
				baseline = median;
			}
			System.out.printf(Locale.ROOT, "%-18s %10.0f %8d %8d %8d %8.1f%% %8d µs%n", entry.getKey().name(),
					median.throughput(), median.p50(), median.p99(), median.p999(),
					100.0 * median.throughput() / baseline.throughput(), median.p99() - baseline.p99());
		}
	}

	private static Result median(List<Result> results) {
		return new Result(median(results, Result::throughput), (long) median(results, Result::p50),
				(long) median(results, Result::p99), (long) median(results, Result::p999), 0);
	}

	private static double median(List<Result> results, ToDoubleFunction<Result> value) {
		double[] values = results.stream().mapToDouble(value).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	private static ConfigurableApplicationContext start(WebApplicationType type, boolean protect, Path config) {
		return new SpringApplicationBuilder(BenchmarkApplication.class).web(type)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"logging.level.root=WARN", "queueit.enabled=" + protect,
					"queueit.customer-id=" + Scenarios.CUSTOMER_ID, "queueit.secret-key=" + Scenarios.SECRET_KEY,
					"queueit.integration-config.location=" + config.toUri(),
					"queueit.events." + Scenarios.ANNOTATION_EVENT + ".queue-domain="
							+ IntegrationConfigJson.QUEUE_DOMAIN,
					"queueit.events." + Scenarios.ANNOTATION_EVENT + ".extend-cookie-validity=true")
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("options are --name=value, got " + arg + "; known: " + Arrays
					.asList("stacks", "scenarios", "rounds", "seconds", "warmup", "threads", "connections"));
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		return options;
	}

}

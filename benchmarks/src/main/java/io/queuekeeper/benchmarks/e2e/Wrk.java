package io.queuekeeper.benchmarks.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.queuekeeper.benchmarks.e2e.Scenarios.Scenario;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@code wrk} (a separate process, so the load generator does not share the
 * application's JVM, heap or JIT) and reads its own latency histogram through a Lua
 * {@code done} hook, which gives percentiles that {@code --latency} does not print
 * (99.9).
 */
final class Wrk {

	private static final String REPORT_SCRIPT = """
			done = function(summary, latency, requests)
			  local e = summary.errors
			  io.write(string.format("RESULT requests=%d duration=%d socket_errors=%d status_errors=%d p50=%d p99=%d p999=%d\\n",
			    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
			    latency:percentile(50), latency:percentile(99), latency:percentile(99.9)))
			end
			""";

	private final Path script;

	private final int threads;

	private final int connections;

	Wrk(int threads, int connections) throws IOException {
		this.threads = threads;
		this.connections = connections;
		this.script = Files.createTempFile("wrk-report", ".lua");
		this.script.toFile().deleteOnExit();
		Files.writeString(this.script, REPORT_SCRIPT, StandardCharsets.UTF_8);
	}

	/**
	 * The CPUs wrk is pinned to ({@code E2E_WRK_CPUS}, a {@code taskset} list), or
	 * {@code null} when it may run on any.
	 */
	static @Nullable String cpus() {
		String cpus = System.getenv("E2E_WRK_CPUS");
		return (cpus == null || cpus.isBlank()) ? null : cpus.strip();
	}

	static void requireInstalled() throws IOException, InterruptedException {
		try {
			Process process = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			throw new IllegalStateException("wrk is not installed: apt-get install wrk (Debian) and run again", ex);
		}
	}

	/**
	 * Drives one scenario for the given time.
	 */
	Result run(Scenario scenario, int seconds) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		String cpus = cpus();
		if (cpus != null) {
			command.addAll(List.of("taskset", "-c", cpus));
		}
		command.addAll(List.of("wrk", "-t" + this.threads, "-c" + this.connections, "-d" + seconds + "s", "--timeout",
				"5s", "-s", this.script.toString()));
		if (scenario.cookie() != null) {
			command.add("-H");
			command.add("Cookie: " + scenario.cookie());
		}
		command.add(scenario.url());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("wrk failed for " + scenario.name() + ":\n" + output);
		}
		String line = output.lines()
			.filter((candidate) -> candidate.startsWith("RESULT "))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("wrk printed no result:\n" + output));
		Map<String, Long> values = new HashMap<>();
		for (String pair : line.substring("RESULT ".length()).split(" ")) {
			int equals = pair.indexOf('=');
			values.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
		}
		Result result = new Result(values.get("requests"),
				values.get("requests") * 1_000_000.0 / values.get("duration"), values.get("p50"), values.get("p99"),
				values.get("p999"), values.get("socket_errors") + values.get("status_errors"));
		if (result.errors() > 0) {
			throw new IllegalStateException(scenario.name() + ": " + result.errors() + " failed requests:\n" + output);
		}
		return result;
	}

	/**
	 * What one run measured.
	 *
	 * @param requests requests completed
	 * @param throughput requests per second
	 * @param p50 median latency in microseconds
	 * @param p99 99th percentile latency in microseconds
	 * @param p999 99.9th percentile latency in microseconds
	 * @param errors socket errors plus responses with a status other than 2xx or 3xx
	 */
	record Result(long requests, double throughput, long p50, long p99, long p999, long errors) {

	}

}

package io.queuekeeper.benchmarks.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@link BenchmarkApplication} in a JVM of its own, started with this JVM's class
 * path and the options of {@code E2E_JAVA_OPTS} (a space-separated list, e.g. a profiler
 * agent), and what it has cost so far.
 */
final class AppProcess implements AutoCloseable {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Process process;

	private final Deque<String> lastLines = new ArrayDeque<>();

	private final int port;

	private AppProcess(Process process, String name) throws IOException, InterruptedException {
		this.process = process;
		CompletableFuture<Integer> port = new CompletableFuture<>();
		Thread reader = new Thread(() -> read(port), name + "-output");
		reader.setDaemon(true);
		reader.start();
		try {
			this.port = port.get(120, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			close();
			throw new IllegalStateException(name + " did not start:\n" + String.join("\n", lastLines()), ex);
		}
	}

	/**
	 * Starts an application and waits until it serves requests.
	 * @param stack {@code mvc} or {@code webflux}
	 * @param name the name in messages
	 * @param properties {@code name=value} properties
	 */
	static AppProcess start(String stack, String name, List<String> properties)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		// Debug information at every instruction, not only at safepoints, so that a CPU
		// sample in code inlined into another method is charged to the method it belongs
		// to (StarterShare): otherwise the application's work inlined into the starter's
		// filter counts as the starter's. Both applications get it alike.
		command.addAll(List.of("-Xms1g", "-Xmx1g", "-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints"));
		String options = System.getenv("E2E_JAVA_OPTS");
		if (options != null && !options.isBlank()) {
			command.addAll(List.of(options.strip().split("\\s+")));
		}
		command
			.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchmarkApplication.class.getName(), stack));
		properties.forEach((property) -> command.add("--" + property));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		// An interrupted benchmark must not leave applications behind on their ports.
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-stop"));
		return new AppProcess(process, name);
	}

	private void read(CompletableFuture<Integer> port) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.startsWith(BenchmarkApplication.PORT_LINE)) {
					port.complete(Integer.parseInt(line.substring(BenchmarkApplication.PORT_LINE.length()).strip()));
				}
				synchronized (this.lastLines) {
					this.lastLines.addLast(line);
					if (this.lastLines.size() > 60) {
						this.lastLines.removeFirst();
					}
				}
			}
		}
		catch (IOException ex) {
			port.completeExceptionally(ex);
		}
		port.completeExceptionally(new IllegalStateException("the application exited"));
	}

	private List<String> lastLines() {
		synchronized (this.lastLines) {
			return new ArrayList<>(this.lastLines);
		}
	}

	int port() {
		return this.port;
	}

	/**
	 * What the application has cost so far: the CPU of its whole process (as the
	 * operating system counts it, JIT and collector included), and the CPU time and
	 * allocation of its Java threads ({@link ThreadCost}).
	 */
	Cost cost() throws IOException, InterruptedException {
		String[] threads = get(BenchmarkApplication.COST_PATH).split(" ");
		long processNanos = this.process.info()
			.totalCpuDuration()
			.orElseThrow(() -> new IllegalStateException("this system does not tell a process's CPU time"))
			.toNanos();
		return new Cost(processNanos, Long.parseLong(threads[0]), Long.parseLong(threads[1]));
	}

	/**
	 * The starter's decisions counted so far in each bucket of {@link DecisionTimes}, by
	 * wall-clock time.
	 */
	long[] decisions() throws IOException, InterruptedException {
		return counts(BenchmarkApplication.DECISIONS_PATH);
	}

	/**
	 * The same by the CPU time of the deciding thread ({@link CpuTimedWaitingRoom}); all
	 * zero unless the application was started with {@code e2e.decision-cpu=true}.
	 */
	long[] decisionCpuTimes() throws IOException, InterruptedException {
		return counts(BenchmarkApplication.DECISION_CPU_PATH);
	}

	/**
	 * The same for the decisions repeated at once; all zero unless the application was
	 * started with {@code e2e.decision-repeat=true} too.
	 */
	long[] decisionRepeatCpuTimes() throws IOException, InterruptedException {
		return counts(BenchmarkApplication.DECISION_REPEAT_PATH);
	}

	private long[] counts(String path) throws IOException, InterruptedException {
		return Arrays.stream(get(path).split(" ")).mapToLong(Long::parseLong).toArray();
	}

	/**
	 * Starts sampling the application's CPU ({@link StarterShare}).
	 */
	void startProfile() throws IOException, InterruptedException {
		get(BenchmarkApplication.PROFILE_START_PATH);
	}

	/**
	 * Stops sampling and returns the share of the samples that is the starter's work.
	 */
	double stopProfile() throws IOException, InterruptedException {
		String[] samples = get(BenchmarkApplication.PROFILE_STOP_PATH).split(" ");
		return (double) Long.parseLong(samples[0]) / Long.parseLong(samples[1]);
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build();
		HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body().strip();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

	/**
	 * A reading of what an application has cost.
	 *
	 * @param processNanos CPU time of the whole process
	 * @param threadNanos CPU time of the live Java threads
	 * @param allocatedBytes bytes the live Java threads allocated
	 */
	record Cost(long processNanos, long threadNanos, long allocatedBytes) {

		Cost minus(Cost earlier) {
			return new Cost(this.processNanos - earlier.processNanos, this.threadNanos - earlier.threadNanos,
					this.allocatedBytes - earlier.allocatedBytes);
		}

	}

}

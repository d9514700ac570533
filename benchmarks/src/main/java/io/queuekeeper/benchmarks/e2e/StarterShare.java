package io.queuekeeper.benchmarks.e2e;

import java.io.IOException;
import java.util.List;

import one.profiler.AsyncProfiler;
import one.profiler.Counter;

/**
 * Samples this JVM's CPU with async-profiler while a run lasts and tells which share of
 * the samples is the starter's own work. Unlike the CPU time per request, which moves
 * with how much CPU the shared host lends the machine from one moment to the next, this
 * is a ratio within one process over one interval, which such noise hardly moves.
 *
 * <p>
 * A sample is the starter's when its stack holds a frame of the starter or the engine and
 * nothing below the innermost one continues the request: a filter of the starter that
 * passes the request on (MVC's body filter, the WebFlux filter going down the chain) is
 * not charged for the application's work beneath it.
 */
final class StarterShare {

	/**
	 * Frames through which the request goes on to the rest of the application, and the
	 * WebFlux filter's subscription to a handler mapping's lookup: the search for the
	 * handler that the {@code DispatcherHandler} makes in an application without the
	 * starter, and takes over from the filter in one with it.
	 */
	private static final List<String> DOWNSTREAM = List.of("FilterChain.doFilter", "WebFilterChain.filter",
			"DispatcherServlet.", "DispatcherHandler.", "InvocableHandlerMethod.", "HandlerAdapter.handle",
			"ServerQueueItWebFilter$Answer.onSubscribe");

	/**
	 * The starter's and the engine's packages (not this benchmark's), and the protocol's
	 * floor, whose share the {@code floor+cookie} scenario reads.
	 */
	private static final List<String> STARTER = List.of("io/queuekeeper/web/", "io/queuekeeper/boot/",
			"io/queuekeeper/core/", "io/queuekeeper/benchmarks/e2e/ProtocolFloor",
			"io/queuekeeper/benchmarks/e2e/BenchmarkApplication$ServletFloor",
			"io/queuekeeper/benchmarks/e2e/BenchmarkApplication$ReactiveFloor");

	private StarterShare() {
	}

	static void start() throws IOException {
		AsyncProfiler.getInstance().execute("start,event=cpu,interval=1ms");
	}

	/**
	 * Stops sampling and returns the starter's samples and all samples, separated by a
	 * space.
	 */
	static String stop() throws IOException {
		AsyncProfiler profiler = AsyncProfiler.getInstance();
		profiler.execute("stop");
		long starter = 0;
		long total = 0;
		for (String line : profiler.dumpCollapsed(Counter.SAMPLES).split("\n")) {
			int space = line.lastIndexOf(' ');
			if (space < 0) {
				continue;
			}
			long samples = Long.parseLong(line.substring(space + 1).strip());
			total += samples;
			if (isStarters(line.substring(0, space))) {
				starter += samples;
			}
		}
		return starter + " " + total;
	}

	/**
	 * Whether a collapsed stack (outermost frame first, separated by {@code ;}) is the
	 * starter's own work.
	 */
	static boolean isStarters(String stack) {
		int innermost = -1;
		for (String prefix : STARTER) {
			innermost = Math.max(innermost, stack.lastIndexOf(prefix));
		}
		if (innermost < 0) {
			return false;
		}
		String below = stack.substring(innermost);
		for (String marker : DOWNSTREAM) {
			if (below.contains(marker)) {
				return false;
			}
		}
		return true;
	}

}

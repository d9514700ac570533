package io.queuekeeper.benchmarks.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.WaitingRoomProvider;
import io.queuekeeper.core.http.ConnectorRequest;
import org.jspecify.annotations.Nullable;

/**
 * The starter's waiting room, with the CPU time its calling thread spends in each
 * decision counted in a {@link DecisionTimes}. Next to the wall-clock times the starter
 * measures around the same calls, it tells the decision's own time apart from time the
 * thread waited for a core: a long wall-clock time with a short CPU time is a preempted
 * decision. Reading a thread's CPU time is a system call (about 0.7 µs here), so each
 * decision is longer by about two of them on the wall clock and one on the CPU clock; the
 * benchmark uses it only when asked to ({@code --decision-cpu=true}).
 *
 * <p>
 * With a second {@code DecisionTimes} for repeats ({@code --decision-repeat=true}), each
 * request is decided a second time right after the first, and the CPU time of that second
 * decision is counted there; the first decision's answer is the one returned. The second
 * finds the engine's code and data, and the request's, in the processor's caches, as JMH
 * does; the difference between the two estimates what the application's own work between
 * two requests costs the starter.
 */
final class CpuTimedWaitingRoom implements WaitingRoomProvider {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final WaitingRoomProvider delegate;

	private final DecisionTimes cpuTimes;

	private final @Nullable DecisionTimes repeatCpuTimes;

	/**
	 * Wraps a waiting room.
	 * @param delegate the starter's waiting room
	 * @param cpuTimes counts the CPU time of each decision
	 * @param repeatCpuTimes counts the CPU time of each decision repeated at once, or
	 * {@code null} not to repeat decisions
	 */
	CpuTimedWaitingRoom(WaitingRoomProvider delegate, DecisionTimes cpuTimes, @Nullable DecisionTimes repeatCpuTimes) {
		if (!THREADS.isCurrentThreadCpuTimeSupported() || !THREADS.isThreadCpuTimeEnabled()) {
			throw new IllegalStateException("This JVM does not measure a thread's CPU time; run without "
					+ BenchmarkApplication.DECISION_CPU_PROPERTY);
		}
		this.delegate = delegate;
		this.cpuTimes = cpuTimes;
		this.repeatCpuTimes = repeatCpuTimes;
	}

	@Override
	public String name() {
		return this.delegate.name();
	}

	@Override
	public Set<String> rooms() {
		return this.delegate.rooms();
	}

	@Override
	public Decision protect(ConnectorRequest request, String room, Action action) {
		return timed(() -> this.delegate.protect(request, room, action));
	}

	@Override
	public boolean hasRules() {
		return this.delegate.hasRules();
	}

	@Override
	public Optional<Decision> evaluate(ConnectorRequest request) {
		return timed(() -> this.delegate.evaluate(request));
	}

	@Override
	public boolean readsRequestBody() {
		return this.delegate.readsRequestBody();
	}

	private <T> T timed(Supplier<T> decision) {
		long start = THREADS.getCurrentThreadCpuTime();
		T answer = decision.get();
		long end = THREADS.getCurrentThreadCpuTime();
		this.cpuTimes.record(end - start);
		if (this.repeatCpuTimes != null) {
			decision.get();
			this.repeatCpuTimes.record(THREADS.getCurrentThreadCpuTime() - end);
		}
		return answer;
	}

}

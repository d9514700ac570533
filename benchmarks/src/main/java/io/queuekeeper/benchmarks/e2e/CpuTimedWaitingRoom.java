package io.queuekeeper.benchmarks.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;
import java.util.Set;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.WaitingRoomProvider;
import io.queuekeeper.core.http.ConnectorRequest;

/**
 * The starter's waiting room, with the CPU time its calling thread spends in each
 * decision counted in a {@link DecisionTimes}. Next to the wall-clock times the starter
 * measures around the same calls, it tells the decision's own time apart from time the
 * thread waited for a core: a long wall-clock time with a short CPU time is a preempted
 * decision. Reading a thread's CPU time is a system call (about 0.7 µs here), so each
 * decision is longer by about two of them on the wall clock and one on the CPU clock; the
 * benchmark uses it only when asked to ({@code --decision-cpu=true}).
 */
final class CpuTimedWaitingRoom implements WaitingRoomProvider {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final WaitingRoomProvider delegate;

	private final DecisionTimes cpuTimes;

	CpuTimedWaitingRoom(WaitingRoomProvider delegate, DecisionTimes cpuTimes) {
		this.delegate = delegate;
		this.cpuTimes = cpuTimes;
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
		long start = THREADS.getCurrentThreadCpuTime();
		try {
			return this.delegate.protect(request, room, action);
		}
		finally {
			this.cpuTimes.record(THREADS.getCurrentThreadCpuTime() - start);
		}
	}

	@Override
	public boolean hasRules() {
		return this.delegate.hasRules();
	}

	@Override
	public Optional<Decision> evaluate(ConnectorRequest request) {
		long start = THREADS.getCurrentThreadCpuTime();
		try {
			return this.delegate.evaluate(request);
		}
		finally {
			this.cpuTimes.record(THREADS.getCurrentThreadCpuTime() - start);
		}
	}

	@Override
	public boolean readsRequestBody() {
		return this.delegate.readsRequestBody();
	}

}

package io.queuekeeper.benchmarks.e2e;

import java.lang.management.ManagementFactory;

import com.sun.management.ThreadMXBean;

/**
 * The CPU time and heap allocation of a JVM's live Java threads. Read in the application
 * before and after a run, the difference divided by the requests is what a request cost
 * its threads; the JIT compiler's and the collector's threads are not Java threads, and
 * are counted only in the process's CPU time.
 */
final class ThreadCost {

	private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private ThreadCost() {
	}

	/**
	 * Returns the CPU nanoseconds and the allocated bytes of every live Java thread,
	 * summed.
	 */
	static long[] totals() {
		long[] ids = THREADS.getAllThreadIds();
		long[] cpu = THREADS.getThreadCpuTime(ids);
		long[] allocated = THREADS.getThreadAllocatedBytes(ids);
		long[] totals = new long[2];
		for (int i = 0; i < ids.length; i++) {
			if (cpu[i] >= 0 && allocated[i] >= 0) {
				totals[0] += cpu[i];
				totals[1] += allocated[i];
			}
		}
		return totals;
	}

}

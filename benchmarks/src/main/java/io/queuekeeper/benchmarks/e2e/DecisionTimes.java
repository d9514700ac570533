package io.queuekeeper.benchmarks.e2e;

import java.util.concurrent.atomic.AtomicLongArray;

import io.queuekeeper.core.Decision;
import io.queuekeeper.web.DecisionObserver;
import org.jspecify.annotations.Nullable;

/**
 * How long the starter took to decide each request of the protected application, counted
 * in buckets a quarter of an octave wide. As the application's {@link DecisionObserver},
 * it counts what {@code QueueItGate} measures: the wall-clock time around the evaluation
 * (the config lookup and the engine, not writing the outcome), which is what the starter
 * adds to a request's latency before the request reaches the application. That includes
 * any time the thread was preempted meanwhile; {@link CpuTimedWaitingRoom} counts the
 * thread's CPU time instead, into another instance, through {@link #record}.
 */
final class DecisionTimes implements DecisionObserver {

	/** Four buckets for each power of two, up to 2^40 ns. */
	static final int BUCKETS = 4 * 40;

	private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

	@Override
	public void decided(@Nullable Decision decision, long nanos) {
		record(nanos);
	}

	/**
	 * Counts one time.
	 */
	void record(long nanos) {
		this.counts.incrementAndGet(bucket(nanos));
	}

	/**
	 * The counts so far, one per bucket.
	 */
	long[] counts() {
		long[] counts = new long[BUCKETS];
		for (int i = 0; i < BUCKETS; i++) {
			counts[i] = this.counts.get(i);
		}
		return counts;
	}

	/**
	 * The bucket of a time: bucket {@code 4 * k + q} holds the times from
	 * {@code 2^k * (1 + q / 4)} up to {@code 2^k * (1 + (q + 1) / 4)} nanoseconds; times
	 * below 4 ns share the first bucket and times beyond the last bucket the last.
	 */
	static int bucket(long nanos) {
		if (nanos < 4) {
			return 0;
		}
		int octave = 63 - Long.numberOfLeadingZeros(nanos);
		int quarter = (int) ((nanos >>> (octave - 2)) & 3);
		return Math.min(BUCKETS - 1, 4 * octave + quarter);
	}

	/**
	 * The time, in nanoseconds, at which a bucket ends.
	 */
	static double upperBound(int bucket) {
		if (bucket < 8) {
			return 4;
		}
		int octave = bucket / 4;
		int quarter = bucket % 4;
		return Math.scalb(1 + (quarter + 1) / 4.0, octave);
	}

	/**
	 * The end of the bucket that holds the {@code quantile} of the counted times, in
	 * microseconds: the quantile is at most that much and at least four fifths of it. NaN
	 * when nothing was counted.
	 */
	static double quantileMicros(long[] counts, double quantile) {
		long total = 0;
		for (long count : counts) {
			total += count;
		}
		if (total == 0) {
			return Double.NaN;
		}
		long rank = (long) Math.ceil(quantile * total);
		long seen = 0;
		for (int i = 0; i < counts.length; i++) {
			seen += counts[i];
			if (seen >= rank) {
				return upperBound(i) / 1000;
			}
		}
		return upperBound(counts.length - 1) / 1000;
	}

}

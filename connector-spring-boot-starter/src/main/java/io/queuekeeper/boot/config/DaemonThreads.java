package io.queuekeeper.boot.config;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes named daemon threads, so that the config machinery never keeps a JVM alive and is
 * easy to spot in a thread dump.
 */
final class DaemonThreads implements ThreadFactory {

	private final String prefix;

	private final AtomicInteger count = new AtomicInteger();

	DaemonThreads(String prefix) {
		this.prefix = prefix;
	}

	@Override
	public Thread newThread(Runnable task) {
		Thread thread = new Thread(task, this.prefix + this.count.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	}

}

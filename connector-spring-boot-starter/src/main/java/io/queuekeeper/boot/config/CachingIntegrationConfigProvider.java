package io.queuekeeper.boot.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.queuekeeper.core.config.Integration;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigParser;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.core.config.InvalidIntegrationConfigException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Serves the integration config from a single-key Caffeine cache that refreshes after
 * write and never expires, so the last good snapshot is served while a refresh fails.
 * Snapshots come from a file or classpath resource, from the snapshot file of an earlier
 * run, from polls of the GO platform and from pushes; a document that does not parse, an
 * HTTP error or an older {@code Version} never replaces a good snapshot.
 *
 * <p>
 * Polls run on one named daemon thread ({@value #POLLER_THREAD_PREFIX}...), every poll
 * interval, with exponential back-off and jitter after a failure. Request threads only
 * read the cache: they never download, parse or wait.
 *
 * @since 0.1.0
 */
public final class CachingIntegrationConfigProvider implements IntegrationConfigProvider, AutoCloseable {

	/** Name prefix of the poller thread. */
	public static final String POLLER_THREAD_PREFIX = "queueit-config-poller-";

	/** First delay after a failed poll; it doubles with each further failure. */
	public static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	private static final String KEY = "integration-config";

	private static final Log logger = LogFactory.getLog(CachingIntegrationConfigProvider.class);

	private final @Nullable IntegrationConfigClient client;

	private final Duration pollInterval;

	private final @Nullable Path snapshotFile;

	private final Clock clock;

	private final IntegrationConfigParser parser = new IntegrationConfigParser();

	private final ObjectMapper mapper = new ObjectMapper();

	private final ScheduledThreadPoolExecutor poller;

	private final LoadingCache<String, Snapshot> cache;

	private final Object statusLock = new Object();

	private @Nullable Instant lastSuccess;

	private @Nullable Instant lastFailure;

	private @Nullable String lastFailureReason;

	private long successes;

	private long failures;

	private int consecutiveFailures;

	private volatile boolean closed;

	/**
	 * Creates a provider. Nothing is loaded until {@link #start}.
	 * @param client downloads the config from GO, or {@code null} when GO is not polled
	 * @param pollInterval how often GO is polled
	 * @param snapshotFile where the last good document is kept, or {@code null}
	 * @param clock the clock of the status timestamps
	 */
	public CachingIntegrationConfigProvider(@Nullable IntegrationConfigClient client, Duration pollInterval,
			@Nullable Path snapshotFile, Clock clock) {
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("pollInterval must be positive");
		}
		this.client = client;
		this.pollInterval = pollInterval;
		this.snapshotFile = snapshotFile;
		this.clock = clock;
		this.poller = new ScheduledThreadPoolExecutor(1, new DaemonThreads(POLLER_THREAD_PREFIX));
		this.poller.setRemoveOnCancelPolicy(true);
		this.poller.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		Caffeine<Object, Object> builder = Caffeine.newBuilder().executor(this.poller);
		if (client != null) {
			builder.refreshAfterWrite(pollInterval);
		}
		this.cache = builder.build(new Loader());
	}

	/**
	 * Loads the first snapshot in order: the document from the location, the snapshot
	 * file, then GO, waiting at most {@code startupWait} for GO when nothing else gave a
	 * snapshot; then starts polling.
	 * @param locationDocument the document read from the location, or {@code null}
	 * @param startupWait the longest wait for a first document from GO
	 * @throws InvalidIntegrationConfigException if the location document cannot be used
	 */
	public void start(@Nullable String locationDocument, Duration startupWait) {
		if (locationDocument != null) {
			install(snapshot(locationDocument, IntegrationConfigSource.LOCATION));
		}
		recoverSnapshotFile();
		if (this.client == null) {
			return;
		}
		CompletableFuture<@Nullable Snapshot> first = poll();
		if (current().isPresent()) {
			return;
		}
		try {
			Snapshot loaded = first.get(startupWait.toMillis(), TimeUnit.MILLISECONDS);
			if (loaded != null) {
				// The refresh future completes before Caffeine's own callback stores the
				// value, so without this the context could start with no snapshot yet.
				install(loaded);
			}
		}
		catch (TimeoutException ex) {
			logger.warn("No Queue-it integration config from " + this.client.uri().getHost() + " within " + startupWait
					+ " (queueit.integration-config.startup-wait); the failure policy applies " + "until one arrives");
		}
		catch (ExecutionException ex) {
			logger.warn("First Queue-it integration config download failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public Optional<IntegrationConfig> current() {
		Snapshot snapshot = this.cache.getIfPresent(KEY);
		return (snapshot != null) ? Optional.of(snapshot.config()) : Optional.empty();
	}

	/**
	 * Offers a document, e.g. one pushed by GO. It replaces the current snapshot unless
	 * that has a newer {@code Version}.
	 * @param document the integration config JSON
	 * @param source where it came from
	 * @return whether it replaced the current snapshot
	 * @throws InvalidIntegrationConfigException if the document cannot be used
	 */
	public boolean offer(String document, IntegrationConfigSource source) {
		Snapshot offered;
		try {
			offered = snapshot(document, source);
		}
		catch (InvalidIntegrationConfigException ex) {
			failed(source + " document rejected: " + ex.getMessage());
			throw ex;
		}
		Snapshot installed = install(offered);
		if (installed != offered) {
			failed(source + " document rejected: Version " + offered.config().version() + " is older than the current "
					+ installed.config().version());
			return false;
		}
		succeeded();
		persist(offered);
		return true;
	}

	/**
	 * Returns what is known about the snapshot and the refreshes.
	 */
	public IntegrationConfigStatus status() {
		Snapshot snapshot = this.cache.getIfPresent(KEY);
		List<IntegrationConfigStatus.IntegrationSummary> integrations = new ArrayList<>();
		if (snapshot != null) {
			for (Integration integration : snapshot.config().integrations()) {
				integrations.add(new IntegrationConfigStatus.IntegrationSummary(integration.name(),
						integration.actionType().wireName(), integration.eventId()));
			}
		}
		synchronized (this.statusLock) {
			return new IntegrationConfigStatus((snapshot != null) ? snapshot.config().version() : null,
					(snapshot != null) ? snapshot.source() : null, (snapshot != null) ? snapshot.publishDate() : null,
					(snapshot != null) ? snapshot.loadedAt() : null, this.lastSuccess, this.lastFailure,
					this.lastFailureReason, this.successes, this.failures, integrations);
		}
	}

	/**
	 * Whether GO is polled.
	 */
	public boolean polls() {
		return this.client != null;
	}

	/**
	 * Returns how long ago a load or refresh last succeeded, or {@code null} if none has.
	 */
	public @Nullable Duration age() {
		Instant success;
		synchronized (this.statusLock) {
			success = this.lastSuccess;
		}
		return (success != null) ? Duration.between(success, this.clock.instant()) : null;
	}

	/**
	 * Stops polling.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.poller.shutdownNow();
		if (this.client != null) {
			this.client.close();
		}
	}

	private CompletableFuture<@Nullable Snapshot> poll() {
		CompletableFuture<@Nullable Snapshot> refresh = this.cache.refresh(KEY);
		refresh.whenComplete((snapshot, ex) -> scheduleNextPoll());
		return refresh;
	}

	private void scheduleNextPoll() {
		if (this.closed) {
			return;
		}
		long delayNanos;
		int failed;
		synchronized (this.statusLock) {
			failed = this.consecutiveFailures;
		}
		long interval = this.pollInterval.toNanos();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		if (failed == 0) {
			// Jitter only downwards, so that a new version is always picked up within
			// one interval, and instances do not poll in lockstep.
			delayNanos = interval - random.nextLong(interval / 10 + 1);
		}
		else {
			long backoff = FIRST_BACKOFF.toNanos() << Math.min(failed - 1, 30);
			long capped = Math.min(backoff, interval);
			delayNanos = capped / 2 + random.nextLong(capped / 2 + 1);
		}
		try {
			this.poller.schedule(this::poll, delayNanos, TimeUnit.NANOSECONDS);
		}
		catch (RuntimeException ex) {
			// Rejected after close: nothing left to schedule.
		}
	}

	private @Nullable Snapshot download(@Nullable Snapshot current) {
		IntegrationConfigClient client = Objects.requireNonNull(this.client);
		Snapshot downloaded;
		try {
			downloaded = snapshot(client.fetch(), IntegrationConfigSource.GO);
		}
		catch (IntegrationConfigClient.FetchException ex) {
			if (!this.closed) {
				failed(ex.getMessage());
			}
			return null;
		}
		catch (InvalidIntegrationConfigException ex) {
			failed("GO document rejected: " + ex.getMessage());
			return null;
		}
		if (current != null && downloaded.config().version() < current.config().version()) {
			failed("GO document rejected: Version " + downloaded.config().version() + " is older than the current "
					+ current.config().version());
			return null;
		}
		succeeded();
		if (current == null || !current.document().equals(downloaded.document())) {
			persist(downloaded);
		}
		return downloaded;
	}

	private void recoverSnapshotFile() {
		if (this.snapshotFile == null || !Files.isRegularFile(this.snapshotFile)) {
			return;
		}
		try {
			String document = Files.readString(this.snapshotFile, StandardCharsets.UTF_8);
			Snapshot recovered = snapshot(document, IntegrationConfigSource.SNAPSHOT_FILE);
			if (install(recovered) == recovered) {
				logger.info("Queue-it integration config Version " + recovered.config().version()
						+ " recovered from the snapshot file " + this.snapshotFile);
			}
		}
		catch (IOException | RuntimeException ex) {
			failed("snapshot file " + this.snapshotFile + " not usable: " + ex.getMessage());
		}
	}

	/**
	 * Installs a snapshot unless the current one is newer, atomically, and returns the
	 * one that is current afterwards.
	 */
	private Snapshot install(Snapshot offered) {
		Snapshot result = this.cache.asMap()
			.merge(KEY, offered, (current, candidate) -> (candidate.config().version() >= current.config().version())
					? candidate : current);
		return Objects.requireNonNull(result);
	}

	private void persist(Snapshot snapshot) {
		Path target = this.snapshotFile;
		if (target == null) {
			return;
		}
		try {
			Path directory = target.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			Path temporary = Files.createTempFile(directory, ".queueit-config-", ".tmp");
			try {
				Files.writeString(temporary, snapshot.document(), StandardCharsets.UTF_8);
				try {
					Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (AtomicMoveNotSupportedException ex) {
					Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Cannot write the Queue-it snapshot file " + target
					+ " (queueit.integration-config.snapshot-file): " + ex);
		}
	}

	private Snapshot snapshot(String document, IntegrationConfigSource source) {
		IntegrationConfig config = this.parser.parse(document);
		return new Snapshot(config, document, source, publishDate(document), this.clock.instant());
	}

	private @Nullable String publishDate(String document) {
		try {
			JsonNode date = this.mapper.readTree(document).get("PublishDate");
			return (date != null && date.isTextual()) ? date.asText() : null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private void succeeded() {
		boolean recovered;
		synchronized (this.statusLock) {
			recovered = this.consecutiveFailures > 0;
			this.lastSuccess = this.clock.instant();
			this.successes++;
			this.consecutiveFailures = 0;
		}
		if (recovered) {
			logger.info("Queue-it integration config refreshed again");
		}
	}

	private void failed(@Nullable String reason) {
		String text = (reason != null) ? reason : "unknown failure";
		boolean first;
		synchronized (this.statusLock) {
			first = !text.equals(this.lastFailureReason) || this.consecutiveFailures == 0;
			this.lastFailure = this.clock.instant();
			this.lastFailureReason = text;
			this.failures++;
			this.consecutiveFailures++;
		}
		if (first) {
			logger.warn("Queue-it integration config not refreshed, the last good one stays in use: " + text);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Queue-it integration config not refreshed: " + text);
		}
	}

	/**
	 * One loaded document and where it came from.
	 */
	private record Snapshot(IntegrationConfig config, String document, IntegrationConfigSource source,
			@Nullable String publishDate, Instant loadedAt) {

	}

	/**
	 * Loads from GO; a failed refresh keeps the old snapshot.
	 */
	private final class Loader implements CacheLoader<String, Snapshot> {

		@Override
		public @Nullable Snapshot load(String key) {
			return download(null);
		}

		@Override
		public Snapshot reload(String key, Snapshot oldValue) {
			Snapshot downloaded = download(oldValue);
			return (downloaded != null) ? downloaded : oldValue;
		}

	}

}

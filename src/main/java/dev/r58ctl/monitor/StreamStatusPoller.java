package dev.r58ctl.monitor;

import dev.r58ctl.config.Config;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls the recorder's health and status and MediaMTX's paths, all three at once and asynchronously, each request
 * bounded by the timeout. Neither {@link #snapshot()} nor {@link #pollNow()} ever waits for the network; a round
 * still under way is never started a second time; every round ends within the timeout (plus scheduling) with a
 * result for each source, an unanswered one as {@code reachable=false} with the reason.
 *
 * <p>It has no loop of its own: the caller's once-a-second tick calls {@link #pollNow()}. Its only threads are three
 * daemon threads, one a source, made when first needed, so it never keeps the JVM alive.
 */
public final class StreamStatusPoller implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final ExecutorService executor;
    private final RecorderClient recorder;
    private final MediamtxClient mediamtx;

    private LatestAnswer<HealthStatus> health;
    private LatestAnswer<RecorderStatus> status;
    private LatestAnswer<MediamtxStatus> paths;
    private CompletableFuture<StreamSnapshot> round;
    private long rounds;
    private boolean closed;

    public StreamStatusPoller(Config config) {
        this(config, DEFAULT_TIMEOUT);
    }

    public StreamStatusPoller(Config config, Duration timeout) {
        this(config.recorder().healthUrl(), config.recorder().statusUrl(), config.mediamtx().apiUrl(), timeout);
    }

    public StreamStatusPoller(String healthUrl, String statusUrl, String mediamtxApiUrl, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        executor = Executors.newFixedThreadPool(3, daemonThreads());
        recorder = new RecorderClient(executor, timeout, healthUrl, statusUrl);
        mediamtx = new MediamtxClient(executor, timeout, mediamtxApiUrl);
        health = LatestAnswer.initial(HealthStatus.unreachable(healthUrl, 0, LatestAnswer.NOT_POLLED));
        status = LatestAnswer.initial(RecorderStatus.unreachable(statusUrl, 0, LatestAnswer.NOT_POLLED));
        paths = LatestAnswer.initial(MediamtxStatus.unreachable(mediamtx.url(), 0, LatestAnswer.NOT_POLLED));
    }

    /** The latest results, at once, whether or not a round is under way. */
    public synchronized StreamSnapshot snapshot() {
        return new StreamSnapshot(health, status, paths, polling(), rounds);
    }

    /** A round is under way. */
    public synchronized boolean polling() {
        return round != null && !round.isDone();
    }

    /**
     * Starts a round and returns at once; the future completes with the snapshot at the round's end. While a round
     * is under way, this returns that round's future instead of starting another. Never completes exceptionally.
     */
    public synchronized CompletableFuture<StreamSnapshot> pollNow() {
        if (closed) {
            // a tick racing with shutdown: nothing to ask, the last results stand
            return CompletableFuture.completedFuture(snapshot());
        }
        if (polling()) {
            return round.copy(); // a copy, so a caller cancelling its future cannot end the round for others
        }
        CompletableFuture<Void> h = recorder.health()
                .exceptionally(e -> HealthStatus.unreachable(recorder.healthUrl(), 0, failure(e)))
                .thenAccept(r -> update(() -> health = health.next(r, System.currentTimeMillis())));
        CompletableFuture<Void> s = recorder.status()
                .exceptionally(e -> RecorderStatus.unreachable(recorder.statusUrl(), 0, failure(e)))
                .thenAccept(r -> update(() -> status = status.next(r, System.currentTimeMillis())));
        CompletableFuture<Void> p = mediamtx.paths()
                .exceptionally(e -> MediamtxStatus.unreachable(mediamtx.url(), 0, failure(e)))
                .thenAccept(r -> update(() -> paths = paths.next(r, System.currentTimeMillis())));
        round = CompletableFuture.allOf(h, s, p).handle((v, e) -> finish());
        return round.copy();
    }

    private synchronized void update(Runnable change) {
        change.run();
    }

    private synchronized StreamSnapshot finish() {
        rounds++;
        // the round's own future is completing with this very value, so it must not count as under way
        return new StreamSnapshot(health, status, paths, false, rounds);
    }

    /** The clients never fail their futures; this is for the executor being shut down under a round. */
    private static String failure(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return "not polled: " + cause.getClass().getSimpleName();
    }

    /**
     * Stops the HTTP threads. A round under way still ends, by its timeout at the latest (the bound does not rely on
     * those threads); later {@link #pollNow()} calls ask nothing and return the last results.
     */
    @Override
    public synchronized void close() {
        closed = true;
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "r58ctl-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

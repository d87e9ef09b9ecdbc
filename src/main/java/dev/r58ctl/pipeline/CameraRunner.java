package dev.r58ctl.pipeline;

import dev.r58ctl.R58Exception;
import dev.r58ctl.Shutdown;
import dev.r58ctl.monitor.ThreadCpu;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.StateChangeReturn;
import org.freedesktop.gstreamer.event.EOSEvent;
import org.freedesktop.gstreamer.lowlevel.GstBufferAPI;
import org.freedesktop.gstreamer.message.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one camera's pipeline through gst1-java-core: start, stop (EOS so files are finalised, then NULL, each
 * wait bounded), restart; counts frames and bytes with pad probes; keeps bus errors and warnings with the name
 * of the element that raised them; accounts CPU by the pipeline's own threads. While it plays it is registered with
 * {@link Shutdown}: a signal sends it EOS at once, whoever started it, so its file is whole however r58ctl ends.
 */
public final class CameraRunner implements AutoCloseable {
    public enum State { STOPPED, STARTING, RUNNING, STOPPING, ENDED, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(CameraRunner.class);
    private static final Pattern QOS_DROPPED = Pattern.compile("dropped=\\(guint64\\)(\\d+)");
    private static final int MAX_EVENTS = 200;

    private final PipelineSpec spec;
    private final int framerate;
    private final ThreadCpu threadCpu;
    /** This run's threads from its start: reused threads bring their earlier ticks along. */
    private ThreadCpu.Since threads;
    private final List<BusEvent> events = new CopyOnWriteArrayList<>();
    /** Errors posted after EOS was sent (rtspclientsink may fail a last write as the server closes). */
    private final List<BusEvent> stopping = new CopyOnWriteArrayList<>();
    private final List<Consumer<BusEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong framesIn = new AtomicLong();
    private final AtomicLong framesOut = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong firstFrameNanos = new AtomicLong();

    private volatile State state = State.STOPPED;
    private volatile String lastError;
    private Pipeline pipeline;
    private BusWatch watch;
    /** From PLAYING to the end of {@link #stop}; its wake is {@link #endStream}. */
    private Shutdown.Registration playing;
    private CountDownLatch ended = new CountDownLatch(1);
    private long startedNanos;
    private long sampleNanos;
    private long sampleFrames;
    private long sampleBytes;
    private long sampleTicks;
    private long runTicks;
    private long stoppedNanos;

    public CameraRunner(PipelineSpec spec, int framerate) {
        this(spec, framerate, new ThreadCpu());
    }

    CameraRunner(PipelineSpec spec, int framerate, ThreadCpu threadCpu) {
        this.spec = spec;
        this.framerate = framerate;
        this.threadCpu = threadCpu;
    }

    public PipelineSpec spec() {
        return spec;
    }

    public State state() {
        return state;
    }

    public List<BusEvent> events() {
        return List.copyOf(events);
    }

    /** Called on GStreamer's bus thread for every error, warning and pipeline state change. */
    public void onEvent(Consumer<BusEvent> listener) {
        listeners.add(listener);
    }

    /** Builds and plays the pipeline; a pipeline that does not build or refuses to play is a failure. */
    public synchronized void start() {
        if (state == State.RUNNING || state == State.STARTING) {
            return;
        }
        events.clear();
        stopping.clear();
        lastError = null;
        framesIn.set(0);
        framesOut.set(0);
        bytesOut.set(0);
        dropped.set(0);
        firstFrameNanos.set(0);
        runTicks = 0;
        stoppedNanos = 0;
        startedNanos = 0;
        ended = new CountDownLatch(1);
        threads = threadCpu.since();
        state = State.STARTING;
        try {
            pipeline = GstSupport.parse(spec.description());
        } catch (R58Exception e) {
            state = State.FAILED;
            lastError = e.getMessage();
            throw new R58Exception(e.exitCode(), spec.camera() + ": " + e.getMessage());
        }
        watch = new BusWatch(pipeline);
        watchBus(watch, pipeline.getName());
        probe(spec.sourceName(), "src", framesIn, null);
        probe(spec.encoderName(), "src", framesOut, bytesOut);
        LOG.info("{}: starting {}", spec.camera(), spec.description());
        StateChangeReturn r = pipeline.play();
        if (r == StateChangeReturn.FAILURE) {
            awaitEnd(Duration.ofMillis(500)); // the bus thread delivers the reason a moment later
            String why = lastError != null ? lastError : "the pipeline refused to play";
            teardown(Duration.ofSeconds(3));
            state = State.FAILED;
            lastError = why;
            throw R58Exception.failed(spec.camera() + ": " + why);
        }
        startedNanos = System.nanoTime();
        sampleNanos = startedNanos;
        sampleFrames = 0;
        sampleBytes = 0;
        sampleTicks = threads.ticks(spec.prefix());
        if (state == State.STARTING) {
            state = State.RUNNING;
        }
        playing = Shutdown.whileRunning("pipeline " + spec.camera(), this::endStream);
    }

    /**
     * Sends EOS and returns at once: the muxers finalise their files while other pipelines are asked too, and
     * {@link #stop} then waits for it. Does nothing once the pipeline stops or has ended.
     */
    public void endStream() {
        if (state != State.RUNNING && state != State.STARTING) {
            return; // read without the lock, which a stop in progress holds for seconds
        }
        synchronized (this) {
            if (pipeline == null || (state != State.RUNNING && state != State.STARTING)) {
                return;
            }
            state = State.STOPPING;
            stoppedNanos = System.nanoTime();
            pipeline.sendEvent(new EOSEvent());
        }
    }

    /**
     * Sends EOS so that muxers finalise their files, waits for it up to {@code eosTimeout}, then sets the
     * pipeline to NULL on a separate thread with the same bound (rtspclientsink can hang in teardown).
     */
    public synchronized void stop(Duration eosTimeout) {
        if (pipeline == null) {
            return;
        }
        runTicks = threads.ticks(spec.prefix()); // the threads are gone after teardown
        boolean failed = state == State.FAILED;
        endStream(); // unless it was sent already, or the pipeline ended by itself
        if (state == State.STOPPING && !awaitEnd(eosTimeout)) {
            warn(spec.camera(), "no EOS within " + eosTimeout.toMillis() + " ms; forcing stop");
        }
        teardown(eosTimeout);
        state = failed ? State.FAILED : State.STOPPED;
        if (playing != null) {
            playing.close();
            playing = null;
        }
    }

    public void restart(Duration eosTimeout) {
        stop(eosTimeout);
        start();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    /** Waits until the pipeline ends by EOS or error. */
    public boolean awaitEnd(Duration timeout) {
        try {
            return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Statistics now; fps, bitrate and CPU are over the interval since the previous call (or since start).
     */
    public synchronized CameraStats stats() {
        long now = System.nanoTime();
        long frames = framesOut.get();
        long bytes = bytesOut.get();
        boolean live = state == State.RUNNING || state == State.STARTING || state == State.STOPPING;
        long ticks = live ? threads.ticks(spec.prefix()) : sampleTicks;
        double seconds = Math.max(1e-3, (now - sampleNanos) / 1e9);
        double fps = live ? (frames - sampleFrames) / seconds : 0;
        double kbps = live ? (bytes - sampleBytes) * 8 / 1000.0 / seconds : 0;
        double cpu = live ? Math.max(0, ticks - sampleTicks) * 100.0 / ThreadCpu.TICKS_PER_SECOND / seconds : 0;
        if (live) {
            sampleNanos = now;
            sampleFrames = frames;
            sampleBytes = bytes;
            sampleTicks = ticks;
        }
        return new CameraStats(spec.camera(), state, uptimeMs(now), framesIn.get(), frames, bytes, fps, kbps,
                dropped.get(), behind(now), cpu, lastError);
    }

    /** Totals since start: average fps, bitrate and CPU over the whole run. */
    public synchronized CameraStats totals() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, uptimeMs(now) / 1000.0);
        long ticks = state == State.RUNNING ? threads.ticks(spec.prefix()) : runTicks;
        return new CameraStats(spec.camera(), state, uptimeMs(now), framesIn.get(), framesOut.get(), bytesOut.get(),
                framesOut.get() / seconds, bytesOut.get() * 8 / 1000.0 / seconds, dropped.get(), behind(now),
                ticks * 100.0 / ThreadCpu.TICKS_PER_SECOND / seconds, lastError);
    }

    private long uptimeMs(long now) {
        return startedNanos == 0 ? 0 : (stoppedNanos != 0 ? stoppedNanos - startedNanos : now - startedNanos) / 1_000_000;
    }

    private long behind(long now) {
        long first = firstFrameNanos.get();
        if (first == 0) {
            return 0;
        }
        long end = stoppedNanos != 0 ? stoppedNanos : now;
        long expected = (long) ((end - first) / 1e9 * framerate) + 1;
        return Math.max(0, expected - framesIn.get());
    }

    private void probe(String elementName, String padName, AtomicLong frames, AtomicLong bytes) {
        org.freedesktop.gstreamer.Element element = pipeline.getElementByName(elementName);
        Pad pad = element == null ? null : element.getStaticPad(padName);
        if (pad == null) {
            return;
        }
        pad.addProbe(PadProbeType.BUFFER, (p, info) -> {
            if (frames.incrementAndGet() == 1 && bytes == null) {
                firstFrameNanos.compareAndSet(0, System.nanoTime());
            }
            if (bytes != null) {
                bytes.addAndGet(GstBufferAPI.GSTBUFFER_API.gst_buffer_get_size(info.getBuffer()).longValue());
            }
            return PadProbeReturn.OK;
        });
    }

    /** {@link dev.r58ctl.DiskFull}'s line for the recording file, or the message when there is none. */
    private String recordingDisk(String message) {
        return spec.outputs().stream().filter(o -> o.kind() == Output.Kind.FILE).findFirst()
                .map(o -> dev.r58ctl.DiskFull.line(java.nio.file.Path.of(o.target()))).orElse(message);
    }

    private void watchBus(BusWatch bus, String pipelineName) {
        bus.onError((source, code, message) -> {
            String name = source == null ? "?" : source.getName();
            if (dev.r58ctl.DiskFull.says(message)) {
                message = recordingDisk(message); // the recording's disk is full: say which, in the one line
            }
            lastError = name + ": " + message;
            BusEvent e = new BusEvent(Instant.now(), BusEvent.Level.ERROR, name, message);
            if (state == State.STOPPING) {
                stopping.add(e);
            }
            record(e);
            LOG.error("{}: {}: {}", spec.camera(), name, message);
            if (state != State.STOPPING) {
                state = State.FAILED;
            }
            ended.countDown();
        });
        bus.onWarning((source, code, message) -> warn(source == null ? "?" : source.getName(), message));
        bus.onEos(source -> {
            if (state == State.RUNNING) {
                state = State.ENDED;
            }
            ended.countDown();
        });
        bus.onStateChanged((source, old, current, pending) -> {
            if (source != null && pipelineName.equals(source.getName())) {
                record(new BusEvent(Instant.now(), BusEvent.Level.STATE, source.getName(), old + " -> " + current));
            }
        });
        bus.onMessage((b, message) -> {
            if (message.getType() == MessageType.QOS && message.getStructure() != null) {
                Matcher m = QOS_DROPPED.matcher(message.getStructure().toString());
                if (m.find()) {
                    // each QoS message carries the element's running total; keep the largest per run
                    dropped.accumulateAndGet(Long.parseLong(m.group(1)), Math::max);
                }
            }
        });
    }

    private void warn(String element, String message) {
        record(new BusEvent(Instant.now(), BusEvent.Level.WARNING, element, message));
        LOG.warn("{}: {}: {}", spec.camera(), element, message);
    }

    private void record(BusEvent e) {
        if (events.size() >= MAX_EVENTS) {
            events.remove(0);
        }
        events.add(e);
        for (Consumer<BusEvent> l : listeners) {
            l.accept(e);
        }
    }

    private void teardown(Duration bound) {
        Pipeline p = pipeline;
        BusWatch w = watch;
        pipeline = null;
        watch = null;
        if (stoppedNanos == 0 && startedNanos != 0) {
            stoppedNanos = System.nanoTime();
        }
        Thread t = new Thread(() -> p.stop(), spec.prefix() + "teardown");
        t.setDaemon(true);
        t.start();
        try {
            t.join(Math.max(1000, bound.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            w.close(); // what it posts if it ever gets to NULL must not reach this runner, perhaps started again
            warn(spec.camera(), "teardown did not finish within " + bound.toMillis() + " ms; pipeline abandoned");
            return;
        }
        w.dispose();
    }

    /** The errors posted while stopping, after EOS was sent, oldest first; {@link #errors} has them too. */
    public List<BusEvent> errorsWhileStopping() {
        return List.copyOf(stopping);
    }

    /** The events at ERROR level, oldest first. */
    public List<BusEvent> errors() {
        List<BusEvent> out = new ArrayList<>();
        for (BusEvent e : events) {
            if (e.level() == BusEvent.Level.ERROR) {
                out.add(e);
            }
        }
        return out;
    }
}

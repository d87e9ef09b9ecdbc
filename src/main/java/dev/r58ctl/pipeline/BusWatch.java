package dev.r58ctl.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipeline's bus handlers, taken off before the pipeline is disposed. gst1-java-core hands each bus message to
 * its handlers later, on its own executor thread: a message posted while the pipeline stopped (its state changes
 * on the way to NULL) could reach a handler after {@code dispose()}, and a handler that asked the message's source
 * for its name then touched a disposed object ({@code IllegalStateException: Native object has been disposed},
 * logged SEVERE by org.freedesktop.gstreamer.Bus during a quit). So {@link #dispose}: handlers off (each also
 * ignores what still comes), then wait until the executor has delivered what it already holds, then dispose.
 */
final class BusWatch {
    private static final Logger LOG = LoggerFactory.getLogger(BusWatch.class);
    /** How long the deliveries already queued may take; past it the pipeline is left to the garbage collector. */
    private static final long DRAIN_MS = 2000;

    private final Pipeline pipeline;
    private final Bus bus;
    private final List<Runnable> off = new ArrayList<>();
    private volatile boolean closed;

    BusWatch(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.bus = pipeline.getBus();
    }

    void onError(Bus.ERROR l) {
        Bus.ERROR guarded = (source, code, message) -> {
            if (!closed) {
                l.errorMessage(source, code, message);
            }
        };
        bus.connect(guarded);
        off.add(() -> bus.disconnect(guarded));
    }

    void onWarning(Bus.WARNING l) {
        Bus.WARNING guarded = (source, code, message) -> {
            if (!closed) {
                l.warningMessage(source, code, message);
            }
        };
        bus.connect(guarded);
        off.add(() -> bus.disconnect(guarded));
    }

    void onEos(Bus.EOS l) {
        Bus.EOS guarded = source -> {
            if (!closed) {
                l.endOfStream(source);
            }
        };
        bus.connect(guarded);
        off.add(() -> bus.disconnect(guarded));
    }

    void onStateChanged(Bus.STATE_CHANGED l) {
        Bus.STATE_CHANGED guarded = (source, old, current, pending) -> {
            if (!closed) {
                l.stateChanged(source, old, current, pending);
            }
        };
        bus.connect(guarded);
        off.add(() -> bus.disconnect(guarded));
    }

    void onMessage(Bus.MESSAGE l) {
        Bus.MESSAGE guarded = (b, message) -> {
            if (!closed) {
                l.busMessage(b, message);
            }
        };
        bus.connect(guarded);
        off.add(() -> bus.disconnect(guarded));
    }

    /** Takes the handlers off: nothing this pipeline posts from now on reaches them (an abandoned pipeline's). */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        off.forEach(Runnable::run);
        off.clear();
    }

    /**
     * Once the pipeline is in NULL (no thread of its own posts any more): what it posted on the way is delivered,
     * the handlers are taken off, a delivery that was under way finishes, then bus and pipeline are disposed.
     */
    void dispose() {
        boolean delivered = drained(); // the last state changes and errors while stopping still reach the runner
        close();
        if (!delivered || !drained()) {
            LOG.info("{}: bus deliveries still queued after {} ms; left to the garbage collector",
                    pipeline.getName(), DRAIN_MS);
            return;
        }
        bus.dispose();
        pipeline.dispose();
    }

    /** True once every delivery queued before this call has run (the executor runs them one at a time, in order). */
    private static boolean drained() {
        try {
            Gst.getExecutor().submit(() -> { }).get(DRAIN_MS, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException | java.util.concurrent.RejectedExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

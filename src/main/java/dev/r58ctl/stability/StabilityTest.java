package dev.r58ctl.stability;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.config.EncoderSettings;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One stability test (encode, soak or push) of an encoder with its settings, configured fluently and run once.
 * Guarantees: bad input (unknown encoder or camera, a bad setting, a push to a live camera's path) is refused before
 * anything runs; once running, the result is on disk with verdict RUNNING, the kernel log is watched from a mark
 * taken at the start, and kernel trouble stops the pipeline at once and makes the verdict UNSTABLE; the final result
 * holds the exact pipeline description, settings, CPU series, frame counts, kernel lines and verdict.
 *
 * <pre>
 * TestResult r = new StabilityTest(config).test(TestKind.SOAK).encoder("mpph265enc").duration(Duration.ofMinutes(5))
 *         .listener(l).call();
 * </pre>
 */
public final class StabilityTest implements Callable<TestResult> {
    private final Config config;
    private TestKind test = TestKind.ENCODE;
    private String encoder;
    private String camera;
    private Duration duration;
    private Integer width;
    private Integer height;
    private Integer framerate;
    private Integer bitrate;
    private final Map<String, Object> set = new LinkedHashMap<>();
    private String path;
    private StabilityListener listener = StabilityListener.NONE;
    private boolean ran;
    private volatile TestRun running;
    private volatile boolean cancelled;

    public StabilityTest(Config config) {
        this.config = config;
    }

    /** Which test; encode unless set. */
    public StabilityTest test(TestKind kind) {
        this.test = kind;
        return this;
    }

    /** The encoder element; default the camera's (see {@link #camera}). */
    public StabilityTest encoder(String element) {
        this.encoder = element;
        return this;
    }

    /**
     * The camera whose bitrate (and, without {@link #encoder}, encoder) the test uses; default the first camera
     * with the encoder, else the first camera. The test always runs a test pattern, never the camera itself.
     */
    public StabilityTest camera(String id) {
        this.camera = id;
        return this;
    }

    /** How long the pipeline runs; default from {@code stability.durations}. */
    public StabilityTest duration(Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw R58Exception.badInput("a test duration must be longer than zero");
        }
        this.duration = d;
        return this;
    }

    /** The test source's picture; default {@code stability.resolution} (1920x1080). */
    public StabilityTest resolution(int w, int h) {
        if (w < 16 || h < 16 || w > 7680 || h > 4320 || w % 2 != 0 || h % 2 != 0) {
            throw R58Exception.badInput("resolution " + w + "x" + h + ": expected even sizes from 16x16 to 7680x4320");
        }
        this.width = w;
        this.height = h;
        return this;
    }

    /** Frames per second of the test source; default {@code stability.framerate}. */
    public StabilityTest framerate(int fps) {
        if (fps < 1 || fps > 120) {
            throw R58Exception.badInput("framerate " + fps + ": expected 1 to 120");
        }
        this.framerate = fps;
        return this;
    }

    /** Bitrate in kbit/s; default the camera's. */
    public StabilityTest bitrate(int kbps) {
        if (kbps < 64 || kbps > 400_000) {
            throw R58Exception.badInput("bitrate " + kbps + ": expected kbit/s from 64 to 400000");
        }
        this.bitrate = kbps;
        return this;
    }

    /** One encoder property on top of the configured settings; part of the matrix key. */
    public StabilityTest set(String property, Object value) {
        this.set.put(property, value instanceof String s ? EncoderSettings.parse(s) : value);
        return this;
    }

    /** The MediaMTX path a push publishes to; default {@code stability.push_path}. Never a camera's. */
    public StabilityTest path(String mediamtxPath) {
        this.path = mediamtxPath;
        return this;
    }

    /** Who hears the test's progress (the command line, the dashboard); nobody unless set. */
    public StabilityTest listener(StabilityListener l) {
        this.listener = l == null ? StabilityListener.NONE : l;
        return this;
    }

    /** What would run, without running it; refuses bad input as {@link #call} would. */
    public TestPlan plan() {
        return TestSetup.prepare(config, options(), new RunStore(config), "plan").plan();
    }

    /**
     * Ends a running test early (Ctrl-C, a signal, quitting the dashboard): the pipeline gets EOS and the result
     * says "interrupted: stopped by the operator" (or by the signal). Safe from any thread; before {@link #call} it makes the call do nothing.
     */
    public void cancel() {
        cancelled = true;
        TestRun r = running;
        if (r != null) {
            r.cancel();
        }
    }

    /** Runs the test once and returns its result, which is already on disk; null when cancelled before it began. */
    @Override
    public synchronized TestResult call() {
        if (ran) {
            throw new IllegalStateException("a StabilityTest runs once; make a new one");
        }
        ran = true;
        return runOnce();
    }

    private TestResult runOnce() {
        RunStore store = new RunStore(config);
        TestSetup.Options o = options();
        // bad input is refused here, before an id is taken; the id then names the output file
        String encoderElement = TestSetup.prepare(config, o, store, "plan").plan().encoder();
        String id = store.newId(test, encoderElement, LocalDateTime.now());
        TestSetup.Prepared p = TestSetup.prepare(config, o, store, id);
        TestRun run = new TestRun(config, store, listener);
        running = run;
        if (cancelled) {
            return null;
        }
        return run.run(id, p.plan(), p.spec());
    }

    TestSetup.Options options() {
        if (path != null && test != TestKind.PUSH) {
            throw R58Exception.badInput("--path applies to the push test only");
        }
        return new TestSetup.Options(test, encoder, camera, duration, width, height, framerate, bitrate,
                Map.copyOf(set), path);
    }

    /** A fresh test with the same options for another kind, for {@link StabilitySuite}. */
    StabilityTest copy(TestKind kind) {
        StabilityTest t = new StabilityTest(config).test(kind).listener(listener);
        t.encoder = encoder;
        t.camera = camera;
        t.duration = duration;
        t.width = width;
        t.height = height;
        t.framerate = framerate;
        t.bitrate = bitrate;
        t.set.putAll(set);
        t.path = kind == TestKind.PUSH ? path : null;
        return t;
    }
}

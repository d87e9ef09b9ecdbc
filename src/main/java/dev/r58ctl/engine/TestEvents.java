package dev.r58ctl.engine;

import dev.r58ctl.stability.CpuSample;
import dev.r58ctl.stability.StabilityListener;
import dev.r58ctl.stability.TestPlan;
import dev.r58ctl.stability.TestResult;
import dev.r58ctl.stability.TroubleIncident;
import java.util.function.Consumer;

/** A running stability test, told to the front ends as {@link EngineEvent.TestProgress} once a second. */
final class TestEvents implements StabilityListener {
    private static final String CHECKLIST = "checklist ";
    private final String test;
    private final String encoder;
    private final Consumer<EngineEvent> emit;
    private volatile String kernel = "kernel clean";

    TestEvents(String test, String encoder, Consumer<EngineEvent> emit) {
        this.test = test;
        this.encoder = encoder;
        this.emit = emit;
    }

    /** What runs, for the dialog: a title saying "30-second encode" must not hide a 5-second one. */
    @Override
    public void started(String id, TestPlan p) {
        String line = String.format("%s %s for %.0f s at %s@%d, %d kbit/s", p.test().key(), p.encoder(),
                p.durationMs() / 1000.0, p.resolution(), p.framerate(), p.bitrateKbps());
        emit.accept(test.startsWith(CHECKLIST) ? new EngineEvent.Step("checklist", test.substring(CHECKLIST.length()),
                line, false) : new EngineEvent.Step("test", test, line, false));
    }

    @Override
    public void second(CpuSample s) {
        emit.accept(new EngineEvent.TestProgress(test, encoder, s.second(), s.frames(), s.fps(), s.system(), kernel, null));
    }

    @Override
    public void stopped(String why, long latencyMs) {
        kernel = "stopped: " + why;
    }

    @Override
    public void kernelTrouble(TroubleIncident incident) {
        kernel = "KERNEL TROUBLE";
    }

    @Override
    public void finished(TestResult result) {
        emit.accept(new EngineEvent.TestProgress(test, encoder, -1, 0, 0, 0, kernel,
                result.verdict() + ": " + result.reason()));
    }
}

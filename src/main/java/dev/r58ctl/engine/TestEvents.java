package dev.r58ctl.engine;

import dev.r58ctl.stability.CpuSample;
import dev.r58ctl.stability.StabilityListener;
import dev.r58ctl.stability.TestResult;
import dev.r58ctl.stability.TroubleIncident;
import java.util.function.Consumer;

/** A running stability test, told to the front ends as {@link EngineEvent.TestProgress} once a second. */
final class TestEvents implements StabilityListener {
    private final String test;
    private final String encoder;
    private final Consumer<EngineEvent> emit;
    private volatile String kernel = "kernel clean";

    TestEvents(String test, String encoder, Consumer<EngineEvent> emit) {
        this.test = test;
        this.encoder = encoder;
        this.emit = emit;
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

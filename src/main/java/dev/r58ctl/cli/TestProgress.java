package dev.r58ctl.cli;

import dev.r58ctl.stability.CpuSample;
import dev.r58ctl.stability.StabilityListener;
import dev.r58ctl.stability.TestPlan;
import dev.r58ctl.stability.TroubleIncident;
import java.io.PrintWriter;

/** Prints a stability test's progress: what runs, a line every five seconds, and at once any early stop. */
class TestProgress implements StabilityListener {
    private static final int EVERY_SECONDS = 5;
    private final PrintWriter out;

    TestProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void started(String id, TestPlan p) {
        out.printf("%s %s for %.0f s: %s@%d, %d kbit/s%s -> %s%n", p.test().key(), p.key(), p.durationMs() / 1000.0,
                p.resolution(), p.framerate(), p.bitrateKbps(), p.camera() == null ? "" : " (" + p.camera() + "'s)",
                p.output());
        out.println("  pipeline: " + p.description());
        out.flush();
    }

    @Override
    public void second(CpuSample s) {
        if (Math.round(s.second()) % EVERY_SECONDS == 0) {
            out.printf("  %5.0f s  frames %6d  %5.1f fps  cpu system %5.1f%%  pipeline %5.1f%% of a core%n",
                    s.second(), s.frames(), s.fps(), s.system(), s.pipeline());
            out.flush();
        }
    }

    @Override
    public void stopped(String why, long latencyMs) {
        out.println("  STOPPED: " + why + (latencyMs < 0 ? "" : " (pipeline stopped " + latencyMs + " ms later)"));
        out.flush();
    }

    @Override
    public void kernelTrouble(TroubleIncident i) {
        out.println("  " + i.severity().charAt(0) + " " + i.title());
        out.flush();
    }
}

package dev.r58ctl.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's first command as a person runs it: scripts/tui-e2e drives the demo in tmux and reads the screen. */
class DemoTmuxIT {
    @Test
    void theDemoWorksInTmuxAt80x24() throws Exception {
        Process p = new ProcessBuilder("scripts/tui-e2e").redirectErrorStream(true).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "tui-e2e did not finish in 5 minutes");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("tui-e2e: ok"), out);
    }
}

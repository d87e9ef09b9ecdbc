package dev.r58ctl.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data training run (see {@link Training}): it goes through the common commands and the dashboard's first
 * frames, prints nothing, and leaves nothing behind; the classes it names are still where it expects them.
 */
class TrainingTest {
    /**
     * In a JVM of its own, as the launcher runs it: the training run ends its dashboard as a session ends, which
     * asks the whole process to stop (see {@code Shutdown}); inside the test JVM that would end the other tests.
     */
    @Test
    void runsTheCommonCommandsQuietlyAndLeavesNothingBehind(@TempDir Path tmp) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + tmp, "-Dr58ctl.training=1", "-cp", cp, Main.class.getName()))
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the training run ends");
        assertEquals(0, p.exitValue(), "the training run failed; printed: " + printed);
        assertEquals("", printed, "the training run prints nothing");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "its temporary configuration and state are removed");
        }
    }

    /** A Lanterna upgrade that moves one of these makes the archive miss it: then this list needs its new name. */
    @Test
    void theTerminalClassesItLoadsStillExist() {
        for (String name : Training.TERMINAL_CLASSES) {
            assertTrue(exists(name), name + " is gone: update Training.TERMINAL_CLASSES");
        }
        assertTrue(Training.TERMINAL_CLASSES.containsAll(List.of("dev.r58ctl.tui.QuickTerminal",
                "dev.r58ctl.tui.EarlyScreen")), "the start-up's own terminal classes are archived");
    }

    private static boolean exists(String name) {
        try {
            Class.forName(name, false, TrainingTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

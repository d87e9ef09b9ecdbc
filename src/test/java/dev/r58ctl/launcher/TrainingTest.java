package dev.r58ctl.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data training run (see {@link Training}): it goes through the common commands and the dashboard's first
 * frames, prints nothing, and leaves nothing behind; the classes it names are still where it expects them.
 */
class TrainingTest {
    @Test
    void runsTheCommonCommandsQuietlyAndLeavesNothingBehind(@TempDir Path tmp) throws IOException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code;
        try (PrintStream capture = new PrintStream(printed, true)) {
            System.setOut(capture);
            System.setErr(capture);
            code = Training.run(tmp);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals(0, code, "the training run failed; printed: " + printed);
        assertEquals("", printed.toString(), "the training run prints nothing");
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

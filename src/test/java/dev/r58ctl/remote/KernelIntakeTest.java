package dev.r58ctl.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.kernel.KernelLine;
import dev.r58ctl.kernel.KernelWatch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a reconnection to the same boot the lines the board reads again are dropped; a new boot starts afresh. */
class KernelIntakeTest {
    @TempDir
    Path dir;

    private static EngineEvent line(long seq) {
        return new EngineEvent.KernelLineRead(new KernelWatch.Classified(
                new KernelLine(seq, seq * 1_000_000, 6, "line " + seq, 0), null));
    }

    @Test
    void sameBootReplayIsDroppedNewBootIsNot() throws Exception {
        RemoteTarget board = RemoteTarget.parse("r58:2222");
        KmsgJournal journal = KmsgJournal.dashboard(dir, board);
        KernelIntake in = new KernelIntake(journal);
        in.connected("boot-1", "kmsg");
        assertTrue(in.fresh(line(1)) && in.fresh(line(2)));
        in.connected("boot-1", "kmsg"); // the link dropped; the board's new engine reads the boot from the start
        assertFalse(in.fresh(line(1)) || in.fresh(line(2)));
        assertTrue(in.fresh(line(3)));
        in.connected("boot-2", "kmsg");
        assertTrue(in.fresh(line(1)));
        in.connected(null, "kmsg");
        in.connected(null, "kmsg"); // no boot id: nothing can be said to be the same boot
        assertTrue(in.fresh(line(1)));
        journal.close();
        String text = Files.readString(KmsgJournal.file(dir, board));
        assertEquals(5, text.lines().filter(l -> l.contains("] line ")).count(), text);
        assertTrue(text.contains("  [    3.000000] line 3\n"), text);
    }
}

package dev.r58ctl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real readers: a followed file, and /dev/kmsg written to as root (skipped, and saying why, elsewhere). */
class KernelSourceTest {
    @TempDir
    Path dir;

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void aFileIsReadWithLineNumbersAsSequence() throws Exception {
        Path log = dir.resolve("kern.log");
        Files.writeString(log, "[    1.000000] Booting Linux on physical CPU 0x0\n"
                + "[  494.442336] Internal error: Oops: 0000000096000005 [#29] SMP\nno newline at the end");
        try (FileSource s = new FileSource(log, false)) {
            KernelLine first = s.next();
            KernelLine oops = s.next();
            KernelLine last = s.next();
            assertNull(s.next());
            assertEquals(1, first.seq());
            assertEquals(1_000_000, first.monotonicMicros());
            assertEquals(2, oops.seq());
            assertEquals(494_442_336, oops.monotonicMicros());
            assertEquals("Internal error: Oops: 0000000096000005 [#29] SMP", oops.text());
            assertEquals("no newline at the end", last.text());
            assertEquals("file:" + log.toAbsolutePath(), s.name());
        }
    }

    @Test
    void aFollowedFileDeliversAppendedLinesAndWakesOnClose() throws Exception {
        Path log = dir.resolve("kern.log");
        Files.writeString(log, "[    1.000000] first\n");
        FileSource s = new FileSource(log, true);
        assertEquals("first", s.next().text());
        CompletableFuture<KernelLine> next = CompletableFuture.supplyAsync(() -> {
            try {
                return s.next();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        append(log, "[    2.000000] second, writ");
        append(log, "ten in two parts\n");
        KernelLine second = next.get(10, TimeUnit.SECONDS);
        assertEquals("second, written in two parts", second.text());
        assertEquals(2, second.seq());
        CompletableFuture<KernelLine> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return s.next();
            } catch (IOException e) {
                return null;
            }
        });
        Thread.sleep(200);
        s.close();
        assertNull(blocked.get(10, TimeUnit.SECONDS), "close wakes a blocked reader");
    }

    @Test
    void aTruncatedFileIsReadAgainFromTheTop() throws Exception {
        Path log = dir.resolve("kern.log");
        Files.writeString(log, "[    1.000000] old one\n[    2.000000] old two\n");
        try (FileSource s = new FileSource(log, true)) {
            s.next();
            s.next();
            CompletableFuture<KernelLine> next = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.next();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(200);
            Files.writeString(log, "[    0.500000] new\n"); // truncates: a new boot's log
            KernelLine first = next.get(10, TimeUnit.SECONDS);
            assertEquals("new", first.text());
            assertEquals(1, first.seq());
        }
    }

    /** True when this process may write records into the kernel log (root on these machines). */
    private static boolean kmsgWritable() {
        try (FileOutputStream out = new FileOutputStream("/dev/kmsg")) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void writeKmsg(String record) throws IOException {
        try (FileOutputStream out = new FileOutputStream("/dev/kmsg")) {
            out.write(record.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theRealKmsgReaderSeesARecordWrittenIntoTheKernelLog() throws Exception {
        assumeTrue(kmsgWritable(), "this machine does not let this user write /dev/kmsg (root is needed); "
                + "the real /dev/kmsg reader is not tested here");
        String tag = "r58ctl-test-" + UUID.randomUUID();
        writeKmsg("<3>" + tag + ": Internal error: Oops: 0000000096000005 [#29] SMP\n");
        List<KernelLine> found = new ArrayList<>();
        try (KmsgSource s = KmsgSource.open(false, "boot")) {
            for (KernelLine l = s.next(); l != null; l = s.next()) {
                if (l.text().startsWith(tag)) {
                    found.add(l);
                }
            }
        }
        assertEquals(1, found.size(), "the record is read once, to the current end, then the reader stops");
        KernelLine l = found.get(0);
        assertEquals(3, l.priority());
        assertTrue(l.seq() > 0 && l.monotonicMicros() > 0, l.toString());
        assertEquals(tag + ": Internal error: Oops: 0000000096000005 [#29] SMP", l.text());
    }

    @Test
    void followingKmsgBlocksUntilARecordArrivesAndCloseWakesIt() throws Exception {
        assumeTrue(kmsgWritable(), "this machine does not let this user write /dev/kmsg (root is needed)");
        String tag = "r58ctl-follow-" + UUID.randomUUID();
        KmsgSource s = KmsgSource.open(true, "boot");
        CompletableFuture<KernelLine> reader = CompletableFuture.supplyAsync(() -> {
            try {
                for (KernelLine l = s.next(); l != null; l = s.next()) {
                    if (l.text().startsWith(tag)) {
                        return l;
                    }
                }
                return null;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300); // the reader has replayed the ring buffer and now waits in poll(2)
        writeKmsg("<4>" + tag + ": WARNING: CPU: 3 PID: 1 at drivers/video/rockchip/mpp/mpp_common.c:100\n");
        KernelLine l = reader.get(10, TimeUnit.SECONDS);
        assertEquals(4, l.priority());
        CompletableFuture<KernelLine> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return s.next();
            } catch (IOException e) {
                return null;
            }
        });
        Thread.sleep(200);
        s.close();
        assertNull(blocked.get(10, TimeUnit.SECONDS), "close wakes the reader blocked in poll(2)");
    }
}

package dev.r58ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.testsupport.Tmpfs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * r58ctl's log file: shared by several r58ctl processes without one rotating it under the other, and never a
 * word on the terminal when it cannot be written (a full disk), only a count.
 */
class LogFileTest {
    private static final Formatter PLAIN = new Formatter() {
        @Override
        public String format(LogRecord r) {
            return r.getMessage() + "\n";
        }
    };

    @TempDir
    Path tmp;
    Tmpfs disk;

    @AfterEach
    void tearDown() {
        if (disk != null) {
            disk.close();
        }
    }

    private static RotatingFileHandler handler(Path file, long limit, int keep) {
        return new RotatingFileHandler(file, limit, keep, () -> PLAIN);
    }

    private static LogRecord record(String text) {
        return new LogRecord(Level.INFO, text);
    }

    /** Every line of r58ctl.log and its rotated files. */
    private static Set<String> lines(Path dir) throws IOException {
        Set<String> out = new HashSet<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("r58ctl.log")).toList()) {
                out.addAll(Files.readAllLines(f));
                assertTrue(Files.size(f) <= 4096 + 256, f + " is " + Files.size(f) + " bytes: rotated too late");
            }
        }
        return out;
    }

    @RepeatedTest(25) // a rotation racing an open showed once in a hundred runs
    void twoWritersOfOneLogRotateItOnceAndLoseNoLine() throws Exception {
        Path file = tmp.resolve("r58ctl.log");
        // as two r58ctl processes: each its own handler, its own open file, its own idea of the size
        List<RotatingFileHandler> writers = List.of(handler(file, 4096, 40), handler(file, 4096, 40));
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int id = w;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 300; i++) {
                    writers.get(id).publish(record(String.format("writer %d line %03d %s", id, i, "x".repeat(40))));
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        writers.forEach(RotatingFileHandler::close);
        Set<String> lines = lines(tmp);
        assertEquals(600, lines.size(), "every line of both writers is in one of the files");
        assertTrue(Files.exists(tmp.resolve("r58ctl.log.5")), "it did rotate");
    }

    @Test
    void aLogOnAFullDiskCountsTheFailureAndPrintsNothing() throws Exception {
        disk = Tmpfs.mount(tmp.resolve("state"), "2m");
        Path file = disk.dir().resolve("r58ctl.log");
        RotatingFileHandler h = handler(file, 1 << 20, 3);
        h.publish(record("before the disk filled up"));
        disk.fill();
        PrintStream err = System.err;
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        long failures = Logging.writeFailures();
        try {
            System.setErr(new PrintStream(seen, true));
            h.publish(record("x".repeat(5000))); // more than the block the file has already
        } finally {
            System.setErr(err);
        }
        assertEquals("", seen.toString(), "nothing on the terminal");
        assertEquals(failures + 1, Logging.writeFailures());
        assertEquals("before the disk filled up\n", Files.readString(file), "no part of the line that failed");

        disk.free();
        h.publish(record("room again"));
        h.close();
        assertEquals("before the disk filled up\nroom again\n", Files.readString(file));
    }
}

package dev.r58ctl.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Benchmark, not a test: writes HOURS (default 48) of a busy board at one sample a second (4 cameras, 8 cores,
 * 6 thermal zones, the disk filling, a few incidents) through the real {@link HistoryWriter} with a fake clock, and
 * prints the size on disk and the bytes per sample. The hours written are those that end now. Target: at most 20 MB for 48 h. Usage: [hours] [directory].
 */
public final class HistorySizeBench {
    private HistorySizeBench() {
    }

    public static void main(String[] args) throws IOException {
        int hours = args.length > 0 ? Integer.parseInt(args[0]) : 48;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("r58ctl-history-bench");
        // the hours that end now, so that `r58ctl history --since 10m` on the directory has something to read
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minus(Duration.ofHours(hours));
        MutableClock clock = new MutableClock(start);
        BoardSimulation board = new BoardSimulation();
        long samples = (long) hours * 3600;
        long began = System.nanoTime();
        int incidents = 0;
        try (HistoryWriter w = new HistoryWriter(dir, Duration.ofHours(hours + 1), clock)) {
            for (long i = 0; i < samples; i++) {
                long now = start.toEpochMilli() + i * 1000 + (i * 7919 % 40); // a few ms of jitter
                clock.set(now);
                board.round(now, w);
                if (i % 30_000 == 12_345) {
                    board.incident(now, incidents++, w);
                }
            }
            if (w.lost() > 0) {
                throw new IllegalStateException(w.lost() + " record(s) lost: " + w.problem());
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long total = 0;
        int files = 0;
        try (Stream<Path> all = Files.list(dir)) {
            for (Path f : all.toList()) {
                total += Files.size(f);
                files++;
            }
        }
        System.out.printf("history of %d h at 1 s, 4 cameras: %d samples, %d incident(s), %d segment file(s)%n",
                hours, samples, incidents, files);
        System.out.printf("size on disk   %.2f MB (%d bytes); target for 48 h: 20 MB%n", total / 1e6, total);
        System.out.printf("per sample     %.1f bytes%n", total / (double) samples);
        System.out.printf("written in     %.1f s (%.0f µs per sample, this machine)%n", seconds,
                seconds * 1e6 / samples);
        System.out.println("directory      " + dir);
    }
}

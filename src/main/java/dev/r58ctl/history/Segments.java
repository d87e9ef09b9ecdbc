package dev.r58ctl.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Segment files: one per UTC hour, {@code YYYYMMDD-HH.jsonl.gz}; a later run in the same hour writes
 * {@code YYYYMMDD-HH.2.jsonl.gz}, {@code .3}, ... (a run cut by a power failure leaves its file without a gzip
 * trailer, so it is never appended to).
 */
final class Segments {
    static final long HOUR = 3_600_000L;
    private static final Pattern NAME = Pattern.compile("(\\d{8}-\\d{2})(?:\\.(\\d{1,4}))?\\.jsonl\\.gz");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HH");

    /** One segment file: the hour it holds (epoch ms of its start) and its part (1 for the first run). */
    record Segment(Path file, long hourStart, int part) {
        long hourEnd() {
            return hourStart + HOUR;
        }
    }

    private Segments() {
    }

    static long hourOf(long millis) {
        return Math.floorDiv(millis, HOUR) * HOUR;
    }

    static String name(long hourStart, int part) {
        String hour = FORMAT.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(hourStart), ZoneOffset.UTC));
        return hour + (part <= 1 ? "" : "." + part) + ".jsonl.gz";
    }

    /** The segment file of {@code name}, or null when the name is not a segment's. */
    static Segment parse(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDateTime hour = LocalDateTime.parse(m.group(1), FORMAT);
            long start = hour.toInstant(ZoneOffset.UTC).toEpochMilli();
            return new Segment(file, start, m.group(2) == null ? 1 : Integer.parseInt(m.group(2)));
        } catch (RuntimeException e) {
            return null; // 20261399-99: not one of ours
        }
    }

    /** Every segment under {@code dir}, oldest first (by hour, then part); empty when the directory is missing. */
    static List<Segment> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Segment> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                Segment s = parse(f);
                if (s != null && Files.isRegularFile(f)) {
                    out.add(s);
                }
            });
        }
        out.sort(Comparator.comparingLong(Segment::hourStart).thenComparingInt(Segment::part));
        return out;
    }

    /** The file for the next run writing the hour {@code hourStart}: the first part not taken yet. */
    static Path next(Path dir, long hourStart) {
        for (int part = 1; ; part++) {
            Path f = dir.resolve(name(hourStart, part));
            if (!Files.exists(f)) {
                return f;
            }
        }
    }
}

package dev.r58ctl.history;

import dev.r58ctl.config.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the history {@link HistoryWriter} keeps: records of a time range in time order, the sample nearest before a
 * moment, the incidents of a range. Only the hourly segments that overlap the range are opened, one hour at a time.
 * Foreign input, read leniently: a torn last record is skipped silently, an unreadable segment is skipped with a
 * {@linkplain #notes() note}, records with keys this version does not know are read, records of a type it does not
 * know are skipped.
 */
public final class HistoryReader {
    /** A sample counts for a moment when it is at most this many sampling intervals older (and at least 10 s). */
    static final int TOLERANCE_INTERVALS = 5;
    private final Path dir;
    private final Set<String> notes = new LinkedHashSet<>();

    public HistoryReader(Path dir) {
        this.dir = dir;
    }

    public static HistoryReader of(Config config) {
        return new HistoryReader(HistoryWriter.dir(config));
    }

    public Path dir() {
        return dir;
    }

    /** What could not be read so far (a damaged segment, a directory that cannot be listed), one line each. */
    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    private synchronized void note(String line) {
        notes.add(line);
    }

    /** The hours there is history for, by hour start (epoch ms), each with its files in order. */
    private Map<Long, List<Path>> hours() {
        Map<Long, List<Path>> byHour = new TreeMap<>();
        try {
            for (Segments.Segment s : Segments.list(dir)) {
                byHour.computeIfAbsent(s.hourStart(), h -> new ArrayList<>()).add(s.file());
            }
        } catch (IOException e) {
            note(dir + " could not be listed: " + e.getMessage());
        }
        return byHour;
    }

    /** True when there is at least one segment. */
    public boolean any() {
        return !hours().isEmpty();
    }

    /** The start of the oldest hour and the end of the newest one there is history for, or empty. */
    public Optional<Instant[]> span() {
        Map<Long, List<Path>> h = hours();
        if (h.isEmpty()) {
            return Optional.empty();
        }
        List<Long> keys = new ArrayList<>(h.keySet());
        return Optional.of(new Instant[] {Instant.ofEpochMilli(keys.get(0)),
                Instant.ofEpochMilli(keys.get(keys.size() - 1) + Segments.HOUR)});
    }

    /** Every record from {@code from} to {@code to} (both included), in time order; close the stream when done. */
    public Stream<HistoryRecord> read(Instant from, Instant to) {
        return read(from, to, true);
    }

    private Stream<HistoryRecord> read(Instant from, Instant to, boolean samples) {
        long a = from.toEpochMilli();
        long b = to.toEpochMilli();
        return hours().entrySet().stream()
                .filter(e -> e.getKey() + Segments.HOUR > a && e.getKey() <= b)
                .flatMap(e -> hour(e.getValue(), a, b, samples).stream());
    }

    /** The newest sample at or before {@code t}, when it is no older than a few sampling intervals (10 s at least). */
    public Optional<SampleRecord> at(Instant t) {
        Optional<SampleRecord> s = at(t, Duration.ofMinutes(2));
        return s.filter(x -> t.toEpochMilli() - x.time()
                <= Math.max(10_000, TOLERANCE_INTERVALS * Math.max(x.intervalMs(), 1000)));
    }

    /** The newest sample at or before {@code t} and at most {@code tolerance} older. */
    public Optional<SampleRecord> at(Instant t, Duration tolerance) {
        try (Stream<HistoryRecord> s = read(t.minus(tolerance), t)) {
            return s.filter(r -> r instanceof SampleRecord).map(r -> (SampleRecord) r)
                    .reduce((x, y) -> y.time() >= x.time() ? y : x);
        }
    }

    /** The kernel incidents opened or closed from {@code from} to {@code to}, in time order. */
    public List<IncidentRecord> incidents(Instant from, Instant to) {
        try (Stream<HistoryRecord> s = read(from, to, false)) {
            return s.filter(r -> r instanceof IncidentRecord).map(r -> (IncidentRecord) r).toList();
        }
    }

    /** The records of one hour's files from {@code a} to {@code b}, sorted by time (stable: equal times keep order). */
    private List<HistoryRecord> hour(List<Path> files, long a, long b, boolean samples) {
        List<HistoryRecord> out = new ArrayList<>();
        for (Path f : files) {
            SegmentLines.Result r = SegmentLines.read(f);
            if (r.note() != null) {
                note(r.note());
            }
            int bad = 0;
            for (byte[] line : r.lines()) {
                long t = timeOf(line);
                if (t != Long.MIN_VALUE && (t < a || t > b) || !samples && startsWith(line, SAMPLE)) {
                    continue; // not wanted: not worth parsing (most of an hour for a 10-minute range)
                }
                try {
                    HistoryRecord rec = Lazy.READER.readValue(line);
                    if (rec != null && rec.time() >= a && rec.time() <= b) {
                        out.add(rec);
                    } // null: a type this version does not know (a newer r58ctl wrote it), skipped without a note
                } catch (IOException | RuntimeException e) {
                    if (line.length > 0) {
                        bad++;
                    }
                }
            }
            if (bad > 0) {
                note(f + ": " + bad + " unreadable record(s) skipped");
            }
        }
        out.sort(Comparator.comparingLong(HistoryRecord::time));
        return out;
    }

    /**
     * Made at the first record read, not with the reader: a dashboard holds a reader for look-back from its start, and
     * jackson-databind would cost it memory for hours before the operator looks back, if ever.
     */
    private static final class Lazy {
        static final com.fasterxml.jackson.databind.ObjectReader READER = HistoryJson.MAPPER
                .readerFor(HistoryRecord.class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_INVALID_SUBTYPE);
    }
    private static final byte[] SAMPLE = "{\"type\":\"sample\",".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] TIME_KEY = "\"time\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static boolean startsWith(byte[] line, byte[] prefix) {
        return line.length >= prefix.length && java.util.Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The {@code time} the writer puts near a line's start, or {@link Long#MIN_VALUE} when it is not there. */
    static long timeOf(byte[] line) {
        int limit = Math.min(line.length - TIME_KEY.length, 48);
        outer:
        for (int i = 0; i <= limit; i++) {
            for (int k = 0; k < TIME_KEY.length; k++) {
                if (line[i + k] != TIME_KEY[k]) {
                    continue outer;
                }
            }
            long v = 0;
            int j = i + TIME_KEY.length;
            int start = j;
            while (j < line.length && j - start < 18 && line[j] >= '0' && line[j] <= '9') {
                v = v * 10 + (line[j++] - '0');
            }
            return j > start && j < line.length && (line[j] == ',' || line[j] == '}') ? v : Long.MIN_VALUE;
        }
        return Long.MIN_VALUE;
    }
}

package dev.r58ctl.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.engine.CameraView;
import dev.r58ctl.monitor.SystemSample;
import dev.r58ctl.testsupport.Tmpfs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer and the reader on real files: round trip, power cuts, restarts, retention, damage, a full disk. */
class HistoryStoreTest {
    static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir
    Path tmp;

    /** Writes {@code n} rounds of the simulated board, one a second from {@code start}, without closing. */
    static HistoryWriter write(HistoryWriter w, MutableClock clock, BoardSimulation board, Instant start, int n) {
        for (int i = 0; i < n; i++) {
            long now = start.toEpochMilli() + i * 1000L;
            clock.set(now);
            board.round(now, w);
        }
        return w;
    }

    static List<SampleRecord> samples(HistoryReader r, Instant from, Instant to) {
        try (Stream<HistoryRecord> s = r.read(from, to)) {
            return s.filter(x -> x instanceof SampleRecord).map(x -> (SampleRecord) x).toList();
        }
    }

    @Test
    void whatIsWrittenReadsBackInTimeOrderWithIncidents() {
        Path dir = tmp.resolve("history");
        MutableClock clock = new MutableClock(T0);
        BoardSimulation board = new BoardSimulation();
        try (HistoryWriter w = new HistoryWriter(dir, Duration.ofHours(48), clock)) {
            write(w, clock, board, T0.minusSeconds(60), 60); // across the hour: two segments
            board.incident(clock.millis(), 0, w);
            write(w, clock, board, T0.plusSeconds(1), 30);
            assertEquals(0, w.lost());
        }
        HistoryReader r = new HistoryReader(dir);
        List<HistoryRecord> all;
        try (Stream<HistoryRecord> s = r.read(T0.minusSeconds(3600), T0.plusSeconds(3600))) {
            all = s.toList();
        }
        assertEquals(92, all.size(), "90 samples, an incident opened and closed");
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i).time() >= all.get(i - 1).time(), "time order at " + i);
        }
        List<IncidentRecord> incidents = r.incidents(T0.minusSeconds(10), T0.plusSeconds(10));
        assertEquals(List.of("opened", "closed"), incidents.stream().map(IncidentRecord::event).toList());
        assertEquals("critical", incidents.get(0).severity());
        assertEquals('C', incidents.get(0).letter());

        SampleRecord s = r.at(T0.plusMillis(10_500)).orElseThrow();
        assertEquals(T0.plusSeconds(10).toEpochMilli(), s.time(), "the newest sample at or before the moment");
        SystemSample sys = s.toSystemSample();
        assertEquals(8, sys.corePercent().length);
        assertEquals(6, sys.temperatures().size());
        assertEquals(Math.round(sys.cpuPercent() * 10) / 10.0, sys.cpuPercent(), "rounded to 0.1");
        assertTrue(sys.vpu().available());
        assertEquals("recorder", sys.processes().get(0).role());
        List<CameraView> cams = s.cameraViews();
        assertEquals(List.of("cam1", "cam2", "cam3", "cam4"), cams.stream().map(CameraView::id).toList());
        assertTrue(cams.get(0).stats().fps() > 28 && cams.get(0).stats().fps() < 32, cams.get(0).toString());
        assertEquals(Math.round(cams.get(0).stats().fps() * 100) / 100.0, cams.get(0).stats().fps());
        assertEquals("/mnt/sdcard/recordings", s.toDiskFigures().recordings().get(0).path());
        assertTrue(s.recorder().healthy());

        assertTrue(r.at(T0.plusSeconds(30 + 11)).isEmpty(), "no sample within 10 s: none");
        assertTrue(r.at(T0.minusSeconds(61)).isEmpty(), "before the first sample: none");
        assertEquals(List.of(), r.notes());
    }

    @Test
    void aTornTailReadsEverythingBeforeIt() throws IOException {
        Path dir = tmp.resolve("history");
        MutableClock clock = new MutableClock(T0);
        try (HistoryWriter w = new HistoryWriter(dir, Duration.ofHours(48), clock)) {
            write(w, clock, new BoardSimulation(), T0, 100);
        }
        Path file = dir.resolve("20261205-10.jsonl.gz");
        long size = Files.size(file);
        // cut inside the last deflate block (the records after the last flush), as a power failure leaves it
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size - 40);
        }
        HistoryReader r = new HistoryReader(dir);
        List<SampleRecord> back = samples(r, T0, T0.plusSeconds(200));
        assertTrue(back.size() >= 90 && back.size() < 100, back.size() + " samples read back");
        for (int i = 0; i < back.size(); i++) {
            assertEquals(T0.plusSeconds(i).toEpochMilli(), back.get(i).time(), "the first records, whole");
        }
        assertEquals(List.of(), r.notes(), "a torn tail is skipped silently");
        assertEquals(back.get(back.size() - 1).time(), r.at(T0.plusSeconds(99)).orElseThrow().time());
    }

    @Test
    void twoRunsInOneHourBothReadBackEvenWhenTheFirstWasCut() throws IOException {
        Path dir = tmp.resolve("history");
        MutableClock clock = new MutableClock(T0);
        BoardSimulation board = new BoardSimulation();
        HistoryWriter cut = write(new HistoryWriter(dir, Duration.ofHours(48), clock), clock, board, T0, 20);
        // the first run is never closed: the power went (what it had flushed stays: 0 s to 15 s)
        try (HistoryWriter second = new HistoryWriter(dir, Duration.ofHours(48), clock)) {
            write(second, clock, board, T0.plusSeconds(600), 20);
        }
        try (HistoryWriter third = new HistoryWriter(dir, Duration.ofHours(48), clock)) {
            write(third, clock, board, T0.plusSeconds(1200), 20);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("20261205-10.2.jsonl.gz", "20261205-10.3.jsonl.gz", "20261205-10.jsonl.gz"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        HistoryReader r = new HistoryReader(dir);
        List<SampleRecord> back = samples(r, T0, T0.plusSeconds(3599));
        assertEquals(16 + 20 + 20, back.size(), "the cut run up to its last flush (at 15 s), then both later runs");
        assertEquals(T0.plusSeconds(1219).toEpochMilli(), back.get(back.size() - 1).time());
        assertEquals(List.of(), r.notes());
        cut.close();
    }

    @Test
    void retentionDeletesWholeSegmentsOlderThanItOnly() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("history"));
        long now = T0.toEpochMilli();
        long hour = Segments.HOUR;
        for (long h : new long[] {now - 50 * hour, now - 48 * hour, now - 47 * hour, now - hour}) {
            Files.write(dir.resolve(Segments.name(h, 1)), new byte[0]);
        }
        Files.write(dir.resolve(Segments.name(now - 49 * hour, 2)), new byte[0]);
        Files.writeString(dir.resolve("README.txt"), "not a segment");
        MutableClock clock = new MutableClock(T0);
        HistoryWriter w = new HistoryWriter(dir, Duration.ofHours(48), clock);
        assertEquals(List.of("20261203-10.jsonl.gz", "20261203-11.jsonl.gz", "20261205-09.jsonl.gz", "README.txt"),
                names(dir), "at start: the hours that ended 48 h ago or earlier go, the rest stays");

        write(w, clock, new BoardSimulation(), T0.plus(Duration.ofMinutes(61)), 1);
        w.close();
        assertEquals(List.of("20261203-11.jsonl.gz", "20261205-09.jsonl.gz", "20261205-11.jsonl.gz", "README.txt"),
                names(dir), "an hour later the 10:00 hour of two days ago has gone too");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDamagedSegmentIsSkippedWithANoteAndNewerRecordsStillRead() throws IOException {
        Path dir = tmp.resolve("history");
        MutableClock clock = new MutableClock(T0);
        try (HistoryWriter w = new HistoryWriter(dir, Duration.ofHours(48), clock)) {
            write(w, clock, new BoardSimulation(), T0, 10);
        }
        Path garbage = dir.resolve("20261205-09.jsonl.gz");
        Files.write(garbage, "this is not gzip at all, but the name says it is\n".getBytes(StandardCharsets.UTF_8));
        Path newer = dir.resolve("20261205-11.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(newer))) {
            long t = T0.plusSeconds(3600).toEpochMilli();
            out.write(("{\"type\":\"sample\",\"time\":" + t + ",\"interval_ms\":1000,\"cpu\":12.5,"
                    + "\"from_a_newer_version\":{\"x\":1},\"cameras\":[{\"id\":\"cam1\",\"state\":\"RUNNING\","
                    + "\"fps\":30.0,\"kbps\":18000,\"hdr\":true}]}\n").getBytes(StandardCharsets.UTF_8));
            out.write("not json\n".getBytes(StandardCharsets.UTF_8));
            out.write(("{\"type\":\"power_rail\",\"time\":" + (t + 1) + "}\n").getBytes(StandardCharsets.UTF_8));
        }
        HistoryReader r = new HistoryReader(dir);
        List<SampleRecord> back = samples(r, T0.minusSeconds(3600), T0.plusSeconds(7200));
        assertEquals(11, back.size());
        SampleRecord future = back.get(10);
        assertEquals(12.5, future.cpu());
        assertEquals(30.0, future.cameraViews().get(0).stats().fps());
        assertEquals(List.of(garbage + " skipped in part: not a gzip file", newer + ": 1 unreadable record(s) skipped"),
                r.notes());
    }

    @Test
    void aFullDiskIsLoggedOnceCountedAndTriedAgainLater() throws IOException {
        try (Tmpfs disk = Tmpfs.mount(tmp.resolve("state"), "256k")) {
            Path dir = disk.dir().resolve("history");
            MutableClock clock = new MutableClock(T0);
            BoardSimulation board = new BoardSimulation();
            HistoryWriter w = new HistoryWriter(dir, Duration.ofHours(48), clock);
            write(w, clock, board, T0, 10);
            assertEquals(0, w.lost());
            disk.fill();
            write(w, clock, board, T0.plusSeconds(10), 30);
            assertTrue(w.lost() > 0, "samples were lost");
            assertTrue(w.problem().startsWith("no space left on tmpfs on " + disk.dir() + " ("), w.problem());
            disk.free();
            long lostBefore = w.lost();
            write(w, clock, board, T0.plusSeconds(40), 30);
            assertNull(w.problem(), "written again once there is room");
            assertTrue(w.lost() - lostBefore <= HistoryWriter.RETRY_MS / 1000, "tried again within the retry time");
            w.close();
            List<SampleRecord> back = samples(new HistoryReader(dir), T0, T0.plusSeconds(100));
            assertFalse(back.isEmpty());
            assertEquals(T0.plusSeconds(69).toEpochMilli(), back.get(back.size() - 1).time(), "the newest is there");
            assertEquals(70 - w.lost(), back.size(), "everything not counted as lost reads back");
        }
    }
}

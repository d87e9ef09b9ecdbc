package dev.r58ctl.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encode and soak tests with real x264enc and x265enc pipelines at 640x360@30, watched through a real kernel log
 * file; and a run that the seed's Oops, written into that file half way, stops at once and marks UNSTABLE.
 */
class StabilityRunTest {
    @TempDir
    Path dir;

    /** What a listener heard, in order. */
    static class Heard implements StabilityListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<CpuSample> seconds = new CopyOnWriteArrayList<>();

        @Override
        public void started(String id, TestPlan plan) {
            events.add("started " + plan.test().key());
        }

        @Override
        public void second(CpuSample sample) {
            seconds.add(sample);
        }

        @Override
        public void stopped(String why, long latencyMs) {
            events.add("stopped " + why);
        }

        @Override
        public void kernelTrouble(TroubleIncident incident) {
            events.add("trouble " + incident.title());
        }

        @Override
        public void finished(TestResult result) {
            events.add("finished " + result.verdict());
        }
    }

    private void encodes(String encoder, String mediaType) throws Exception {
        Config c = StabilityFixtures.load(dir, "");
        Heard heard = new Heard();
        TestResult r = new StabilityTest(c).test(TestKind.ENCODE).encoder(encoder).duration(Duration.ofSeconds(3))
                .listener(heard).call();
        assertEquals(Verdict.PASS, r.verdict(), r.toString());
        assertEquals(List.of("started encode", "finished PASS"), heard.events);
        assertTrue(heard.seconds.size() >= 2, "a sample a second: " + heard.seconds);
        assertEquals(mediaType, r.frames().codec());
        assertTrue(r.frames().percent() >= 95, r.frames().toString());
        assertTrue(r.plan().description().startsWith("videotestsrc name=stab_src is-live=true"), r.plan().description());
        assertTrue(r.plan().output().startsWith(c.stateDir().resolve("stability/files").toString()), "under state");
        assertEquals(r.plan().output(), Path.of(r.plan().output()).toString());
        assertTrue(r.cpu().pipeline().samples() >= 2 && r.cpu().pipeline().average() > 0, r.cpu().toString());
        assertEquals(530, r.kernel().markSeq(), "marked at the end of the log as it stood");
        assertTrue(r.kernel().trouble().isEmpty());
        assertNull(r.kernel().stopLatencyMs());
        TestResult stored = new RunStore(c).read(new RunStore(c).file(r.id()));
        assertEquals(r.plan().description(), stored.plan().description(), "the exact pipeline is on disk");
        assertEquals(r.plan().key(), stored.plan().key());
        assertEquals(r.plan().key(), dev.r58ctl.config.EncoderSettings.key(encoder, stored.plan().settings()));
        assertEquals(r.series().size(), stored.series().size());
        assertEquals(Verdict.PASS, stored.verdict());
    }

    @Test
    void anX264EncodePassesAndRecordsEverything() throws Exception {
        encodes("x264enc", "video/x-h264");
    }

    @Test
    void anX265EncodePasses() throws Exception {
        encodes("x265enc", "video/x-h265");
    }

    @Test
    void aSoakRunsAtRealTimeIntoAClockSyncedSinkAndReportsCpu() throws Exception {
        Config c = StabilityFixtures.load(dir, "");
        long before = System.nanoTime();
        TestResult r = new StabilityTest(c).test(TestKind.SOAK).camera("cam1").duration(Duration.ofSeconds(4)).call();
        long wallMs = (System.nanoTime() - before) / 1_000_000;
        assertEquals(Verdict.PASS, r.verdict(), r.toString());
        assertEquals("x265enc", r.plan().encoder(), "cam1's encoder");
        assertTrue(r.plan().description().contains("sync=true"), r.plan().description());
        assertTrue(r.ranMs() >= 4000 && wallMs >= 4000, "ran " + r.ranMs() + " ms, wall " + wallMs + " ms");
        assertTrue(r.checks().stream().anyMatch(k -> k.name().equals("real time") && k.ok()), r.checks().toString());
        assertTrue(r.cpu().system().samples() >= 3, r.cpu().toString());
        assertTrue(r.cpu().system().max() >= r.cpu().system().p95() && r.cpu().system().p95() >= 0);
        assertTrue(r.cpu().processes().containsKey("r58ctl"), "per process: " + r.cpu().processes());
        assertEquals(r.cpu().pipeline().average() / r.cpu().cores(), r.cpu().perStream(), 0.1);
    }

    @Test
    void theSeedsOopsHalfWayStopsTheRunAtOnceAndMarksItUnstable() throws Exception {
        Config c = StabilityFixtures.load(dir, "");
        Path kern = dir.resolve("kern.log");
        AtomicLong written = new AtomicLong();
        AtomicLong stopped = new AtomicLong();
        Heard heard = new Heard() {
            @Override
            public void second(CpuSample sample) {
                super.second(sample);
                if (sample.second() >= 4 && written.get() == 0) { // half way through 8 s
                    written.set(System.nanoTime());
                    append(kern, StabilityFixtures.OOPS + "\n"
                            + "[  494.838527] Code: f100007f fa401a64 540017a0 b9402ae0 (f8606a62)\n");
                }
            }

            @Override
            public void stopped(String why, long latencyMs) {
                stopped.set(System.nanoTime());
                super.stopped(why, latencyMs);
            }
        };
        TestResult r = new StabilityTest(c).test(TestKind.ENCODE).encoder("x265enc").duration(Duration.ofSeconds(8))
                .listener(heard).call();
        assertTrue(written.get() > 0 && stopped.get() > 0, heard.events.toString());
        long measured = (stopped.get() - written.get()) / 1_000_000;
        assertTrue(measured < 3000, "stopped " + measured + " ms after the Oops was written");
        assertEquals(Verdict.UNSTABLE, r.verdict(), r.toString());
        assertTrue(r.reason().contains("Internal error: Oops: 0000000096000005 [#29] SMP"), r.reason());
        assertTrue(r.ranMs() < 7000, "stopped early: ran " + r.ranMs() + " ms");
        assertNotNull(r.kernel().stopLatencyMs());
        assertTrue(r.kernel().stopLatencyMs() <= measured, r.kernel().stopLatencyMs() + " vs " + measured);
        List<String> lines = r.kernel().trouble().stream().flatMap(i -> i.lines().stream()).toList();
        assertTrue(lines.contains("Internal error: Oops: 0000000096000005 [#29] SMP"), lines.toString());
        assertTrue(heard.events.get(1).startsWith("stopped kernel trouble: Internal error: Oops"), heard.events.toString());
        assertTrue(heard.events.contains("finished UNSTABLE"), heard.events.toString());
        assertFalse(r.checks().stream().filter(k -> k.name().equals("kernel")).findFirst().orElseThrow().ok());
        assertTrue(Files.readString(c.stateDir().resolve("kernel/incidents.jsonl")).contains("Oops: 0000000096000005"),
                "the journal holds the evidence too");
        System.out.printf("MEASURED stop latency: %d ms by the test's clock, %d ms recorded%n", measured,
                r.kernel().stopLatencyMs());
    }

    static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

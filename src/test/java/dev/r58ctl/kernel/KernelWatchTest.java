package dev.r58ctl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch end to end with a file source fed recorded real lines: classification, incidents, the journal on
 * disk (forced before subscribers hear), marks, a restarted reader, and the previous boot.
 */
class KernelWatchTest {
    @TempDir
    Path dir;

    private static String resource(String name) throws IOException {
        try (InputStream in = KernelWatchTest.class.getResourceAsStream("/kernel/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private IncidentJournal journal() throws IOException {
        return new IncidentJournal(dir.resolve("state"), 1 << 20, 3);
    }

    @Test
    void theOopsReachesSubscribersWhenItsLineIsWrittenAndIsOnDiskBeforeThat() throws Exception {
        Path log = dir.resolve("kern.log");
        Files.writeString(log, resource("chatter-rk3588.txt"));
        IncidentJournal journal = journal();
        KernelWatch watch = new KernelWatch(new FileSource(log, true), KernelClassifier.defaults(), journal);
        CountDownLatch opened = new CountDownLatch(1);
        List<String> onDiskWhenTold = new CopyOnWriteArrayList<>(); // titles heard by the subscriber
        watch.subscribe(new KernelWatch.Listener() {
            @Override
            public void incident(IncidentListener.Event event, Incident incident) {
                if (event == IncidentListener.Event.OPENED && incident.severity() == Severity.CRITICAL) {
                    onDiskWhenTold.add(incident.title());
                    opened.countDown();
                }
            }
        });
        watch.start();
        try {
            Thread.sleep(300);
            assertTrue(watch.incidents().stream().noneMatch(i -> i.severity() == Severity.CRITICAL),
                    "ordinary chatter raises nothing critical: " + watch.incidents());
            Files.writeString(log, resource("seed-syslogd-broadcast.txt"), StandardOpenOption.APPEND);
            assertTrue(opened.await(10, TimeUnit.SECONDS), "an Oops in the syslogd broadcast form is detected");
            assertEquals("Internal error: Oops: 0000000096000005 [#29] SMP", onDiskWhenTold.get(0));
            // the writer thread forces it to disk at once; wait for it without a fixed sleep
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!Files.readString(journal.file()).contains("Internal error: Oops") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(Files.readString(journal.file()).contains("Internal error: Oops: 0000000096000005 [#29] SMP"),
                    "the journal file holds the Oops without anyone asking for it");
        } finally {
            watch.close();
        }
        List<JournalEntry> entries = journal.read(e -> true);
        assertEquals(Severity.CRITICAL, entries.get(0).severity());
        assertEquals(494_442_336L, entries.get(0).monoMicros());
        assertEquals("file:" + log.toAbsolutePath(), entries.get(0).log());
    }

    @Test
    void aWholeOopsReportIsOneIncidentAndARestartedReaderDoesNotJournalItTwice() throws Exception {
        Path log = dir.resolve("kern.log");
        Files.writeString(log, resource("chatter-rk3588.txt") + resource("oops-rk3588-mpp.txt"));
        // the journal's writer thread forces lines in batches: closing it writes what it holds (CI once read 0 lines
        // from a journal still open)
        try (IncidentJournal written = journal();
             KernelWatch first = new KernelWatch(new FileSource(log, false), KernelClassifier.defaults(), written)) {
            first.readToEnd();
            List<Incident> critical = first.troubleSince(-1, Severity.CRITICAL);
            assertEquals(1, critical.size(), critical.toString());
            assertTrue(critical.get(0).lines().size() > 30, "the report stays together: " + critical.get(0).lines().size());
            assertTrue(critical.get(0).title().startsWith("Unable to handle kernel NULL pointer dereference"),
                    critical.get(0).title());
        }
        IncidentJournal journal = journal();
        int journaled = journal.read(e -> true).size();
        assertTrue(journaled > 30, "every line of the report is evidence: " + journaled);
        try (KernelWatch again = new KernelWatch(new FileSource(log, false), KernelClassifier.defaults(), journal)) {
            again.readToEnd();
            assertEquals(1, again.troubleSince(-1, Severity.CRITICAL).size(), "the incident is still seen");
        }
        assertEquals(journaled, journal.read(e -> true).size(), "nothing journaled twice");
    }

    @Test
    void marksSurviveARestartAndSelectTroubleAfterThem() throws Exception {
        Path log = dir.resolve("kern.log");
        Files.writeString(log, resource("chatter-rk3588.txt"));
        KernelMarks marks = new KernelMarks(dir.resolve("state"));
        try (KernelWatch w = new KernelWatch(new FileSource(log, false), KernelClassifier.defaults(), journal())) {
            w.readToEnd();
            marks.put("test-encode", new KernelMarks.Mark(w.source().logId(), w.lastSeq(), "now"));
        }
        Files.writeString(log, resource("warning-cut-here.txt"), StandardOpenOption.APPEND);
        KernelMarks.Mark mark = new KernelMarks(dir.resolve("state")).get("test-encode");
        try (KernelWatch w = new KernelWatch(new FileSource(log, false), KernelClassifier.defaults(), journal())) {
            w.readToEnd();
            List<Incident> since = w.troubleSince(mark.seq(), Severity.WARNING);
            assertTrue(since.stream().allMatch(i -> i.firstSeq() > mark.seq()), since.toString());
            assertEquals(1, since.stream().filter(i -> i.title().startsWith("WARNING: CPU: 2 PID: 94")).count(),
                    "the cut-here report is one incident: " + since);
            assertEquals(since.size(), w.troubleSince(-1, Severity.WARNING).size(), "the chatter before the mark is clean");
            assertEquals(530, mark.seq(), "the mark is the last line of the chatter");
        }
    }

    @Test
    void theJournalIsBoundedAndRotates() throws Exception {
        IncidentJournal j = new IncidentJournal(dir.resolve("small"), 2000, 2);
        for (int i = 0; i < 100; i++) {
            j.append(new JournalEntry("t", "log", i, -1, Severity.ERROR, "p", "K" + i, "mpp_rkvenc2: timeout " + i));
        }
        j.sync(); // the writer thread works on its own; wait for it here
        long total = Files.size(j.file()) + Files.size(j.file().resolveSibling(IncidentJournal.FILE_NAME + ".1"));
        assertTrue(total <= 4000, "bounded: " + total);
        assertFalse(Files.exists(j.file().resolveSibling(IncidentJournal.FILE_NAME + ".2")));
        assertEquals(99, j.lastSeq("log"), "the newest entries are kept");
        Files.writeString(j.file(), "{\"torn", StandardOpenOption.APPEND);
        assertEquals(99, j.lastSeq("log"), "a torn last line (the board died mid-write) is skipped");
    }

    @Test
    void thePreviousBootFromAFileSaysItEndedInAnOops() throws Exception {
        Path prev = dir.resolve("prev.log");
        Files.writeString(prev, resource("chatter-rk3588.txt") + resource("oops-rk3588-mpp.txt"));
        PreviousBoot.Report r = new PreviousBoot(KernelClassifier.defaults(), dir.resolve("pstore"))
                .read("file:" + prev);
        assertTrue(r.available() && r.crashed(), r.toString());
        assertTrue(r.lastLines().stream().anyMatch(l -> l.contains("end trace")), r.lastLines().toString());
        assertEquals(1, r.incidents().stream().filter(i -> i.severity() == Severity.CRITICAL).count());
        Files.writeString(prev, resource("chatter-rk3588.txt"));
        assertFalse(new PreviousBoot(KernelClassifier.defaults(), dir).read("file:" + prev).crashed());
    }

    @Test
    void aPstoreDumpCountsAsACrash() throws Exception {
        Path pstore = Files.createDirectories(dir.resolve("pstore"));
        Files.writeString(pstore.resolve("dmesg-ramoops-0"),
                "Oops#1 Part1\n<6>[  493.905117] rk_hdmirx fdee0000.hdmirx-controller: New format\n"
                        + "<0>[  494.442336] Internal error: Oops: 0000000096000005 [#29] SMP\n");
        PreviousBoot.Report r = new PreviousBoot(KernelClassifier.defaults(), pstore).read("auto");
        assertTrue(r.crashed(), r.toString());
        assertTrue(r.source().startsWith("pstore"), r.source());
        assertEquals(Severity.CRITICAL, r.incidents().get(0).severity());
    }
}

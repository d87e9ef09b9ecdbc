package dev.r58ctl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The watch passing over ordinary lines as bytes keeps exactly the lines, severities, matches, timestamps and
 * incidents that the old path (every line decoded, parsed and classified) keeps: on the recorded real logs and
 * on a generated mix of the awkward cases.
 */
class KernelFastPathTest {
    private static final KernelClassifier DEFAULTS = KernelClassifier.defaults();

    @TempDir
    Path dir;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = KernelFastPathTest.class.getResourceAsStream("/kernel/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Both paths over the bytes: the same trouble, the same incidents, the same last line; and every line alike. */
    private KernelPaths.Result assertSame(byte[] content, KernelClassifier classifier) throws IOException {
        KernelPaths.Result old = KernelPaths.reference(content, classifier);
        KernelPaths.Result fast = KernelPaths.watch(content, dir, classifier, false);
        assertEquals(old.classified(), fast.classified());
        assertEquals(old.incidents(), fast.incidents());
        assertEquals(old.lastSeq(), fast.lastSeq());
        // lines heard but not classified are those of open incidents: the old path has them too
        assertTrue(old.lines().containsAll(fast.lines()));
        KernelPaths.Result every = KernelPaths.watch(content, dir, classifier, true);
        assertEquals(old.lines(), every.lines(), "with a listener for every line, every line is built as before");
        assertEquals(old.incidents(), every.incidents());
        return fast;
    }

    @ParameterizedTest
    @ValueSource(strings = {"chatter-rk3588.txt", "oops-rk3588-mpp.txt", "warning-cut-here.txt",
            "seed-syslogd-broadcast.txt", "trouble-lines.txt", "lava-patterns.txt", "kmsg-records.txt"})
    void theRecordedLogsGiveTheSameKeptLines(String name) throws IOException {
        byte[] content = resource(name);
        KernelPaths.Result fast = assertSame(content, DEFAULTS);
        long lines = KernelPaths.reference(content, DEFAULTS).lines().size();
        assertTrue(fast.lines().size() <= lines);
    }

    @Test
    void theChatterAndTheOopsTogetherKeepTheTroubleAndPassOverTheRest() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(resource("chatter-rk3588.txt"));
        all.writeBytes(resource("oops-rk3588-mpp.txt"));
        all.writeBytes(resource("chatter-rk3588.txt"));
        all.writeBytes(resource("warning-cut-here.txt"));
        KernelPaths.Result fast = assertSame(all.toByteArray(), DEFAULTS);
        KernelPaths.Result old = KernelPaths.reference(all.toByteArray(), DEFAULTS);
        assertTrue(old.classified().size() >= 5, "the fixtures hold trouble: " + old.classified().size());
        assertTrue(fast.lines().size() < old.lines().size() / 5,
                "most chatter is passed over: " + fast.lines().size() + " of " + old.lines().size());
    }

    @Test
    void theTroubleLinesInEveryTextShapeGiveTheSameKeptLines() throws IOException {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String name : List.of("trouble-lines.txt", "lava-patterns.txt")) {
            for (KernelFixtures.Expected e : KernelFixtures.expectations(name)) {
                n++;
                long micros = 1_000_000L * n + 2_500_000L * (n % 3);
                String ts = String.format("[%5d.%06d]", micros / 1_000_000, micros % 1_000_000);
                sb.append(switch (n % 8) {
                    case 0 -> ts + " " + e.text();
                    case 1 -> "<" + (n % 8) + ">" + ts + " " + e.text();
                    case 2 -> "Dec 19 14:53:01 r58 kernel: " + e.text();
                    case 3 -> "2025-12-19T14:53:01.123+01:00 r58 kernel: " + ts + " " + e.text();
                    case 4 -> ts + " r58-board kernel: " + e.text();
                    case 5 -> "[Thu Dec 19 14:53:01 2024] " + e.text();
                    case 6 -> ts + "[ T" + n + "] " + e.text();
                    default -> " kernel:" + ts + " " + e.text();
                }).append(n % 5 == 0 ? "\r\n" : "\n");
            }
        }
        assertSame(sb.toString().getBytes(StandardCharsets.UTF_8), DEFAULTS);
    }

    @Test
    void aGeneratedMixOfAwkwardLinesGivesTheSameKeptLines() throws IOException {
        byte[] mix = AwkwardLog.generate(new Random(17), 20_000);
        KernelPaths.Result fast = assertSame(mix, DEFAULTS);
        assertTrue(fast.classified().size() > 100, "the mix holds trouble: " + fast.classified().size());
    }

    @Test
    void patternsWithOtherScriptsAndOddLiteralsGiveTheSameKeptLines() throws IOException {
        KernelClassifier extra = KernelClassifier.withExtra(List.of(
                KernelPattern.literal("umlaut", Severity.ERROR, "Fehlschlag ü|Überlauf", "German driver error"),
                KernelPattern.regex("cjk", Severity.WARNING, "错误", "设备.*错误", "Chinese driver warning"),
                KernelPattern.literal("emoji", Severity.WARNING, "🔥 hot", "a driver that prints emoji")));
        assertSame(AwkwardLog.generate(new Random(58), 5_000), extra);
        // a literal holding U+FFFD cannot be looked for in bytes: then every line is read in full
        KernelClassifier replacement = KernelClassifier.withExtra(List.of(
                KernelPattern.literal("bad-bytes", Severity.WARNING, "\uFFFD\uFFFD", "malformed text")));
        KernelPaths.Result fast = assertSame(AwkwardLog.generate(new Random(59), 2_000), replacement);
        assertTrue(fast.classified().stream().anyMatch(s -> "bad-bytes".equals(s.patternId())));
    }

    @Test
    void rawBytesSaidToBeOrdinaryNeverClassifyAsTrouble() {
        KernelClassifier extra = KernelClassifier.withExtra(List.of(
                KernelPattern.literal("umlaut", Severity.ERROR, "Fehlschlag ü", "German driver error"),
                KernelPattern.regex("cjk", Severity.WARNING, "错误", "设备.*错误", "Chinese driver warning")));
        String[] pieces = {"mpp", "rkvenc", "fail", "Oops", "Oops:", "BUG:", " ", "x", "default", "timeout", "ü",
            "Fehlschlag ", "设备", "错误", "é", "😀", "Internal error: ", "stall", "-[ cut here ]", "hung_task", "0x3"};
        byte[][] malformed = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F}};
        Random random = new Random(5);
        int passedOver = 0;
        int trouble = 0;
        for (int i = 0; i < 200_000; i++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int k = random.nextInt(6); k >= 0; k--) {
                if (random.nextInt(4) == 0) {
                    b.writeBytes(malformed[random.nextInt(malformed.length)]);
                } else {
                    b.writeBytes(pieces[random.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] bytes = b.toByteArray();
            String text = new String(bytes, StandardCharsets.UTF_8);
            for (KernelClassifier c : List.of(DEFAULTS, extra)) {
                boolean may = c.mayMatch(bytes, 0, bytes.length);
                KernelClassifier.Match m = c.classify(text);
                if (!may) {
                    passedOver++;
                    assertEquals(null, m, () -> "passed over but is trouble: " + text);
                } else if (m != null) {
                    trouble++;
                }
            }
        }
        assertTrue(passedOver > 10_000 && trouble > 10_000, passedOver + " passed over, " + trouble + " trouble");
    }

    @Test
    void aFollowedFilePassesOverChatterAndHearsTroubleWrittenInTwoParts() throws Exception {
        Path log = dir.resolve("kern.log");
        byte[] chatter = resource("chatter-rk3588.txt");
        Files.write(log, chatter);
        long chatterLines = KernelPaths.reference(chatter, DEFAULTS).lastSeq();
        List<KernelPaths.Seen> heard = new CopyOnWriteArrayList<>();
        try (KernelWatch watch = new KernelWatch(new FileSource(log, true), DEFAULTS, null)) {
            watch.subscribe(new KernelWatch.Listener() {
                @Override
                public void line(KernelLine line, KernelClassifier.Match match) {
                    heard.add(KernelPaths.Seen.of(line, match));
                }

                @Override
                public boolean ordinaryLines() {
                    return false;
                }
            });
            watch.start();
            waitFor(() -> watch.lastSeq() == chatterLines);
            Files.writeString(log, "[  494.442336] Internal error: Oo", StandardOpenOption.APPEND);
            Files.writeString(log, "ps: 0000000096000005 [#29] SMP\n[  494.5] ordinary again\n",
                    StandardOpenOption.APPEND);
            waitFor(() -> watch.lastSeq() == chatterLines + 2);
        }
        // the line after the Oops is heard too: it is what closes the open incident
        KernelPaths.Seen oops = heard.get(heard.size() - 2);
        assertEquals(new KernelPaths.Seen(chatterLines + 1, 494_442_336, -1,
                "Internal error: Oops: 0000000096000005 [#29] SMP", "oops", Severity.CRITICAL), oops);
        assertTrue(heard.size() < chatterLines / 5, "chatter is passed over: heard " + heard.size());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "the watch did not get there within 20 s");
            Thread.sleep(5);
        }
    }

    /** Ordinary lines without any literal up to {@code size} bytes, so that what follows starts there. */
    private static void fill(ByteArrayOutputStream out, int size) {
        while (out.size() < size) {
            String line = "[    2.000000] usb 1-1: new high-speed USB device number 2 using xhci-hcd\n";
            int left = size - out.size();
            out.writeBytes((left >= line.length() + 16 ? line : "[    3.0] " + "y".repeat(Math.max(0, left - 11)) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void troubleAcrossTheEndOfTheFirstBufferIsFound() throws IOException {
        // the reader's buffer is 256 KiB: the first read ends there, and the lines are passed over in bulk up to it
        int end = 256 * 1024;
        for (int before = 0; before <= 24; before++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fill(out, end - before - "[    4.000000] ".length() - 100);
            String lead = "[    4.000000] " + "z".repeat(100);
            // the literal "Internal error: " starts `before` bytes before the end of the buffer
            out.writeBytes((lead + "Internal error: Oops: 96000005 [#1] SMP\n[    4.1] after\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes("[    5.000000] WARNING: CPU: 1 PID: 2 at x\n".getBytes(StandardCharsets.UTF_8));
            KernelPaths.Result fast = assertSame(out.toByteArray(), DEFAULTS);
            assertEquals(2, fast.classified().size(), "before " + before);
        }
    }

    @Test
    void literalsRightAfterTheTimestampAndInsideItAreToldApart() throws IOException {
        // a pattern whose literal is in every dmesg timestamp: the raw bytes hold it, the text does not
        KernelClassifier stamps = KernelClassifier.withExtra(List.of(
                KernelPattern.literal("stamp", Severity.WARNING, ".000000] ", "looks like a timestamp"),
                KernelPattern.literal("bracket", Severity.WARNING, "0]", "a bracket")));
        String log = "[    1.000000]Oops: 1\n[    1.000000] Oops: 2\n<4>[    1.000000]BUG: x\n[    1.000000] ok\n"
                + "[    1.000000] [    1.000000] nested\n[ 1.0]0] bracket first\n[    1.000000]\n[1.000000]Oops\n"
                + "[    1.000000] Oops"; // torn, and the literal at the very end of the file
        for (KernelClassifier c : List.of(DEFAULTS, stamps)) {
            KernelPaths.Result fast = assertSame(log.getBytes(StandardCharsets.UTF_8), c);
            assertTrue(fast.classified().size() >= 3, fast.classified().toString());
        }
    }

    @Test
    void linesLongerThanTheBufferWithALiteralAtTheirEnd() throws IOException {
        String longer = "x".repeat(600_000);
        String log = "[    1.000000] " + longer + "\n[    1.100000] " + longer + "Oops: 7\r\n[    1.2] ok\n"
                + "[    1.300000] " + longer + " BUG: at the very end";
        KernelPaths.Result fast = assertSame(log.getBytes(StandardCharsets.UTF_8), DEFAULTS);
        assertEquals(List.of(2L, 4L), fast.classified().stream().map(KernelPaths.Seen::seq).toList());
    }

    @Test
    void anEmptyFileAndATornLineAlone() throws IOException {
        assertSame(new byte[0], DEFAULTS);
        assertSame("[    1.000000] Internal error: Oops: 96000005 [#1] SMP".getBytes(StandardCharsets.UTF_8), DEFAULTS);
        assertSame("\n\n\r\n".getBytes(StandardCharsets.UTF_8), DEFAULTS);
    }
}

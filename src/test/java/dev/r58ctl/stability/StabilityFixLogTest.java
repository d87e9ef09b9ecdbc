package dev.r58ctl.stability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.config.Config;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code matrix --fix-log}'s engine: an entry in the recorder's own style, newest first, old bytes untouched. */
class StabilityFixLogTest {
    /** The head of the recorder's real docs/fix-log.md: title, two entries, UTF-8 dashes and quotes. */
    static final String EXISTING = """
            # Fix & Incident Log

            ## 2025-11-27 — HDMI “No Signal” on Preview

            - **Symptom**: UI showed “No signal” for all four HDMI previews.
            - **Root cause**: The HDMI source pipelines forced `NV24` caps for `/dev/video60` (rk_hdmirx).
            - **Fix**: Changed both the recording and preview builders to request `NV16` before converting to `NV12`.

            ### Hard stops to watch

            - **Single HDMI receiver exposed as `/dev/video60`**: Without external switching, only one feed.

            ## 2025-11-27 — Hardware Investigation: Four Camera Support

            - **Investigation**: Attempted to enable all four HDMI inputs.


            """;

    @TempDir
    Path dir;

    private Config config() throws Exception {
        Files.createDirectories(dir.resolve("recorder/docs"));
        return StabilityFixtures.load(dir, "");
    }

    private static List<TestResult> runs(Config c, TestResult... results) {
        RunStore store = new RunStore(c);
        for (TestResult r : results) {
            store.write(r);
        }
        return store.all();
    }

    @Test
    void theEntryGoesAboveTheNewestEntryAndEveryOldByteStays() throws Exception {
        Config c = config();
        Path log = dir.resolve("recorder/docs/fix-log.md");
        Files.writeString(log, EXISTING);
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-rw-r--"));
        byte[] before = Files.readAllBytes(log);
        var settings = c.encoderSettings("mpph265enc");
        List<TestResult> all = runs(c,
                StabilityMatrixTest.run(TestKind.ENCODE, "mpph265enc", settings, Verdict.PASS, "all 5 checks passed",
                        16, List.of()),
                StabilityMatrixTest.run(TestKind.SOAK, "mpph265enc", settings, Verdict.PASS, "all 6 checks passed",
                        20, List.of()),
                StabilityMatrixTest.run(TestKind.PUSH, "mpph265enc", settings, Verdict.NOT_RUN,
                        "could not run: rtspclientsink missing (it comes from Debian package gstreamer1.0-rtsp)", 0,
                        List.of()));
        MatrixReport m = new StabilityMatrix(c).runs(all).build();
        FixLog.Appended a = new FixLog(c).date(LocalDate.of(2026, 1, 10)).append(all, m);
        assertEquals(3, a.runs().size());

        byte[] after = Files.readAllBytes(log);
        int head = EXISTING.indexOf("## ");
        byte[] title = Arrays.copyOf(before, head);
        assertArrayEquals(title, Arrays.copyOf(after, head), "the title stays");
        byte[] entry = a.text().getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(Arrays.copyOfRange(before, head, before.length),
                Arrays.copyOfRange(after, head + entry.length, after.length), "every old entry byte for byte below");
        assertEquals(PosixFilePermissions.fromString("rw-rw-r--"), Files.getPosixFilePermissions(log));

        String text = a.text();
        assertTrue(text.startsWith("## 2026-01-10 — Encoder stability tests: mpph265enc (r58ctl)\n\n- **Context**: "),
                text);
        for (String label : List.of("- **Tests performed**:", "- **Results**:", "- **Decision**:", "- **Next steps**:")) {
            assertTrue(text.contains("\n" + label + "\n"), label + " in\n" + text);
        }
        assertTrue(text.contains("  - encode 30 s, `mpph265enc gop=30 rc-mode=cbr`, 1920x1080@30, 18000 kbit/s: **PASS**"),
                text);
        assertTrue(text.contains("  - push 30 s, `mpph265enc gop=30 rc-mode=cbr`, 1920x1080@30, 18000 kbit/s, to `/x.mkv`"
                + " read back at `null`: **FAIL (NOT_RUN)** — "), text);
        assertTrue(text.contains("`mpph265enc gop=30 rc-mode=cbr`: PARTIAL — push NOT_RUN: could not run"), text);
        assertTrue(text.contains("  - No decision for `mpph265enc gop=30 rc-mode=cbr` yet: "), text);
        assertTrue(text.contains("  - Install Debian package gstreamer1.0-rtsp (rtspclientsink) on the board."), text);
        assertTrue(text.endsWith(".\n\n"), "a blank line before the old newest entry");

        FixLog.Appended again = new FixLog(c).append(all, m);
        assertEquals(List.of(), again.runs(), "each run is logged once");
        assertArrayEquals(after, Files.readAllBytes(log));

        TestResult oops = StabilityMatrixTest.run(TestKind.ENCODE, "mpph264enc", c.encoderSettings("mpph264enc"),
                Verdict.UNSTABLE, "kernel: 1 kernel incident during the run", 4, List.of(new TroubleIncident("K1",
                        "CRITICAL", "Internal error: Oops", List.of("Internal error: Oops: 0000000096000005 [#29] SMP"))));
        all = runs(c, oops);
        FixLog.Appended third = new FixLog(c).date(LocalDate.of(2026, 1, 11))
                .append(all, new StabilityMatrix(c).runs(all).build());
        assertEquals(List.of(oops.id()), third.runs());
        String now = Files.readString(log);
        assertTrue(now.indexOf("## 2026-01-11") < now.indexOf("## 2026-01-10"), "newest first");
        assertTrue(now.endsWith(new String(after, StandardCharsets.UTF_8).substring(head)));
        assertTrue(third.text().contains("- Do not use `mpph264enc "), third.text());
        assertTrue(third.text().contains("    - `Internal error: Oops: 0000000096000005 [#29] SMP`"), third.text());
    }

    @Test
    void aMissingLogIsCreatedAndWindowsLineEndingsAreFollowed() throws Exception {
        Config c = config();
        List<TestResult> all = runs(c, StabilityMatrixTest.run(TestKind.ENCODE, "x264enc", c.encoderSettings("x264enc"),
                Verdict.PASS, "all 5 checks passed", 30, List.of()));
        MatrixReport m = new StabilityMatrix(c).runs(all).build();
        Path log = dir.resolve("recorder/docs/fix-log.md");
        new FixLog(c).append(all, m);
        assertTrue(Files.readString(log).startsWith(FixLog.TITLE + "\n\n## "), Files.readString(log));

        byte[] crlf = EXISTING.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] merged = FixLog.insert(crlf, "## new\r\n\r\n".getBytes(StandardCharsets.UTF_8), "\r\n");
        String s = new String(merged, StandardCharsets.UTF_8);
        assertTrue(s.startsWith("# Fix & Incident Log\r\n\r\n## new\r\n\r\n## 2025-11-27"), s);
        String old = EXISTING.replace("\n", "\r\n");
        assertTrue(s.endsWith(old.substring(old.indexOf("## "))), "the old entries follow, CRLF and all");
        assertEquals("# Log\n\nno entries yet\n\n## new\n\n", new String(FixLog.insert(
                "# Log\n\nno entries yet\n".getBytes(StandardCharsets.UTF_8), "## new\n\n".getBytes(StandardCharsets.UTF_8),
                "\n"), StandardCharsets.UTF_8));
    }
}

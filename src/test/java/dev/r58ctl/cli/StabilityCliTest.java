package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.r58ctl.testsupport.FakeHttp;
import dev.r58ctl.testsupport.RtspTestServer;
import dev.r58ctl.testsupport.TestConfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code test encode|soak|push|all} and {@code matrix} run in-process as the launcher runs them: exit 0 on a pass,
 * 1 on a failure or kernel trouble, 2 with one line and no stack trace on bad input; the matrix and its fix-log
 * entry from real runs.
 */
class StabilityCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A configuration with a real kernel log file, a recorder checkout with a fix log, and 640x360 tests. */
    static Path config(Path dir, String extra) throws IOException {
        Path kern = dir.resolve("kern.log");
        if (!Files.exists(kern)) {
            Files.writeString(kern, "[    1.000000] Booting Linux on physical CPU 0x0\n");
            Files.writeString(dir.resolve("boot_id"), "boot-a\n");
        }
        Files.createDirectories(dir.resolve("recorder/docs"));
        return TestConfigs.write(dir, "platform: generic\nstate_dir: " + dir.resolve("state") + "\n"
                + "recorder: {config: null, repo: " + dir.resolve("recorder") + "}\n"
                + "kernel_log: {source: \"file:" + kern + "\", previous_boot: \"file:" + dir.resolve("prev.log")
                + "\", boot_id_file: " + dir.resolve("boot_id") + "}\n"
                + "monitor: {http_timeout_ms: 500}\n" + extra
                + (extra.contains("stability:") ? "" : "stability: {resolution: 640x360, durations: {encode: 3s}}\n")
                + "cameras:\n  cam0: {codec: h264, bitrate: 1000, transport: none}\n"
                + "  cam1: {codec: h265, bitrate: 1000, transport: rtsp}\n");
    }

    private CliRun run(Path cfg, String... args) {
        return CliRun.with(cfg, args);
    }

    @Test
    void badInputIsOneLineWithExit2AndNothingRuns() throws Exception {
        Path cfg = config(dir, "");
        List<List<String>> cases = List.of(
                List.of("r58ctl: unknown encoder \"nvh264enc\"; expected one of x264enc, x265enc, mpph264enc, mpph265enc",
                        "test", "encode", "--encoder", "nvh264enc"),
                List.of("r58ctl: --path cam1 is camera cam1's live path; push tests publish elsewhere (default "
                        + "r58ctl_test)", "test", "push", "--path", "cam1"),
                List.of("r58ctl: --path cam0 is camera cam0's live path; push tests publish elsewhere (default "
                        + "r58ctl_test)", "test", "all", "--path", "cam0"),
                List.of("r58ctl: --set bps: the bitrate comes from each camera's bitrate (kbit/s); r58ctl sets bitrate "
                        + "from it", "test", "soak", "--encoder", "x264enc", "--set", "bps=4000000"),
                List.of("r58ctl: --set tune: expected a plain value (letters, digits, _ . + : / - and spaces), got "
                        + "\"x ! fakesink\"", "test", "encode", "--encoder", "x264enc", "--set", "tune=x ! fakesink"),
                List.of("r58ctl: --resolution: expected WIDTHxHEIGHT such as 1280x720, got \"big\"",
                        "test", "encode", "--resolution", "big"),
                List.of("r58ctl: no camera \"cam9\"; configured: cam0, cam1", "test", "push", "--camera", "cam9"));
        for (List<String> c : cases) {
            CliRun r = run(cfg, c.subList(1, c.size()).toArray(String[]::new));
            assertEquals(2, r.exit(), r.toString());
            assertEquals(c.get(0) + "\n", r.err(), "one line, no stack trace");
            assertEquals("", r.out());
        }
        assertFalse(Files.exists(dir.resolve("state/stability/runs")), "nothing ran");
        JsonNode check = JSON.readTree(run(cfg, "config", "check", "--json").out());
        assertEquals("PT3S", check.get("stability").get("encode").asText(), "the stability section in config check");
        CliRun usage = run(cfg, "test", "encode", "--duration", "soon");
        assertEquals(2, usage.exit());
        assertTrue(usage.err().startsWith("r58ctl: Invalid value for option '--duration'"), usage.err());
    }

    @Test
    void aPassingEncodeExits0AndTheMatrixAndFixLogShowIt() throws Exception {
        Path cfg = config(dir, "");
        CliRun enc = run(cfg, "test", "encode", "--encoder", "x264enc");
        assertEquals(0, enc.exit(), enc.toString());
        assertTrue(enc.out().startsWith("encode x264enc bframes=0 key-int-max=30 speed-preset=superfast "
                + "tune=zerolatency for 3 s: 640x360@30, 1000 kbit/s (cam0's) -> " + dir.resolve("state")), enc.out());
        assertTrue(enc.out().contains("\nencode PASS: all 5 checks passed"), enc.out());
        assertTrue(enc.out().contains("  ok    frames    "), enc.out());

        CliRun json = run(cfg, "test", "encode", "--encoder", "x265enc", "--json", "--duration", "2s");
        assertEquals(0, json.exit(), json.toString());
        JsonNode doc = JSON.readTree(json.out());
        assertEquals("PASS", doc.get("verdict").asText());
        assertEquals("video/x-h265", doc.get("frames").get("codec").asText());
        assertTrue(doc.get("plan").get("description").asText().contains("x265enc name=stab_enc"));

        CliRun m = run(cfg, "matrix", "--json");
        assertEquals(0, m.exit(), m.toString());
        JsonNode rows = JSON.readTree(m.out()).get("matrix").get("rows");
        JsonNode x264 = rows.get(0);
        assertEquals("x264enc bframes=0 key-int-max=30 speed-preset=superfast tune=zerolatency", x264.get("key").asText());
        assertEquals("PARTIAL", x264.get("status").asText(), "encode passed; soak and push not run yet");
        assertEquals("PASS", x264.get("tests").get("encode").get("verdict").asText());
        assertTrue(x264.get("capacity").get("measured_at").asText().equals("640x360@30"), x264.toString());
        assertEquals("UNSTABLE", rows.get(1).get("status").asText(), "the mpph264enc Oops of 2025-12-19");
        assertEquals("STABLE", rows.get(2).get("status").asText(), "mpph264enc with the settings that ran for a week");
        assertEquals("x265enc key-int-max=30 speed-preset=ultrafast tune=zerolatency", rows.get(4).get("key").asText());

        CliRun text = run(cfg, "matrix", "--fix-log");
        assertEquals(0, text.exit(), text.toString());
        assertTrue(text.out().contains("PARTIAL   x264enc bframes=0"), text.out());
        assertTrue(text.out().contains("UNSTABLE  mpph264enc (settings unknown)"), text.out());
        assertTrue(text.out().contains("  kernel    Internal error: Oops: 0000000096000005 [#29] SMP"), text.out());
        assertTrue(text.out().contains("fix log: entry for 2 run(s) added to " + dir.resolve("recorder/docs/fix-log.md")),
                text.out());
        String log = Files.readString(dir.resolve("recorder/docs/fix-log.md"));
        assertTrue(log.startsWith("# Fix & Incident Log\n\n## "), log);
        assertTrue(log.contains("Encoder stability tests: x264enc, x265enc (r58ctl)"), log);
        CliRun again = run(cfg, "matrix", "--fix-log");
        assertTrue(again.out().contains("fix log: nothing new since the last entry"), again.out());
    }

    @Test
    void kernelTroubleDuringATestExits1AndSaysSo() throws Exception {
        Path cfg = config(dir, "stability: {resolution: 640x360}\n");
        Path kern = dir.resolve("kern.log");
        CompletableFuture<Void> oops = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(3000); // half way through the 6 s run (after a JVM that has GStreamer loaded starts it)
                Files.writeString(kern, "[  494.442336] Internal error: Oops: 0000000096000005 [#29] SMP\n",
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CliRun r = run(cfg, "test", "soak", "--encoder", "x264enc", "--duration", "6s");
        oops.join();
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("  STOPPED: kernel trouble: Internal error: Oops: 0000000096000005 [#29] SMP"),
                r.out());
        assertTrue(r.out().contains("\nsoak UNSTABLE: 1 kernel incident during the run, first CRITICAL: Internal error"),
                r.out());
        assertTrue(r.out().contains("  kernel    Internal error: Oops: 0000000096000005 [#29] SMP"), r.out());
    }

    @Test
    void allRunsTheThreeInOrderAndStopsAtTheFirstKernelTrouble() throws Exception {
        try (RtspTestServer server = RtspTestServer.start(dir.resolve("rtsp"))) {
            Path cfg = config(dir, "mediamtx: {rtsp_port: " + server.port() + ", read_url: \"" + server.readUrlTemplate()
                    + "\", api_url: \"" + FakeHttp.refusedUrl("") + "\"}\nstability: {resolution: 640x360}\n");
            CliRun r = run(cfg, "test", "all", "--camera", "cam1", "--duration", "4s", "--json");
            assertEquals(0, r.exit(), r + server.log());
            JsonNode doc = JSON.readTree(r.out());
            assertTrue(doc.get("passed").asBoolean());
            assertEquals(List.of("ENCODE", "SOAK", "PUSH"), doc.get("results").findValues("test").stream()
                    .map(JsonNode::asText).toList());
            assertEquals(3, doc.get("results").findValues("verdict").stream().filter(v -> v.asText().equals("PASS"))
                    .count());

            CompletableFuture<Void> oops = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(2000);
                    Files.writeString(dir.resolve("kern.log"), "[  494.442336] Internal error: Oops: 0000000096000005 "
                            + "[#29] SMP\n", StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            CliRun stopped = run(cfg, "test", "all", "--camera", "cam1", "--duration", "5s");
            oops.join();
            assertEquals(1, stopped.exit(), stopped.toString());
            assertTrue(stopped.out().contains("\nencode UNSTABLE: "), stopped.out());
            assertTrue(stopped.out().endsWith("stopped after encode: kernel trouble; the remaining tests were not run\n"),
                    stopped.out());
            assertFalse(stopped.out().contains("soak "), "no soak after kernel trouble");
        }
    }

    @Test
    void aPushNothingReadsBackExits1() throws Exception {
        try (RtspTestServer server = RtspTestServer.start(dir.resolve("rtsp"))) {
            Path cfg = config(dir, "mediamtx: {rtsp_port: " + server.port() + ", read_url: \"rtsp://127.0.0.1:"
                    + server.port() + "/read/elsewhere_{path}\", api_url: \"" + FakeHttp.refusedUrl("") + "\"}\n");
            CliRun r = run(cfg, "test", "push", "--encoder", "x264enc", "--duration", "3s", "--path", "other_test");
            assertEquals(1, r.exit(), r.toString());
            assertTrue(r.out().contains("push FAIL: read back: no frames from rtsp://127.0.0.1:" + server.port()
                    + "/read/elsewhere_other_test"), r.out());
        }
    }
}

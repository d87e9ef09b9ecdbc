package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.r58ctl.testsupport.FakeHttp;
import dev.r58ctl.testsupport.TestConfigs;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kmsg}, {@code kmsg mark} and {@code status} run in-process against a kernel log file and real HTTP. */
class MonitorCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String resource(String name) throws Exception {
        try (InputStream in = MonitorCliTest.class.getResourceAsStream("/kernel/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path config(String extra) {
        return TestConfigs.write(dir, "platform: generic\nstate_dir: " + dir.resolve("state")
                + "\nrecorder: {config: null}\nkernel_log: {source: \"file:" + dir.resolve("kern.log")
                + "\", previous_boot: \"file:" + dir.resolve("prev.log") + "\"}\n" + extra
                + "cameras:\n  cam0: {codec: h264, transport: none}\n");
    }

    @Test
    void kmsgMarksAndShowsOnlyTroubleAfterTheMark() throws Exception {
        Path log = dir.resolve("kern.log");
        Files.writeString(log, resource("chatter-rk3588.txt"));
        Path cfg = config("");
        CliRun mark = CliRun.of("--config", cfg.toString(), "kmsg", "mark", "test-start");
        assertEquals(0, mark.exit(), mark.toString());
        assertTrue(mark.out().startsWith("mark test-start at sequence number 530 of file:"), mark.out());

        Files.writeString(log, resource("seed-syslogd-broadcast.txt"), StandardOpenOption.APPEND);
        CliRun text = CliRun.of("--config", cfg.toString(), "kmsg", "--since-mark", "test-start",
                "--min-severity", "warning");
        assertEquals(0, text.exit(), text.toString());
        assertEquals("C [  494.442336] Internal error: Oops: 0000000096000005 [#29] SMP", text.out().lines().findFirst().orElse(""));

        CliRun json = CliRun.of("--config", cfg.toString(), "kmsg", "--since-mark", "test-start", "--json");
        JsonNode doc = JSON.readTree(json.out());
        assertEquals("test-start", doc.get("since_mark").asText());
        assertTrue(doc.get("lines").size() >= 3, doc.toString());
        assertTrue(doc.get("lines").get(0).get("seq").asLong() > 530);
        assertEquals("CRITICAL", doc.get("incidents").get(0).get("severity").asText());
        assertTrue(Files.readString(dir.resolve("state/kernel/incidents.jsonl")).contains("Internal error: Oops"),
                "the journal holds the evidence");
    }

    @Test
    void kmsgRefusesAnUnknownMarkAndSeverity() throws Exception {
        Files.writeString(dir.resolve("kern.log"), "[    1.000000] booting\n");
        Path cfg = config("");
        CliRun noMark = CliRun.of("--config", cfg.toString(), "kmsg", "--since-mark", "nope");
        assertEquals(2, noMark.exit(), noMark.toString());
        assertEquals("r58ctl: no kernel-log mark \"nope\"\n", noMark.err());
        CliRun badLevel = CliRun.of("--config", cfg.toString(), "kmsg", "--min-severity", "loud");
        assertEquals(2, badLevel.exit());
        assertTrue(badLevel.err().startsWith("r58ctl: --min-severity: expected one of info, warning, error, critical"),
                badLevel.err());
    }

    @Test
    void statusGathersEverySourceAndReportsThoseThatDoNotAnswer() throws Exception {
        Files.writeString(dir.resolve("kern.log"), resource("chatter-rk3588.txt") + resource("oops-rk3588-mpp.txt"));
        Files.writeString(dir.resolve("prev.log"), resource("seed-syslogd-broadcast.txt"));
        try (FakeHttp http = new FakeHttp()) {
            http.json("/health", "{\"status\": \"healthy\", \"platform\": \"r58\", \"gstreamer\": \"initialized\", "
                    + "\"gstreamer_error\": null}");
            http.json("/status", "{\"cameras\": {\"cam0\": {\"status\": \"recording\"}, \"cam1\": {\"status\": \"idle\"}}}");
            Path cfg = config("mediamtx: {api_url: \"" + FakeHttp.refusedUrl("") + "\"}\n"
                    + "monitor: {http_timeout_ms: 1500}\n");
            String yaml = Files.readString(cfg).replace("recorder: {config: null}",
                    "recorder: {config: null, health_url: \"" + http.url("/health") + "\", status_url: \""
                            + http.url("/status") + "\"}");
            Files.writeString(cfg, yaml);
            CliRun r = CliRun.of("--config", cfg.toString(), "status", "--json", "--cpu-window", "200");
            assertEquals(0, r.exit(), r.toString());
            JsonNode doc = JSON.readTree(r.out());
            assertTrue(doc.get("system").get("cpu_percent").isNumber());
            assertEquals(Runtime.getRuntime().availableProcessors(), doc.get("system").get("core_percent").size());
            assertTrue(doc.get("streams").get("health").get("result").get("healthy").asBoolean(), doc.toString());
            assertEquals("recording", doc.get("streams").get("recorder").get("result").get("cameras").get("cam0")
                    .get("status").asText());
            JsonNode mtx = doc.get("streams").get("mediamtx").get("result");
            assertFalse(mtx.get("reachable").asBoolean());
            assertTrue(mtx.get("reason").asText().contains("refused"), mtx.toString());
            assertEquals("CRITICAL", doc.get("incidents").get(0).get("severity").asText());
            assertTrue(doc.get("previous_boot").get("crashed").asBoolean(), "the mpph264enc Oops of 2025-12-19 ended the last boot");

            CliRun text = CliRun.of("--config", cfg.toString(), "status", "--cpu-window", "200");
            assertTrue(text.out().contains("mediamtx    unreachable: connection refused"), text.out());
            assertTrue(text.out().contains("last boot   file:"), text.out());
            assertTrue(text.out().contains("ENDED IN A CRASH"), text.out());
        }
    }
}

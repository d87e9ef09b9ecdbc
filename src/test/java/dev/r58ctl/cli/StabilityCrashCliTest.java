package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * r58ctl in a child JVM, as on the board: a test whose process is killed with SIGKILL mid-run (the board died) is
 * found by the next start and recorded as interrupted with the previous boot's kernel log; a run whose process died
 * while the board stayed up is told apart; and a machine without rtspclientsink (plugin hidden from GStreamer's
 * registry) fails the push test naming gstreamer1.0-rtsp instead of passing.
 */
class StabilityCrashCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PLUGINS = Path.of("/usr/lib/x86_64-linux-gnu/gstreamer-1.0");

    @TempDir
    Path dir;

    /** {@code java -cp <this test's classpath> dev.r58ctl.launcher.Main ARGS}, output to {@code dir/child.log}. */
    private ProcessBuilder child(Path cfg, String... args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), "dev.r58ctl.launcher.Main", "--config",
                cfg.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StabilityCrashCliTest.class.getResourceAsStream("/kernel/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path onlyRun() throws IOException {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(dir.resolve("state/stability/runs"), "*.json")) {
            Path found = null;
            for (Path p : runs) {
                found = p;
            }
            return found;
        }
    }

    @Test
    void aRunKilledMidwayIsFoundOnTheNextStartAndTheBoardsCrashAttached() throws Exception {
        Path cfg = StabilityCliTest.config(dir, "stability: {resolution: 640x360}\n");
        // the result file exists (verdict RUNNING) from the start; wait for its first checkpoint with CPU samples
        Process p = runningChild(cfg, "encode");
        try {
            assertTrue(p.isAlive(), "the child ended early: " + Files.readString(dir.resolve("child.log")));
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no verdict, as when the board dies
            p.waitFor(10, TimeUnit.SECONDS);
        }
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        // the board comes back: a new boot id, and its previous boot ended in the seed's Oops
        Files.writeString(dir.resolve("boot_id"), "boot-b\n");
        Files.writeString(dir.resolve("prev.log"), resource("chatter-rk3588.txt") + resource("oops-rk3588-mpp.txt"));

        CliRun next = CliRun.of("--config", cfg.toString(), "matrix", "--json");
        assertEquals(0, next.exit(), next.toString());
        assertTrue(next.err().matches("r58ctl: stability test \\S+-encode-x264enc did not finish: interrupted: board "
                + "went down \\(the previous boot ended in: Unable to handle kernel NULL pointer dereference[^\n]*\\)\n"),
                next.err());
        JsonNode stored = JSON.readTree(onlyRun().toFile());
        assertEquals("INTERRUPTED", stored.get("verdict").asText());
        assertTrue(stored.get("reason").asText().startsWith("interrupted: board went down"));
        assertTrue(stored.get("previous_boot").get("crashed").asBoolean());
        assertTrue(stored.get("previous_boot").get("source").asText().startsWith("file:"));
        assertTrue(stored.get("previous_boot").get("trouble").toString().contains("Internal error: Oops"));
        assertTrue(stored.get("series").size() > 0, "the CPU series up to the checkpoint is kept");
        JsonNode row = JSON.readTree(next.out()).get("matrix").get("rows").get(0);
        assertEquals("x264enc", row.get("encoder").asText());
        assertEquals("UNSTABLE", row.get("status").asText(), "a board that went down under a test is a crash");
        assertTrue(row.get("evidence").toString().contains("Unable to handle kernel NULL pointer"), row.toString());

        CliRun later = CliRun.of("--config", cfg.toString(), "matrix");
        assertEquals("", later.err(), "recorded once");

        // a run whose process died while the board stayed up: same boot, a pid that no longer runs
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = JSON.readValue(onlyRun().toFile(), Map.class);
        doc.put("id", "20000101-000000-soak-x264enc");
        doc.put("verdict", "RUNNING");
        doc.put("previous_boot", null);
        doc.put("process", Map.of("pid", gone.pid(), "boot_id", "boot-b"));
        Files.write(dir.resolve("state/stability/runs/20000101-000000-soak-x264enc.json"), JSON.writeValueAsBytes(doc));
        CliRun found = CliRun.of("--config", cfg.toString(), "matrix");
        assertEquals("r58ctl: stability test 20000101-000000-soak-x264enc did not finish: interrupted: r58ctl ended "
                + "during the test (killed?); the board stayed up\n", found.err());
    }

    /** Starts a 60 s x264enc test in a child and returns once its result file has its first CPU samples. */
    private Process runningChild(Path cfg, String test) throws Exception {
        Process p = child(cfg, "test", test, "--encoder", "x264enc", "--duration", "60s").start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            Path run = dir.resolve("state/stability/runs").toFile().isDirectory() ? onlyRun() : null;
            if (run != null && JSON.readTree(run.toFile()).get("series").size() > 0) {
                assertEquals("RUNNING", JSON.readTree(run.toFile()).get("verdict").asText());
                return p;
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new AssertionError("no running test: " + Files.readString(dir.resolve("child.log")));
    }

    @Test
    void sigtermStopsATestAsCtrlCDoesAndTheResultSaysSo() throws Exception {
        Path cfg = StabilityCliTest.config(dir, "stability: {resolution: 640x360}\n");
        Process p = runningChild(cfg, "soak");
        p.destroy(); // SIGTERM: stopped as Ctrl-C's SIGINT stops it, the signal named
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the child did not end");
        assertEquals(128 + 15, p.exitValue(), "ended by SIGTERM, as a shell reports it");
        JsonNode stored = JSON.readTree(onlyRun().toFile());
        assertEquals("INTERRUPTED", stored.get("verdict").asText(), Files.readString(dir.resolve("child.log")));
        assertTrue(stored.get("reason").asText().startsWith("interrupted: stopped by SIGTERM after "),
                stored.get("reason").asText());
        assertEquals("", CliRun.of("--config", cfg.toString(), "matrix").err(), "nothing left unfinished");
    }

    @Test
    void withoutRtspclientsinkThePushFailsNamingThePackage() throws Exception {
        Path visible = Files.createDirectories(dir.resolve("plugins"));
        try (DirectoryStream<Path> all = Files.newDirectoryStream(PLUGINS, "*.so")) {
            for (Path so : all) {
                if (!so.getFileName().toString().equals("libgstrtspclientsink.so")) {
                    Files.createSymbolicLink(visible.resolve(so.getFileName()), so);
                }
            }
        }
        Path cfg = StabilityCliTest.config(dir, "");
        ProcessBuilder pb = child(cfg, "test", "push", "--encoder", "x265enc", "--duration", "3s");
        pb.environment().put("GST_PLUGIN_SYSTEM_PATH_1_0", visible.toString());
        pb.environment().put("GST_REGISTRY_1_0", dir.resolve("registry.bin").toString());
        pb.environment().remove("GST_PLUGIN_PATH");
        pb.environment().remove("GST_PLUGIN_PATH_1_0");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child hangs");
        String out = Files.readString(dir.resolve("child.log"));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.startsWith("push NOT_RUN: could not run: rtspclientsink missing (it comes from Debian package "
                + "gstreamer1.0-rtsp)"), out);
        assertFalse(out.contains("PASS"), out);
        assertEquals("NOT_RUN", JSON.readTree(onlyRun().toFile()).get("verdict").asText());
    }
}

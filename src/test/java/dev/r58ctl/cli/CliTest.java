package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.r58ctl.testsupport.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line run in-process: output, JSON, exit codes 0/1/2, and one-line errors without stack traces. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path config(String cameras) {
        return TestConfigs.write(dir, "platform: generic\nstate_dir: " + dir.resolve("state")
                + "\nrecorder: {config: null}\ncameras:\n" + cameras);
    }

    private Path oneCamera() {
        return config("  cam0: {resolution: 640x360, bitrate: 1000, codec: h264, transport: none, output_path: \""
                + dir.resolve("rec/cam0_%Y%m%d_%H%M%S.mkv") + "\"}\n");
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheSubcommand() {
        Path cfg = oneCamera();
        CliRun before = CliRun.of("--config", cfg.toString(), "pipeline", "show", "cam0");
        CliRun after = CliRun.of("pipeline", "show", "cam0", "--config", cfg.toString());
        assertEquals(0, before.exit(), before.toString());
        assertEquals(0, after.exit(), after.toString());
        assertTrue(before.out().contains("gst-launch-1.0 -e videotestsrc name=cam0_src"), before.out());
        assertEquals(before.out().replaceAll("\\d{8}_\\d{6}", "T"), after.out().replaceAll("\\d{8}_\\d{6}", "T"));
        CliRun state = CliRun.of("config", "check", "--json", "--state-dir", dir.resolve("elsewhere").toString(),
                "--config", cfg.toString());
        assertTrue(state.out().contains(dir.resolve("elsewhere").toString()), state.toString());
    }

    @Test
    void configCheckNamesTheFileAndPrintsJson() throws Exception {
        Path cfg = oneCamera();
        CliRun text = CliRun.of("--config", cfg.toString(), "config", "check");
        assertEquals(0, text.exit(), text.toString());
        assertTrue(text.out().startsWith("config:      " + cfg), text.out());
        CliRun json = CliRun.of("--config", cfg.toString(), "config", "check", "--json");
        JsonNode doc = JSON.readTree(json.out());
        assertEquals(cfg.toString(), doc.get("file").asText());
        assertEquals("GENERIC", doc.get("platform").asText());
        assertEquals("x264enc", doc.get("cameras").get(0).get("encoder").asText());
        assertEquals(1000, doc.get("cameras").get(0).get("bitrate_kbps").asInt());
    }

    @Test
    void badConfigurationIsOneLineExitTwoAndNoStackTrace() {
        Path cfg = config("  cam0: {resolution: 640x360, bitrate: fast, codec: h264}\n");
        CliRun r = CliRun.of("--config", cfg.toString(), "config", "check");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("r58ctl: " + cfg + ":5: cameras.cam0.bitrate: expected kbit/s as a whole number, got \"fast\"\n",
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void usageErrorsExitTwo() {
        CliRun unknown = CliRun.of("pipeline", "frobnicate");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertFalse(unknown.err().contains("at dev.r58ctl"), unknown.err());
        CliRun badDuration = CliRun.of("--config", oneCamera().toString(), "pipeline", "run", "cam0", "--duration", "soon");
        assertEquals(2, badDuration.exit(), badDuration.toString());
        assertTrue(badDuration.err().contains("expected a duration such as 500ms, 30s, 5m or 24h"), badDuration.err());
        CliRun noCamera = CliRun.of("--config", oneCamera().toString(), "pipeline", "show", "cam9");
        assertEquals(2, noCamera.exit());
        assertEquals("r58ctl: no camera \"cam9\"; configured: cam0\n", noCamera.err());
        CliRun missing = CliRun.of("--config", dir.resolve("absent.yml").toString(), "config", "check");
        assertEquals(2, missing.exit());
        assertEquals("r58ctl: " + dir.resolve("absent.yml") + ": no such configuration file\n", missing.err());
    }

    /**
     * Every command an operator sees, at any depth, answers --help with its usage (exit 0), groups such as
     * {@code pipeline} included: their error line says "Try 'r58ctl pipeline --help'". Every description is a
     * valid format string, as picocli formats it ("95%" printed a picocli warning instead of the help).
     */
    @Test
    void everyCommandHasHelp() {
        java.util.List<String[]> commands = new java.util.ArrayList<>();
        commands.add(new String[] {"--help"});
        walk(Cli.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter())), new java.util.ArrayList<>(), commands);
        assertTrue(commands.size() > 30, "every command: " + commands.size());
        for (String[] cmd : commands) {
            CliRun r = CliRun.of(cmd);
            String name = String.join(" ", cmd);
            assertEquals(0, r.exit(), name + "\n" + r);
            assertEquals("", r.err(), name);
            String usage = "Usage: r58ctl " + String.join(" ", java.util.Arrays.copyOf(cmd, cmd.length - 1));
            assertTrue(r.out().startsWith(usage.strip()), name + "\n" + r.out());
        }
    }

    private static void walk(picocli.CommandLine cl, java.util.List<String> path, java.util.List<String[]> out) {
        for (String line : cl.getCommandSpec().usageMessage().description()) {
            org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> String.format(line),
                    () -> cl.getCommandSpec().qualifiedName() + ": " + line);
        }
        cl.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && !name.equals("help")) {
                java.util.List<String> p = new java.util.ArrayList<>(path);
                p.add(name);
                java.util.List<String> args = new java.util.ArrayList<>(p);
                args.add("--help");
                out.add(args.toArray(String[]::new));
                walk(sub, p, out);
            }
        });
    }

    @Test
    void preflightFailsWithExitOneForTheMissingMppEncoder() throws Exception {
        Path cfg = TestConfigs.write(dir, "platform: r58\nstate_dir: " + dir.resolve("state")
                + "\nrecorder: {config: null}\ncameras:\n  cam1: {device: /dev/video60, codec: h265, transport: rtp}\n");
        CliRun r = CliRun.of("--config", cfg.toString(), "pipeline", "preflight", "--json");
        assertEquals(1, r.exit(), r.toString());
        JsonNode doc = JSON.readTree(r.out());
        assertFalse(doc.get("ok").asBoolean());
        assertTrue(r.out().contains("Rockchip's MPP GStreamer plugin"), r.out());
        CliRun run = CliRun.of("--config", cfg.toString(), "pipeline", "run", "cam1", "--duration", "1s");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().startsWith("r58ctl: cam1: preflight: element mpph265enc: missing"), run.err());
    }

    @Test
    void runPrintsFinalStatisticsAsJsonAndWritesAReadableFile() throws Exception {
        Path cfg = oneCamera();
        CliRun r = CliRun.of("--config", cfg.toString(), "pipeline", "run", "cam0", "--duration", "2s", "--json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode doc = JSON.readTree(r.out());
        assertTrue(doc.get("ok").asBoolean());
        JsonNode stats = doc.get("stats");
        assertTrue(stats.get("frames_out").asLong() >= 50, stats.toString());
        assertTrue(stats.get("fps").asDouble() > 20, stats.toString());
        assertTrue(stats.get("cpu_percent").asDouble() > 0, stats.toString());
        assertTrue(doc.get("wall_seconds").asDouble() >= 2.0, doc.toString());
        Path file = Path.of(doc.get("outputs").get(0).get("target").asText());
        assertTrue(Files.size(file) > 10_000, file.toString());
        assertTrue(Files.exists(dir.resolve("state/r58ctl.log")), "the log goes to the state directory");
    }

    @Test
    void theLauncherDrawsEarlyOnlyForTheDashboardOrTheDemoWithNothingAfterIt() {
        assertTrue(Cli.opensDashboard("dashboard"));
        assertTrue(Cli.opensDashboard("--config", "c.yml", "--state-dir=/tmp/s", "dashboard"));
        assertTrue(Cli.opensDashboard("--host", "r58", "dashboard"));
        assertTrue(Cli.opensDashboard("demo"));
        assertFalse(Cli.opensDashboard());
        assertFalse(Cli.opensDashboard("dashboard", "--help"), "help prints text: no screen first");
        assertFalse(Cli.opensDashboard("demo", "--no-tui"));
        assertFalse(Cli.opensDashboard("help", "dashboard"));
        assertFalse(Cli.opensDashboard("--config", "dashboard"), "a file named dashboard is not the command");
        assertFalse(Cli.opensDashboard("status"));
    }

    @Test
    void aRunOfOneCommandBuildsThatCommandAloneAndPrintsTheSame() {
        for (var e : RootCommand.SUBCOMMANDS.entrySet()) {
            assertEquals(e.getKey(), e.getValue().getAnnotation(picocli.CommandLine.Command.class).name());
        }
        String cfg = oneCamera().toString();
        assertEquals("config", Cli.only("--config", cfg, "--state-dir=" + dir, "config", "check", "--json"));
        assertEquals(null, Cli.only("--help", "status"));
        assertEquals(null, Cli.only("help", "status"));
        assertEquals(null, Cli.only("--config", cfg));
        assertEquals(null, Cli.only("frobnicate"));
        for (String[] cmd : new String[][] {{"--config", cfg, "config", "check", "--json"}, {"--config", cfg, "status",
                "--help"}, {"--config", cfg, "pipeline", "show", "cam9"}, {"--config", cfg, "pipeline", "frobnicate"}}) {
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            int code = Cli.execute(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), cmd);
            CliRun full = CliRun.of(cmd);
            assertEquals(full.toString(), new CliRun(code, out.toString(), err.toString()).toString(), String.join(" ", cmd));
        }
    }
}

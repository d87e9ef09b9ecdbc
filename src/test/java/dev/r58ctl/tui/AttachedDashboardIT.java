package dev.r58ctl.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.r58ctl.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard attached to r58ctl agent, launched as an operator launches it (scripts/r58ctl on a pseudo-terminal,
 * scripts/first-frame.py): it draws the agent's picture, and it loads no GStreamer, OSHI, JNA or JGit class, since
 * the agent does that work for it, nor jackson-databind's (the agent's lines are read with RecordJson: databind's
 * classes cost a dashboard that stays up for hours ~4 MB). The class list is the JVM's own ({@code -Xlog:class+load}).
 */
class AttachedDashboardIT {
    private static final List<String> NOT_LOADED = List.of("org.freedesktop.gstreamer.", "oshi.", "com.sun.jna.",
            "org.eclipse.jgit.", "com.fasterxml.jackson.databind.");

    @TempDir
    Path dir;

    @Test
    void drawsTheAgentsPictureAndLoadsNoBoardLibrary() throws Exception {
        Path socket = dir.resolve("agent.sock");
        Files.writeString(dir.resolve("kern.log"), "[    1.000000] Booting Linux\n");
        Path config = Files.writeString(dir.resolve("config.yml"), "platform: generic\nstate_dir: " + dir.resolve("state")
                + "\nrecorder: {config: null, health_url: \"http://127.0.0.1:9/health\"}\n"
                + "kernel_log: {source: \"file:" + dir.resolve("kern.log") + "\", previous_boot: none}\n"
                + "agent: {metrics: \"off\", socket: " + socket + "}\n"
                + "cameras:\n  cam0: {resolution: 640x360, codec: h264, transport: none}\n");
        Process agent = new ProcessBuilder("scripts/r58ctl", "--config", config.toString(), "agent")
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.out").toFile()).start();
        try {
            Await.until("the agent's socket", Duration.ofSeconds(60), () -> Files.exists(socket) || !agent.isAlive(),
                    () -> read(dir.resolve("agent.out")));
            assertTrue(Files.exists(socket), "the agent's socket: " + read(dir.resolve("agent.out")));

            Path classes = dir.resolve("classes.txt");
            ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "scripts/first-frame.py", " c0 ", "80",
                    "24", "scripts/r58ctl", "--config", config.toString(), "dashboard")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("frame.out").toFile());
            pb.environment().put("TERM", "xterm-256color");
            pb.environment().put("R58CTL_JAVA_OPTS", "-Xlog:class+load:file=" + classes);
            Process frame = pb.start();
            assertTrue(frame.waitFor(60, TimeUnit.SECONDS), "the dashboard's first frame and q");
            String said = Files.readString(dir.resolve("frame.out"));
            assertEquals(0, frame.exitValue(), "the agent's first CPU sample drawn (core c0): " + said);

            String loaded = Files.readString(classes, StandardCharsets.UTF_8);
            assertTrue(loaded.contains(" dev.r58ctl.remote.RemoteEngine "), "attached through the agent's socket");
            for (String prefix : NOT_LOADED) {
                assertTrue(!loaded.contains(" " + prefix), "the attached dashboard loaded " + prefix + "*: "
                        + loaded.lines().filter(l -> l.contains(" " + prefix)).limit(3).toList());
            }
        } finally {
            stop(agent);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void stop(Process agent) throws IOException, InterruptedException {
        agent.destroy(); // SIGTERM: the agent stops as on a service stop
        if (!agent.waitFor(30, TimeUnit.SECONDS)) {
            agent.destroyForcibly();
            agent.waitFor(30, TimeUnit.SECONDS);
        }
    }
}

package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.r58ctl.config.Config;
import dev.r58ctl.engine.CameraView;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.pipeline.MediaProbe;
import dev.r58ctl.remote.AgentClient;
import dev.r58ctl.remote.RemoteEngine;
import dev.r58ctl.remote.SocketStreams;
import dev.r58ctl.testsupport.Await;
import dev.r58ctl.testsupport.MatroskaCues;
import dev.r58ctl.testsupport.TestConfigs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code r58ctl agent} in a child JVM, with real Unix sockets and front ends: its socket owner-only, a front end's
 * hello and first sample, status from its snapshot, two front ends sharing one engine (a camera started through one
 * runs on for the other, and after the first leaves), SIGTERM ending its recording with EOS, a second agent refused,
 * a stale socket replaced. Every wait is on a condition.
 */
class AgentCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BOUND = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private Process agent;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (agent != null && agent.isAlive()) {
            agent.destroyForcibly();
            agent.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Path socket() {
        return dir.resolve("run/agent.sock");
    }

    private String yaml(String cameras) {
        return "platform: generic\nstate_dir: " + dir.resolve("state")
                + "\nrecorder: {config: null, health_url: \"http://127.0.0.1:9/health\"}\n"
                + "kernel_log: {source: \"file:" + dir.resolve("kern.log") + "\", previous_boot: none}\n"
                + "agent: {socket: " + socket() + ", interval: 500ms, metrics: " + metrics + "}\n"
                + "cameras:" + cameras + "\n";
    }

    /** agent.metrics for the next agent: off unless a test serves them (a fixed port would be shared). */
    private String metrics = "off";

    private Path startAgent(String cameras) throws IOException {
        Files.writeString(dir.resolve("kern.log"), "[    1.000000] Booting Linux on physical CPU 0x0\n"
                + "[    2.000000] Internal error: Oops: 0000000096000005 [#1] SMP\n");
        Path cfg = TestConfigs.write(dir, yaml(cameras));
        agent = ChildR58ctl.start(dir.resolve("agent.out"), "--config", cfg.toString(), "agent");
        Await.until("the agent's socket", BOUND, () -> AgentClientProbe.answers(socket()) || !agent.isAlive(),
                this::agentOut);
        assertTrue(agent.isAlive(), agentOut());
        return cfg;
    }

    private String agentOut() {
        try {
            return Files.readString(dir.resolve("agent.out"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private int terminate() throws Exception {
        ChildR58ctl.signal(agent, "TERM");
        assertTrue(agent.waitFor(60, TimeUnit.SECONDS), "the agent stops after SIGTERM: " + agentOut());
        return agent.exitValue();
    }

    @Test
    void ownerOnlySocketHelloAndSampleStatusFromItsSnapshotAndASecondAgentRefused() throws Exception {
        Path cfg = startAgent(" {}");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket().getParent())),
                "the directory r58ctl made for it");

        try (SocketChannel ch = SocketStreams.connect(socket())) {
            BufferedReader r = new BufferedReader(new InputStreamReader(SocketStreams.in(ch), StandardCharsets.UTF_8));
            JsonNode hello = JSON.readTree(r.readLine());
            assertEquals("hello", hello.get("type").asText(), hello.toString());
            assertTrue(hello.get("event").get("shared").asBoolean(), hello.toString());
            assertEquals(500, hello.get("event").get("tick_millis").asLong(), "agent.interval, not monitor.interval_ms");
            AtomicInteger lines = new AtomicInteger();
            Await.until("a SystemSampled", BOUND, () -> {
                try {
                    JsonNode n = JSON.readTree(r.readLine());
                    lines.incrementAndGet();
                    return n.get("type").asText().equals("SystemSampled");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, () -> lines + " lines");
        }

        CliRun status = CliRun.with(cfg, "status", "--json");
        assertEquals(0, status.exit(), status.toString());
        assertEquals("", status.err(), "nothing on stderr when the agent answers");
        JsonNode doc = JSON.readTree(status.out());
        assertEquals("agent", doc.get("source").asText(), doc.toString());
        assertTrue(doc.get("system").get("cpu_percent").isNumber(), doc.toString());
        assertEquals("Internal error: Oops: 0000000096000005 [#1] SMP", doc.get("incidents").get(0).get("title")
                .asText(), "the agent's kernel watch read the log from its start");
        CliRun text = CliRun.with(cfg, "status");
        assertTrue(text.out().contains("\nsource      r58ctl agent's last sample, "), text.out());

        CliRun second = ChildR58ctl.run(dir.resolve("second"), "--config", cfg.toString(), "agent");
        assertEquals(1, second.exit(), second.toString());
        assertEquals("r58ctl: r58ctl agent already runs on " + socket() + "\n", second.err());
        assertTrue(AgentClientProbe.answers(socket()), "the first agent still serves");

        assertEquals(128 + 15, terminate());
        List<String> out = Files.readAllLines(dir.resolve("agent.out"));
        assertEquals(2, out.size(), "one start line and one stop line: " + out);
        assertTrue(out.get(0).startsWith("r58ctl agent: serving on " + socket()), out.toString());
        assertEquals("r58ctl agent: stopped by SIGTERM", out.get(1));
        assertFalse(Files.exists(socket()), "the socket is removed on the way out");
    }

    @Test
    void theAgentRecordsHistoryAndServesMetricsThatHistoryAndStatusAtRead() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        metrics = "\"127.0.0.1:" + port + "\"";
        Path cfg = startAgent(" {cam0: {source: test, resolution: 320x240, framerate: 10, codec: h264, transport: none}}");
        Await.until("the agent's start line", BOUND, () -> agentOut().contains("serving on"), this::agentOut);
        assertTrue(agentOut().contains("history in ") && agentOut().contains("metrics on http://127.0.0.1:" + port),
                "the start line names its parts: " + agentOut());
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + port + "/metrics");
        String[] body = {""};
        Await.until("the agent's metrics with a sample and a camera", BOUND, () -> {
            try {
                body[0] = http.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return body[0].contains("r58ctl_cpu_usage_ratio ") && body[0].contains("camera=\"cam0\"");
        }, () -> body[0] + agentOut());
        assertTrue(body[0].contains("r58ctl_build_info{"), body[0]);
        assertTrue(body[0].contains("r58ctl_kernel_incidents_total{severity=\"critical\"} 1"),
                "the Oops read from the start of the log is counted: " + body[0]);
        // history is flushed every few seconds: wait for samples there, through the command an operator runs
        CliRun[] h = {null};
        Await.until("samples in r58ctl history", BOUND, () -> {
            h[0] = CliRun.with(cfg, "history", "--since", "5m", "--json");
            return h[0].exit() == 0 && h[0].out().contains("\"cores\"");
        }, () -> String.valueOf(h[0]));
        JsonNode doc = JSON.readTree(h[0].out());
        assertTrue(doc.get("samples").size() >= 1, h[0].out());
        JsonNode last = doc.get("samples").get(doc.get("samples").size() - 1);
        CliRun at = CliRun.with(cfg, "status", "--at", java.time.Instant.ofEpochMilli(last.get("time").asLong())
                .toString(), "--json");
        assertEquals(0, at.exit(), at.toString());
        assertTrue(at.out().contains("cam0"), at.out());
        assertEquals(128 + 15, terminate(), agentOut());
    }

    @Test
    void aStaleSocketIsReplacedAndStatusWithoutAnAgentSaysSoOnce() throws Exception {
        Files.createDirectories(socket().getParent());
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket())); // closing leaves the file: an agent that was killed
        }
        assertTrue(Files.exists(socket()));
        assertFalse(AgentClientProbe.answers(socket()));
        Path cfg = TestConfigs.write(dir, yaml(" {}"));

        CliRun alone = CliRun.with(cfg, "status", "--json", "--cpu-window", "100");
        assertEquals(0, alone.exit(), alone.toString());
        assertEquals("r58ctl: " + AgentClient.NOT_RUNNING + "\n", alone.err());
        assertEquals("here", JSON.readTree(alone.out()).get("source").asText());
        CliRun forced = CliRun.with(cfg, "status", "--json", "--cpu-window", "100", "--no-agent");
        assertEquals("", forced.err(), "--no-agent: measured here, without a word");

        startAgent(" {}");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket())));
        assertEquals(128 + 15, terminate());
    }

    @Test
    void kmsgFollowReadsTheAgentsLinesEachOnceAndCarriesOnWhenTheAgentGoes() throws Exception {
        Path cfg = startAgent(" {}");
        Path log = dir.resolve("follow/out.txt");
        Process follow = ChildR58ctl.start(log, "--config", cfg.toString(), "kmsg", "--follow");
        try {
            Await.until("the backlog", BOUND, () -> read(log).contains("Internal error: Oops"), () -> read(log));
            append("[    3.000000] Unable to handle kernel NULL pointer dereference at virtual address 0000000000000008\n"
                    + "[    3.100000] first sentinel\n");
            Await.until("the new lines, through the agent", BOUND, () -> read(log).contains("first sentinel"),
                    () -> read(log));
            assertFalse(read(log).contains("not running"), read(log));

            agent.destroyForcibly(); // the agent crashes: the follower reads the log itself from where it was
            assertTrue(agent.waitFor(30, TimeUnit.SECONDS));
            Await.until("the fallback's line", BOUND, () -> read(log).contains("r58ctl agent went away"), () -> read(log));
            append("[    4.000000] second sentinel\n");
            Await.until("a line after the agent went", BOUND, () -> read(log).contains("second sentinel"),
                    () -> read(log));
            String out = read(log);
            for (String line : List.of("Booting Linux", "Internal error: Oops", "Unable to handle kernel NULL",
                    "first sentinel", "second sentinel")) {
                assertEquals(1, out.split(java.util.regex.Pattern.quote(line), -1).length - 1, line + " once in:\n" + out);
            }
            assertTrue(out.indexOf("Internal error: Oops") < out.indexOf("Unable to handle kernel")
                    && out.indexOf("first sentinel") < out.indexOf("second sentinel"), "in the log's order:\n" + out);
            assertTrue(out.contains("C [    3.000000] Unable to handle kernel"), "classified, as here:\n" + out);
        } finally {
            ChildR58ctl.signal(follow, "TERM");
            assertTrue(follow.waitFor(30, TimeUnit.SECONDS), "kmsg --follow ends on SIGTERM");
        }
    }

    private void append(String lines) throws IOException {
        Files.writeString(dir.resolve("kern.log"), lines, java.nio.file.StandardOpenOption.APPEND);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void twoFrontEndsShareOneEngineAndSigtermEndsTheRecordingWhole() throws Exception {
        Path file = dir.resolve("rec/cam0.mkv");
        Path cfg = startAgent("\n  cam0: {source: test, resolution: 320x240, framerate: 15, bitrate: 300, codec: h264, "
                + "encoder: x264enc, transport: none, output_path: \"" + file + "\"}");
        Config config = TestConfigs.load(dir, Files.readString(cfg));
        RemoteEngine first = AgentClient.attach(config);
        RemoteEngine second = AgentClient.attach(config);
        assertNotNull(first, "the agent answers");
        assertNotNull(second);
        List<EngineEvent> heard = new CopyOnWriteArrayList<>();
        second.subscribe(heard::add);
        first.startCamera("cam0");
        Await.until("cam0 running, seen by the second front end", BOUND, () -> running(heard) > 0, () -> "" + heard.size());
        Await.until("a recording growing", BOUND, () -> file.toFile().length() > 20_000, () -> file.toString());
        assertEquals(List.of("cam0"), first.running());
        first.close(); // the first dashboard quits
        int before = running(heard);
        Await.until("cam0 still running after the first front end left", BOUND, () -> running(heard) >= before + 3,
                () -> "" + running(heard));
        assertEquals(List.of("cam0"), second.running());
        assertEquals("quitting: cam0 keeps running in r58ctl agent", second.quitting());
        second.close();

        assertEquals(128 + 15, terminate());
        assertTrue(MatroskaCues.written(file), "Cues written at EOS: " + file);
        MediaProbe.Result r = MediaProbe.file(file, Duration.ofSeconds(20));
        assertNull(r.error(), r.toString());
        assertTrue(r.frames() >= 15, "at least a second in the file: " + r);
        String log = Files.readString(dir.resolve("state/r58ctl.log"));
        assertTrue(log.contains("SIGTERM: stopping as on q (r58ctl agent"), log);
    }

    @Test
    void engineServeOnTheBoardJoinsStdioToTheAgent() throws Exception {
        Path cfg = startAgent(" {}");
        Process serve = ChildR58ctl.piped(dir.resolve("serve.err"), "--config", cfg.toString(), "engine", "serve",
                "--stdio");
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            JsonNode hello = JSON.readTree(r.readLine());
            assertEquals("hello", hello.get("type").asText(), hello.toString());
            assertTrue(hello.get("event").get("shared").asBoolean(), "the agent's engine: " + hello);
            serve.getOutputStream().write("{\"cmd\":\"ping\",\"args\":[]}\n".getBytes(StandardCharsets.UTF_8));
            serve.getOutputStream().flush();
            Await.until("a SystemSampled through the pipe", BOUND, () -> {
                try {
                    return JSON.readTree(r.readLine()).get("type").asText().equals("SystemSampled");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, () -> "");
            serve.getOutputStream().close(); // the laptop went away
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "engine serve ends with its stdin");
            assertEquals(0, serve.exitValue(), Files.readString(dir.resolve("serve.err")));
        } finally {
            serve.destroyForcibly();
        }
        assertTrue(AgentClientProbe.answers(socket()), "the agent goes on");
        assertEquals(128 + 15, terminate());
    }

    @Test
    void installPrintShowsTheUnitForTheConfiguredRecorderAndStateDir() throws Exception {
        Path cfg = TestConfigs.write(dir, yaml(" {}").replace("recorder: {config: null,",
                "recorder: {config: null, service: rec.service,"));
        CliRun r = CliRun.with(cfg, "agent", "install", "--print", "--unit-dir", dir.resolve("units").toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\nBefore=multi-user.target rec.service\n"), r.out());
        assertTrue(r.out().contains("\nExecStart=/usr/bin/r58ctl agent --state-dir " + dir.resolve("state") + "\n"),
                r.out());
        assertFalse(Files.exists(dir.resolve("units")));
    }

    /** How many camera rows showed cam0 run by r58ctl. */
    private static int running(List<EngineEvent> events) {
        int n = 0;
        for (EngineEvent e : events) {
            if (e instanceof EngineEvent.CamerasUpdated c) {
                for (CameraView v : c.cameras()) {
                    if (v.id().equals("cam0") && "r58ctl".equals(v.runBy()) && "RUNNING".equals(v.state())) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** Whether something accepts connections on a socket. */
    private static final class AgentClientProbe {
        static boolean answers(Path socket) {
            try (SocketChannel ch = SocketStreams.connect(socket)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}

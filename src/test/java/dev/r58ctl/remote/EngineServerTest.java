package dev.r58ctl.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.config.Config;
import dev.r58ctl.config.KnownEncoder;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.testsupport.TestConfigs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board's side of the remote dashboard without SSH: the hello first, then every event as a JSON line that reads
 * back into the same record, commands from stdin with their outcomes as events, and the end of stdin ends it.
 */
class EngineServerTest {
    @TempDir
    Path dir;

    @Test
    void helloThenEventsThatReadBackAndCommandsAnsweredUntilStdinEnds() throws Exception {
        Files.writeString(dir.resolve("kern.log"), "[    1.000000] Booting Linux on physical CPU 0x0\n"
                + "[    2.000000] Internal error: Oops: 0000000096000005 [#1] SMP\n");
        Files.createDirectories(dir.resolve("state/patches"));
        Files.writeString(dir.resolve("state/patches/a.patch"), "not a diff\n");
        Config c = TestConfigs.load(dir, "platform: generic\nstate_dir: " + dir.resolve("state")
                + "\nrecorder: {config: null, health_url: \"http://127.0.0.1:9/health\"}\n"
                + "kernel_log: {source: \"file:" + dir.resolve("kern.log") + "\", previous_boot: none}\n"
                + "cameras:\n  cam0: {resolution: 640x360, codec: h264, transport: none}\n");
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer);
        PipedInputStream fromServer = new PipedInputStream(1 << 20);
        PrintWriter serverOut = new PrintWriter(new PipedOutputStream(fromServer), true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> new EngineServer(c, 120_000).serve(serverIn, serverOut));
        BufferedReader r = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));

        Wire.Message first = Wire.read(r.readLine());
        Wire.Hello hello = (Wire.Hello) first.value();
        assertEquals(Wire.PROTOCOL, hello.protocol());
        assertTrue(hello.kernelSource().startsWith("file:"), hello.kernelSource());
        assertEquals(List.of(KnownEncoder.X264ENC, KnownEncoder.MPPH264ENC), hello.encoders().get("cam0"));
        assertEquals(List.of(dir.resolve("state/patches/a.patch").toString()), hello.patches());
        assertEquals("previous boot not read (kernel_log.previous_boot: none)", hello.previousBoot().note());

        PrintWriter cmd = new PrintWriter(toServer, true, StandardCharsets.UTF_8);
        cmd.println(Wire.command("setEncoder", "cam0", "nosuchenc"));
        cmd.println(Wire.command("checkPatch", "/etc/passwd"));
        cmd.println(Wire.command("checkPatch", dir.resolve("state/patches/a.patch").toString()));
        Set<String> types = new HashSet<>();
        List<String> messages = new ArrayList<>();
        EngineEvent.PatchChecked checked = null;
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end && (checked == null || messages.size() < 2
                || !types.containsAll(Set.of("SystemSampled", "CamerasUpdated", "KernelLineRead", "KernelIncident",
                "StreamsPolled", "MatrixUpdated", "RepoState")))) {
            Wire.Message m = Wire.read(r.readLine());
            assertNotNull(m);
            types.add(m.type());
            if (m.value() instanceof EngineEvent.Message msg && msg.level() == EngineEvent.Message.Level.ERROR) {
                messages.add(msg.text());
            } else if (m.value() instanceof EngineEvent.PatchChecked pc) {
                checked = pc;
            } else if (m.value() instanceof EngineEvent.KernelIncident ki) {
                assertEquals("Internal error: Oops: 0000000096000005 [#1] SMP", ki.incident().title());
            }
        }
        assertNotNull(checked, types.toString());
        assertEquals(dir.resolve("state/patches/a.patch"), checked.file());
        assertTrue(messages.get(0).startsWith("setEncoder: unknown encoder nosuchenc"), messages.toString());
        assertTrue(messages.get(1).contains("/etc/passwd is not a patch file in"), messages.toString());

        toServer.close(); // the laptop went away
        assertEquals(0, served.get(20, TimeUnit.SECONDS));
    }

    @Test
    void aLaptopThatFallsSilentIsGivenUp() throws Exception {
        Config c = TestConfigs.load(dir, "platform: generic\nstate_dir: " + dir.resolve("state")
                + "\nrecorder: {config: null, health_url: \"http://127.0.0.1:9/health\"}\n"
                + "kernel_log: {source: \"file:" + dir.resolve("none.log") + "\", previous_boot: none}\n");
        PipedOutputStream toServer = new PipedOutputStream(); // open, and nothing on it: a laptop without power
        PipedInputStream fromServer = new PipedInputStream(1 << 20);
        PrintWriter serverOut = new PrintWriter(new PipedOutputStream(fromServer), true, StandardCharsets.UTF_8);
        PipedInputStream serverIn = new PipedInputStream(toServer);
        CompletableFuture<Integer> served = CompletableFuture.supplyAsync(
                () -> new EngineServer(c, 1500).serve(serverIn, serverOut));
        CompletableFuture.runAsync(() -> {
            try {
                fromServer.transferTo(java.io.OutputStream.nullOutputStream()); // what it says is not the point
            } catch (java.io.IOException e) {
                // ended
            }
        });
        assertEquals(0, served.get(60, TimeUnit.SECONDS));
    }
}

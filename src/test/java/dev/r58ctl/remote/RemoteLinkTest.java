package dev.r58ctl.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.cli.Cli;
import dev.r58ctl.testsupport.TestConfigs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link watched by keepalive: a board that goes silent (no FIN, no RST) is noticed within five seconds, the
 * command ends with exit 3 and "board unreachable since", and the kmsg journal keeps what arrived before.
 * Also remote.host from the configuration: commands go to the board, {@code config} stays here.
 */
class RemoteLinkTest {
    @TempDir
    Path dir;

    private Path setUp(SshTestServer server, int port, String extra) throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine().replace(":" + server.port() + " ", ":" + port + " "));
        Path script = dir.resolve("board.sh");
        Files.writeString(script, "#!/bin/sh\nfor a in \"$@\"; do echo \"<$a>\"; done\n"
                + "if [ \"$1\" = kmsg ]; then echo '[    1.0] last words'; sleep 60; fi\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return TestConfigs.write(dir, "platform: generic\nstate_dir: " + dir.resolve("state")
                + "\nrecorder: {config: null}\nremote:\n  command: " + script + "\n  identity: " + server.clientKey
                + "\n  known_hosts: " + knownHosts + "\n" + extra);
    }

    @Test
    void aSilentBoardIsNoticedWithinFiveSeconds() throws Exception {
        try (SshTestServer server = new SshTestServer(dir.resolve("ssh"));
             FreezingProxy proxy = new FreezingProxy(server.port())) {
            String host = "127.0.0.1:" + proxy.port();
            Path config = setUp(server, proxy.port(), "");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Cli.execute(new PrintWriter(out, true),
                    new PrintWriter(err, true), "--config", config.toString(), "--host", host, "kmsg", "--follow"));
            long end = System.currentTimeMillis() + 10_000;
            while (!out.toString().contains("last words") && System.currentTimeMillis() < end) {
                Thread.sleep(10);
            }
            assertTrue(out.toString().contains("last words"), out + " / " + err);
            long frozen = System.nanoTime();
            proxy.freeze();
            int code = exit.get(15, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozen);
            assertEquals(3, code, out + " / " + err);
            assertTrue(millis >= 2000 && millis < 5000, "noticed after " + millis + " ms");
            assertTrue(err.toString().matches("r58ctl: board unreachable since \\d\\d:\\d\\d:\\d\\d\n"), err.toString());
            Path journal = RemoteMode.journalFile(dir.resolve("state"), RemoteTarget.parse(host));
            assertTrue(Files.readString(journal).endsWith("<kmsg>\n<--follow>\n[    1.0] last words\n"),
                    Files.readString(journal));
        }
    }

    @Test
    void configuredHostRunsCommandsThereButConfigStaysHere() throws Exception {
        try (SshTestServer server = new SshTestServer(dir.resolve("ssh"))) {
            Path config = setUp(server, server.port(), "");
            String yaml = Files.readString(config).replace("remote:\n", "remote:\n  host: 127.0.0.1:" + server.port()
                    + "\n");
            Files.writeString(config, yaml);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                    "status", "--json", "--config", config.toString(), "--state-dir", dir.resolve("s2").toString());
            assertEquals(0, code, out + " / " + err);
            assertEquals("<status>\n<--json>\n", out.toString(), "--config and --state-dir are local");
            StringWriter local = new StringWriter();
            int check = Cli.execute(new PrintWriter(local, true), new PrintWriter(new StringWriter(), true),
                    "--config", config.toString(), "config", "check");
            assertEquals(0, check);
            assertTrue(local.toString().startsWith("config:      " + config), local.toString());
        }
    }

    @Test
    void badRemoteSectionIsOneLineWithFileLineAndKey() throws Exception {
        Path config = TestConfigs.write(dir, "platform: generic\nrecorder: {config: null}\nremote:\n"
                + "  host: \"root@bad host\"\n");
        StringWriter err = new StringWriter();
        int code = Cli.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "--config", config.toString(), "--host", "127.0.0.1", "status");
        assertEquals(2, code);
        assertEquals("r58ctl: " + config + ":4: remote.host: expected [USER@]HOST[:PORT], got \"root@bad host\"\n",
                err.toString());
        Path unknownKey = TestConfigs.write(dir, "recorder: {config: null}\nremote: {password: secret}\n");
        StringWriter err2 = new StringWriter();
        assertEquals(2, Cli.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err2, true),
                "--config", unknownKey.toString(), "config", "check"));
        assertTrue(err2.toString().contains("remote.password"), err2.toString());
        StringWriter err3 = new StringWriter();
        assertEquals(2, Cli.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err3, true),
                "--config", TestConfigs.write(dir, "recorder: {config: null}\n").toString(), "--identity", "k",
                "status"));
        assertTrue(err3.toString().contains("need --host"), err3.toString());
    }

    @Test
    void aServerThatWouldTakeAnyPasswordStillGetsOnlyKeys() throws Exception {
        try (SshTestServer server = new SshTestServer(dir.resolve("ssh"))) {
            server.sshd.setPasswordAuthenticator((user, password, session) -> true);
            Path config = setUp(server, server.port(), "");
            Path stranger = dir.resolve("stranger");
            com.jcraft.jsch.KeyPair kp = com.jcraft.jsch.KeyPair.genKeyPair(new com.jcraft.jsch.JSch(),
                    com.jcraft.jsch.KeyPair.ECDSA, 256);
            kp.writePrivateKey(stranger.toString());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "--config",
                    config.toString(), "--host", "127.0.0.1:" + server.port(), "--identity", stranger.toString(),
                    "status");
            assertEquals(2, code, out + " / " + err);
            assertEquals("", out.toString());
            assertEquals("r58ctl: 127.0.0.1:" + server.port() + " did not accept the key (" + stranger
                    + "); r58ctl never asks for a password\n", err.toString());
        }
    }

    @Test
    void quotingSurvivesAShell() {
        assertEquals("r58ctl 'a b' 'it'\\''s' ''", RemoteArgs.parse("a b", "it's", "").remoteCommand("r58ctl"));
        RemoteArgs a = RemoteArgs.parse("--host", "u@h:2200", "kmsg", "--identity=/k", "--follow", "--", "--host");
        assertEquals("u@h:2200", a.host());
        assertEquals(java.util.List.of("kmsg", "--follow", "--", "--host"), a.forwarded());
        assertEquals(new RemoteTarget("u", "h", 2200), RemoteTarget.parse(a.host()));
        assertEquals(new RemoteTarget(null, "fe80::1", 22), RemoteTarget.parse("[fe80::1]"));
    }
}

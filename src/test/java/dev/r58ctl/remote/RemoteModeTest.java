package dev.r58ctl.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.cli.Cli;
import dev.r58ctl.testsupport.TestConfigs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote mode against a real SSH server in-process: output, errors and exit codes come back, arguments arrive intact,
 * lines stream as they are printed and are journaled, a dropped link is exit 3, host keys are checked.
 */
class RemoteModeTest {
    @TempDir
    Path dir;
    private SshTestServer server;
    private Path knownHosts;
    private Path config;
    private Path marker;
    private Path go;

    /** What one run printed; out and err can be read while it runs. */
    record Run(CompletableFuture<Integer> exit, StringWriter out, StringWriter err) {
        int code() throws Exception {
            return exit.get(20, TimeUnit.SECONDS);
        }

        @Override
        public String toString() {
            return "exit " + exit.getNow(null) + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new SshTestServer(dir.resolve("ssh"));
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine());
        marker = dir.resolve("ran");
        go = dir.resolve("go");
        Path script = dir.resolve("board-r58ctl.sh");
        Files.writeString(script, "#!/bin/sh\n"
                + "touch '" + marker + "'\n"
                + "if [ \"$1\" = kmsg ]; then\n"
                + "  echo '[    1.000000] line one'\n"
                + "  if [ \"$3\" = hang ]; then sleep 60; fi\n"
                + "  while [ ! -f '" + go + "' ]; do sleep 0.05; done\n"
                + "  echo '[    2.000000] line two'\n"
                + "  exit 0\n"
                + "fi\n"
                + "for a in \"$@\"; do printf '<%s>\\n' \"$a\"; done\n"
                + "echo 'trouble on stderr' >&2\n"
                + "exit 7\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        config = TestConfigs.write(dir, "platform: generic\nstate_dir: " + dir.resolve("state")
                + "\nrecorder: {config: null}\nremote:\n  command: " + script + "\n  identity: " + server.clientKey
                + "\n  known_hosts: " + knownHosts + "\n");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private String host() {
        return "tester@127.0.0.1:" + server.port();
    }

    private Run start(String... args) {
        List<String> all = new ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Cli.execute(
                new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new)));
        return new Run(exit, out, err);
    }

    private Run run(String... args) throws Exception {
        Run r = start(args);
        r.code();
        return r;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void outputErrorsAndExitCodeComeBackWithEveryArgumentIntact() throws Exception {
        Run r = run("--host", host(), "status", "a b", "it's", "\"q\"", "$HOME", "*", "", "--json");
        assertEquals(7, r.code(), r.toString());
        assertEquals("<status>\n<a b>\n<it's>\n<\"q\">\n<$HOME>\n<*>\n<>\n<--json>\n", r.out().toString());
        assertEquals("trouble on stderr\n", r.err().toString());
    }

    @Test
    void remoteOptionsAreNotForwardedAndEqualsFormsWork() throws Exception {
        Run r = run("status", "--host=" + host(), "--known-hosts=" + knownHosts, "--identity", server.clientKey.toString());
        assertEquals(7, r.code(), r.toString());
        assertEquals("<status>\n", r.out().toString());
    }

    @Test
    void linesStreamAsPrintedAndKmsgFollowIsJournaled() throws Exception {
        Run r = start("--host", host(), "kmsg", "--follow");
        await(() -> r.out().toString().contains("line one"), "the first line");
        assertFalse(r.out().toString().contains("line two"), r.toString());
        assertFalse(r.exit().isDone());
        Path journal = RemoteMode.journalFile(dir.resolve("state"), RemoteTarget.parse(host()));
        await(() -> Files.exists(journal) && read(journal).contains("line one"), "the journal line");
        Files.writeString(go, "");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().toString().endsWith("line one\n[    2.000000] line two\n"), r.toString());
        assertTrue(read(journal).startsWith("# r58ctl kmsg --follow from " + host()), read(journal));
        assertTrue(read(journal).endsWith("line one\n[    2.000000] line two\n"), read(journal));
    }

    @Test
    void serverGoneMidStreamIsExitThreeWithinFiveSecondsAndTheJournalIsKept() throws Exception {
        Run r = start("--host", host(), "kmsg", "--follow", "hang");
        await(() -> r.out().toString().contains("line one"), "the first line");
        long stopped = System.nanoTime();
        server.close();
        int code = r.exit().get(10, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
        assertEquals(3, code, r.toString());
        assertTrue(millis < 5000, millis + " ms");
        assertTrue(r.err().toString().matches("r58ctl: board unreachable since \\d\\d:\\d\\d:\\d\\d\n"), r.toString());
        Path journal = RemoteMode.journalFile(dir.resolve("state"), RemoteTarget.parse(host()));
        assertTrue(read(journal).endsWith("[    1.000000] line one\n"), read(journal));
    }

    @Test
    void unknownHostKeyIsRefusedUntilAccepted() throws Exception {
        Files.delete(knownHosts);
        Run refused = run("--host", host(), "status");
        assertEquals(2, refused.code(), refused.toString());
        String line = refused.err().toString();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("ecdsa-sha2-nistp256 " + server.fingerprint()), line + " / " + server.fingerprint());
        assertTrue(line.contains("--accept-new-host-key"), line);
        assertFalse(Files.exists(marker), "nothing may run on an unknown host");
        assertFalse(Files.exists(knownHosts));

        Run accepted = run("--host", host(), "--accept-new-host-key", "status");
        assertEquals(7, accepted.code(), accepted.toString());
        assertEquals("<status>\n", accepted.out().toString());
        assertTrue(accepted.err().toString().contains("added host key"), accepted.toString());
        assertTrue(read(knownHosts).startsWith("[127.0.0.1]:" + server.port() + " ecdsa-sha2-nistp256 "),
                read(knownHosts));

        Run again = run("--host", host(), "status");
        assertEquals(7, again.code(), again.toString());
        assertEquals("trouble on stderr\n", again.err().toString());
    }

    @Test
    void changedHostKeyIsRefusedEvenWithAcceptNew() throws Exception {
        Files.writeString(knownHosts, server.otherKeyLine());
        Run r = run("--host", host(), "--accept-new-host-key", "status");
        assertEquals(2, r.code(), r.toString());
        assertEquals(1, r.err().toString().lines().count(), r.toString());
        assertTrue(r.err().toString().contains("has CHANGED (now ecdsa-sha2-nistp256 " + server.fingerprint()),
                r.toString());
        assertFalse(Files.exists(marker), "nothing may run on a changed host");
    }

    @Test
    void aKnownKeyOfAnotherTypeCountsAsChanged() throws Exception {
        com.jcraft.jsch.KeyPair rsa = com.jcraft.jsch.KeyPair.genKeyPair(new com.jcraft.jsch.JSch(),
                com.jcraft.jsch.KeyPair.RSA, 2048);
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.port() + " ssh-rsa "
                + java.util.Base64.getEncoder().encodeToString(rsa.getPublicKeyBlob()) + "\n");
        Run r = run("--host", host(), "--accept-new-host-key", "status");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().toString().contains("has CHANGED"), r.toString());
        assertFalse(Files.exists(marker));
    }

    @Test
    void badIdentityIsOneLineExitTwo() throws Exception {
        Path bad = dir.resolve("not-a-key");
        Files.writeString(bad, "hello\n");
        Run r = run("--host", host(), "--identity", bad.toString(), "status");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().toString().startsWith("r58ctl: --identity " + bad + ": not a private key"), r.toString());
        assertEquals(1, r.err().toString().lines().count(), r.toString());
        Run missing = run("--host", host(), "--identity", dir.resolve("absent").toString(), "status");
        assertEquals(2, missing.code(), missing.toString());
        assertEquals("r58ctl: --identity " + dir.resolve("absent") + ": no such file\n", missing.err().toString());
        assertFalse(Files.exists(marker));
    }

    @Test
    void closedPortIsExitThreeAndABadHostIsExitTwo() throws Exception {
        int port = server.port();
        server.close();
        Run r = run("--host", "127.0.0.1:" + port, "status");
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().toString().startsWith("r58ctl: cannot reach 127.0.0.1:" + port), r.toString());
        Run bad = run("--host", "no such host", "status");
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().toString().startsWith("r58ctl: --host: expected [USER@]HOST[:PORT]"), bad.toString());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}

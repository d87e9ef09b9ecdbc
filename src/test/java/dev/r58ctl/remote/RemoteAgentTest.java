package dev.r58ctl.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.r58ctl.cli.Cli;
import dev.r58ctl.testsupport.TestConfigs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no key file at all, the ssh agent's keys are offered (a real ssh-agent holding the test's key). */
class RemoteAgentTest {
    @TempDir
    Path dir;

    @Test
    void theAgentsKeyIsUsedWhenThereIsNoKeyFile() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-agent")) && Files.isExecutable(Path.of("/usr/bin/ssh-add")),
                "needs OpenSSH's ssh-agent and ssh-add");
        String oldHome = System.getProperty("user.home");
        Path sock = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("/usr/bin/ssh-agent", "-D", "-a", sock.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.out").toFile()).start();
        try (SshTestServer server = new SshTestServer(dir.resolve("ssh"))) {
            Files.setPosixFilePermissions(server.clientKey, PosixFilePermissions.fromString("rw-------"));
            for (int i = 0; i < 200 && !Files.exists(sock); i++) {
                Thread.sleep(10);
            }
            ProcessBuilder add = new ProcessBuilder("/usr/bin/ssh-add", server.clientKey.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("add.out").toFile());
            add.environment().put("SSH_AUTH_SOCK", sock.toString());
            Process p = add.start();
            assertEquals(true, p.waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("add.out")));

            Path knownHosts = dir.resolve("known_hosts");
            Files.writeString(knownHosts, server.knownHostsLine());
            Path script = dir.resolve("board.sh");
            Files.writeString(script, "#!/bin/sh\necho \"agent ok $1\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            Path config = TestConfigs.write(dir, "platform: generic\nstate_dir: " + dir.resolve("state")
                    + "\nrecorder: {config: null}\nremote:\n  command: " + script + "\n  known_hosts: " + knownHosts
                    + "\n");
            System.setProperty("user.home", dir.resolve("empty-home").toString());
            System.setProperty("r58ctl.ssh-auth-sock", sock.toString());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "--config",
                    config.toString(), "--host", "127.0.0.1:" + server.port(), "status");
            assertEquals(0, code, out + " / " + err);
            assertEquals("agent ok status\n", out.toString());
        } finally {
            System.setProperty("user.home", oldHome);
            System.clearProperty("r58ctl.ssh-auth-sock");
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);
        }
    }
}

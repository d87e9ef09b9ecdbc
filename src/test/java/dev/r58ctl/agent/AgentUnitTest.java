package dev.r58ctl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.r58ctl.R58Exception;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** r58ctl-agent.service: what it says, that systemd accepts it, the copy the package ships, and its install. */
class AgentUnitTest {
    @TempDir
    Path tmp;

    @Test
    void theUnitRunsTheAgentEarlyWithModestLimitsAndItsRuntimeDirectory() {
        List<String> lines = new AgentUnit("preke-recorder", null).text().lines().toList();
        for (String l : List.of("After=local-fs.target", "Before=multi-user.target preke-recorder.service",
                "Type=simple", "ExecStart=/usr/bin/r58ctl agent", "Restart=on-failure", "RestartSec=2",
                "RuntimeDirectory=r58ctl", "RuntimeDirectoryMode=0700", "WantedBy=multi-user.target")) {
            assertTrue(lines.contains(l), l + " in " + lines);
        }
        assertFalse(lines.stream().anyMatch(l -> l.contains("network")), "no network dependency: " + lines);
        assertTrue(new AgentUnit("rec", Path.of("/srv/my state")).text()
                .contains("\nExecStart=/usr/bin/r58ctl agent --state-dir \"/srv/my state\"\n"));
    }

    @Test
    void thePackagesCopyIsTheUnitForTheDefaultRecorder() throws Exception {
        assertEquals(new AgentUnit("preke-recorder", null).text(), Files.readString(Path.of("src/deb/r58ctl-agent.service")));
    }

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze), "needs systemd-analyze (Debian's systemd package)");
        // the launcher is not installed here: the unit is checked with this checkout's launcher in its place
        Path unit = tmp.resolve(AgentUnit.NAME);
        Files.writeString(unit, new AgentUnit("preke-recorder", null).text().replace("/usr/bin/r58ctl",
                Path.of("scripts/r58ctl").toAbsolutePath().toString()));
        Process p = new ProcessBuilder(analyze.toString(), "verify", "--man=no", unit.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("", out.strip(), "no warning (an unknown key is only a warning)");
    }

    @Test
    void installWritesEnablesAndStartsWithArgumentLists() throws Exception {
        Path running = Files.createDirectories(tmp.resolve("run/systemd/system"));
        Path f = new AgentUnit("preke-recorder", tmp.resolve("state")).install(tmp.resolve("units"),
                systemctl().toString(), running);
        assertEquals(tmp.resolve("units/r58ctl-agent.service"), f);
        assertEquals("daemon-reload\nenable r58ctl-agent.service\nstart r58ctl-agent.service\n",
                Files.readString(tmp.resolve("calls")));
    }

    @Test
    void withoutSystemdNothingIsWritten() throws Exception {
        R58Exception e = assertThrows(R58Exception.class, () -> new AgentUnit("preke-recorder", null)
                .install(tmp.resolve("units"), systemctl().toString(), tmp.resolve("no-systemd")));
        assertEquals(R58Exception.FAILED, e.exitCode());
        assertEquals("systemd is not running here (no " + tmp.resolve("no-systemd") + "): r58ctl-agent.service not "
                + "installed; `r58ctl agent install --print` shows it", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("units")));
    }

    /** A stand-in systemctl that records its arguments. */
    private Path systemctl() throws Exception {
        Path s = tmp.resolve("systemctl");
        Files.writeString(s, "#!/bin/sh\necho \"$*\" >> " + tmp.resolve("calls") + "\nexit 0\n");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxr-xr-x"));
        return s;
    }
}

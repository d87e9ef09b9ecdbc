package dev.r58ctl.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.R58Exception;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard's unit: its text, install into a directory with a stand-in systemctl, and refusals. */
class GuardUnitTest {
    private static final Path STATE = Path.of("/var/lib/r58ctl");

    @TempDir
    Path tmp;

    private Path systemctl(String body) throws Exception {
        Path s = tmp.resolve("bin/systemctl");
        Files.createDirectories(s.getParent());
        Files.writeString(s, "#!/bin/sh\necho \"$@\" >> " + tmp.resolve("calls") + "\n" + body);
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxr-xr-x"));
        return s;
    }

    @Test
    void textIsAOneshotBeforeTheRecordersUnitWithTheStateDir() {
        String text = new GuardUnit("preke-recorder", Path.of("/root/.local/state/r58ctl")).text();
        assertTrue(text.contains("\nBefore=preke-recorder.service\n"), text);
        assertTrue(text.contains("\nType=oneshot\n"), text);
        assertTrue(text.contains("\nExecStart=/usr/bin/r58ctl guard boot --state-dir /root/.local/state/r58ctl\n"), text);
        assertTrue(text.endsWith("[Install]\nWantedBy=multi-user.target\n"), text);
        assertTrue(new GuardUnit("rec.service", STATE).text().contains("\nBefore=rec.service\n"));
    }

    @Test
    void anOddStateDirIsQuotedSoSystemdReadsItAsOneWordUnexpanded() {
        assertEquals("/var/lib/r58ctl", GuardUnit.argument("/var/lib/r58ctl"));
        assertEquals("\"/home/op/my state/100%%$$HOME \\\"x\\\"\"",
                GuardUnit.argument("/home/op/my state/100%$HOME \"x\""));
        assertEquals("\"/srv/my%%state/$$x\"", GuardUnit.argument("/srv/my%state/$x"));
        String text = new GuardUnit("rec", Path.of("/srv/a b")).text();
        assertTrue(text.contains("\nExecStart=/usr/bin/r58ctl guard boot --state-dir \"/srv/a b\"\n"), text);
    }

    @Test
    void installWritesTheUnitAndEnablesItWithAnArgumentList() throws Exception {
        Path running = Files.createDirectories(tmp.resolve("run/systemd/system"));
        GuardUnit unit = new GuardUnit("preke-recorder", STATE, tmp.resolve("units"), systemctl("exit 0\n").toString(),
                running);
        Path f = unit.install();
        assertEquals(tmp.resolve("units/r58ctl-guard.service"), f);
        assertEquals(unit.text(), Files.readString(f));
        assertEquals("daemon-reload\nenable r58ctl-guard.service\n", Files.readString(tmp.resolve("calls")));
    }

    @Test
    void withoutSystemdNothingIsWritten() throws Exception {
        GuardUnit unit = new GuardUnit("preke-recorder", STATE, tmp.resolve("units"), systemctl("exit 0\n").toString(),
                tmp.resolve("no-systemd"));
        R58Exception e = assertThrows(R58Exception.class, unit::install);
        assertEquals(R58Exception.FAILED, e.exitCode());
        assertEquals("systemd is not running here (no " + tmp.resolve("no-systemd") + "): r58ctl-guard.service not "
                + "installed; `r58ctl guard install --print` shows it", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("units")));
        assertFalse(Files.exists(tmp.resolve("calls")));
    }

    @Test
    void aFailingSystemctlIsOneLine() throws Exception {
        Path running = Files.createDirectories(tmp.resolve("run/systemd/system"));
        GuardUnit unit = new GuardUnit("preke-recorder", STATE, tmp.resolve("units"),
                systemctl("echo 'Failed to connect to bus' >&2\nexit 1\n").toString(), running);
        R58Exception e = assertThrows(R58Exception.class, unit::install);
        assertTrue(e.getMessage().endsWith("daemon-reload failed (exit 1): Failed to connect to bus"), e.getMessage());
    }
}

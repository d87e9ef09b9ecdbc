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
    void textIsAOneshotBeforeTheRecordersUnit() {
        String text = new GuardUnit("preke-recorder").text();
        assertTrue(text.contains("\nBefore=preke-recorder.service\n"), text);
        assertTrue(text.contains("\nType=oneshot\n"), text);
        assertTrue(text.contains("\nExecStart=/usr/bin/r58ctl guard boot\n"), text);
        assertTrue(text.endsWith("[Install]\nWantedBy=multi-user.target\n"), text);
        assertTrue(new GuardUnit("rec.service").text().contains("\nBefore=rec.service\n"));
    }

    @Test
    void installWritesTheUnitAndEnablesItWithAnArgumentList() throws Exception {
        Path running = Files.createDirectories(tmp.resolve("run/systemd/system"));
        GuardUnit unit = new GuardUnit("preke-recorder", tmp.resolve("units"), systemctl("exit 0\n").toString(),
                running);
        Path f = unit.install();
        assertEquals(tmp.resolve("units/r58ctl-guard.service"), f);
        assertEquals(unit.text(), Files.readString(f));
        assertEquals("daemon-reload\nenable r58ctl-guard.service\n", Files.readString(tmp.resolve("calls")));
    }

    @Test
    void withoutSystemdNothingIsWritten() throws Exception {
        GuardUnit unit = new GuardUnit("preke-recorder", tmp.resolve("units"), systemctl("exit 0\n").toString(),
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
        GuardUnit unit = new GuardUnit("preke-recorder", tmp.resolve("units"),
                systemctl("echo 'Failed to connect to bus' >&2\nexit 1\n").toString(), running);
        R58Exception e = assertThrows(R58Exception.class, unit::install);
        assertTrue(e.getMessage().endsWith("daemon-reload failed (exit 1): Failed to connect to bus"), e.getMessage());
    }
}

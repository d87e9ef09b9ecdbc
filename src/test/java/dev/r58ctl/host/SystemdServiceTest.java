package dev.r58ctl.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.R58Exception;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemctl and sudo replaced by recording stand-ins (this machine has no systemd): the argument lists,
 * {@code sudo -n} only when not root, and the one-line error when sudo wants a password.
 */
class SystemdServiceTest {
    @TempDir
    Path dir;
    Path calls;
    Path systemctl;

    private Path script(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @BeforeEach
    void setUp() throws Exception {
        calls = dir.resolve("calls");
        systemctl = script("systemctl", "echo \"systemctl $*\" >> " + calls + "\n"
                + "case \"$1\" in is-active) cat " + dir.resolve("state") + "; exit 3;; esac\nexit 0\n");
        Files.writeString(dir.resolve("state"), "inactive\n");
    }

    private List<String> calls() throws Exception {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void asRootSystemctlIsCalledDirectlyWithAnArgumentList() throws Exception {
        Path sudo = script("sudo", "echo \"sudo $*\" >> " + calls + "\nexit 1\n");
        SystemdService s = new SystemdService("preke-recorder", systemctl.toString(), sudo.toString(), true);
        s.stop();
        s.start();
        s.restart();
        assertEquals(List.of("systemctl stop preke-recorder", "systemctl start preke-recorder",
                "systemctl restart preke-recorder"), calls());
        assertEquals(List.of(systemctl.toString(), "stop", "preke-recorder"), s.argv("stop"));
    }

    @Test
    void notRootGoesThroughSudoMinusN() throws Exception {
        Path sudo = script("sudo", "echo \"sudo $*\" >> " + calls + "\nshift\nexec \"$@\"\n");
        SystemdService s = new SystemdService("preke-recorder", systemctl.toString(), sudo.toString(), false);
        s.stop();
        assertEquals(List.of("sudo -n " + systemctl + " stop preke-recorder", "systemctl stop preke-recorder"), calls());
    }

    @Test
    void sudoAskingForAPasswordIsOneClearLine() throws Exception {
        Path sudo = script("sudo", "echo 'sudo: a password is required' >&2\nexit 1\n");
        SystemdService s = new SystemdService("preke-recorder", systemctl.toString(), sudo.toString(), false);
        R58Exception e = assertThrows(R58Exception.class, s::stop);
        assertEquals(R58Exception.FAILED, e.exitCode());
        assertEquals("systemctl stop preke-recorder needs root and sudo wants a password: run r58ctl as root, "
                + "or allow '" + systemctl + " start|stop|restart preke-recorder' without a password in sudoers",
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void statusReadsIsActiveWithoutSudo() throws Exception {
        Path sudo = script("sudo", "exit 1\n");
        SystemdService s = new SystemdService("preke-recorder", systemctl.toString(), sudo.toString(), false);
        ServiceState st = s.status();
        assertFalse(st.running());
        assertEquals("inactive", st.state());
        Files.writeString(dir.resolve("state"), "active\n");
        assertTrue(s.status().running());
        assertEquals(List.of("systemctl is-active preke-recorder", "systemctl is-active preke-recorder"), calls());
    }

    @Test
    void aFailingUnitAndAMissingSystemctlAreOneLineEach() throws Exception {
        Path failing = script("systemctl-fail", "echo 'Job for x.service failed because the control process exited "
                + "with error code.' >&2\necho 'See \"systemctl status x.service\" for details.' >&2\nexit 1\n");
        SystemdService s = new SystemdService("x", failing.toString(), "sudo", true);
        R58Exception e = assertThrows(R58Exception.class, s::start);
        assertEquals("systemctl start x failed (exit 1): Job for x.service failed because the control process "
                + "exited with error code.", e.getMessage());
        SystemdService none = new SystemdService("x", dir.resolve("absent").toString(), "sudo", true);
        R58Exception missing = assertThrows(R58Exception.class, none::status);
        assertTrue(missing.getMessage().startsWith("cannot run " + dir.resolve("absent")), missing.getMessage());
        assertTrue(missing.getMessage().endsWith("(no systemd here? set recorder.service_manager: process)"),
                missing.getMessage());
    }
}

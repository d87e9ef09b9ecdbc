package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.testsupport.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** guard install through the command line: --print shows the unit; without systemd (as here) it is one line. */
class GuardInstallCliTest {
    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        Path config = TestConfigs.write(tmp.resolve("etc"), "platform: generic\nstate_dir: " + tmp.resolve("state")
                + "\nrecorder: {config: null, service: preke-recorder}\ncameras: {}\n");
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    @Test
    void printShowsTheUnitAndInstallsNothing() {
        CliRun r = run("guard", "install", "--print", "--unit-dir", tmp.resolve("units").toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("[Unit]\n"), r.out());
        assertTrue(r.out().contains("\nBefore=preke-recorder.service\n"), r.out());
        // the state directory in effect, so the guard finds its trial record when the configuration is broken
        assertTrue(r.out().contains("\nExecStart=/usr/bin/r58ctl guard boot --state-dir " + tmp.resolve("state")
                + "\n"), r.out());
        assertFalse(Files.exists(tmp.resolve("units")));
    }

    @Test
    void printNamesTheStateDirGivenOnTheCommandLine() {
        Path state = tmp.resolve("elsewhere");
        CliRun r = run("--state-dir", state.toString(), "guard", "install", "--print");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\nExecStart=/usr/bin/r58ctl guard boot --state-dir " + state + "\n"), r.out());
    }

    @Test
    void installWhereSystemdIsAbsentIsOneLine() {
        if (Files.isDirectory(Path.of("/run/systemd/system"))) {
            return; // this machine runs systemd: GuardUnitTest covers install with a stand-in systemctl
        }
        CliRun r = run("guard", "install", "--unit-dir", tmp.resolve("units").toString());
        assertEquals(1, r.exit(), r.toString());
        assertEquals("r58ctl: systemd is not running here (no /run/systemd/system): r58ctl-guard.service not "
                + "installed; `r58ctl guard install --print` shows it\n", r.err());
        assertFalse(Files.exists(tmp.resolve("units")));
    }
}

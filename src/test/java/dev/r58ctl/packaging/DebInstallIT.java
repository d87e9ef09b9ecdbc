package dev.r58ctl.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Installs the built package into this machine with apt-get, as an operator does on the board, then upgrades,
 * removes and purges it. Only with R58CTL_TEST_INSTALL=1 (set by .ci/run), as root, where apt-get and dpkg exist:
 * it replaces any installed r58ctl and leaves none behind.
 */
class DebInstallIT {
    static final String CONFIG = "/etc/r58ctl/config.yml";
    static final String ARCHIVE = "/var/cache/r58ctl/r58ctl.jsa";
    static final List<String> INSTALLED = List.of("/usr/bin/r58ctl", "/usr/share/r58ctl/r58ctl.jar",
            "/usr/share/man/man1/r58ctl.1.gz", "/usr/share/bash-completion/completions/r58ctl",
            "/usr/share/zsh/vendor-completions/_r58ctl", "/lib/systemd/system/r58ctl-guard.service",
            "/lib/systemd/system/r58ctl-agent.service",
            "/usr/share/doc/r58ctl/copyright", "/usr/share/doc/r58ctl/changelog.gz");
    static final Map<String, String> APT = Map.of("DEBIAN_FRONTEND", "noninteractive", "LC_ALL", "C.UTF-8");

    @TempDir
    Path dir;

    @BeforeAll
    static void onlyWhenAskedAndAble() {
        assumeTrue("1".equals(System.getenv("R58CTL_TEST_INSTALL")), "set R58CTL_TEST_INSTALL=1 to install for real");
        assumeTrue(Proc.run("id", "-u").out().trim().equals("0"), "installing needs root");
        assumeTrue(Proc.has("apt-get") && Proc.has("dpkg"), "installing needs apt-get and dpkg");
        purge();
    }

    @AfterAll
    static void leaveNothingBehind() {
        if ("1".equals(System.getenv("R58CTL_TEST_INSTALL")) && Proc.has("dpkg")) {
            purge();
        }
    }

    private static void purge() {
        if (!status().isEmpty()) {
            apt("purge", "-y", "r58ctl");
        }
    }

    /** dpkg's status of r58ctl, e.g. "install ok installed 0.1.0"; empty when dpkg does not know it. */
    private static String status() {
        Proc p = Proc.run("dpkg-query", "-W", "-f=${Status} ${Version}", "r58ctl");
        return p.exit() == 0 && !p.out().startsWith("unknown ok not-installed") ? p.out().trim() : "";
    }

    /** apt-get with no input: a dpkg question (such as a conffile prompt) fails the test instead of waiting. */
    private static Proc apt(String... args) {
        String[] cmd = new String[args.length + 2];
        cmd[0] = "apt-get";
        cmd[1] = "-q";
        System.arraycopy(args, 0, cmd, 2, args.length);
        return Proc.run(APT, null, cmd).ok();
    }

    /** apt-get install of a local .deb; a missing dependency or recommendation is fetched, so lists may be stale. */
    private static void install(Path deb, String... options) {
        String[] cmd = new String[options.length + 3];
        cmd[0] = "install";
        cmd[1] = "-y";
        System.arraycopy(options, 0, cmd, 2, options.length);
        cmd[cmd.length - 1] = deb.toAbsolutePath().toString();
        try {
            apt(cmd);
        } catch (AssertionError stale) {
            apt("update", "-qq");
            apt(cmd);
        }
    }

    private Proc r58ctl(Map<String, String> env, String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "/usr/bin/r58ctl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        return Proc.run(env, dir, cmd);
    }

    @Test
    void installUpgradeRemovePurge() throws Exception {
        Deb deb = Deb.built();

        // Install, as the README says.
        install(deb.file());
        assertEquals("install ok installed " + deb.version(), status());
        for (String f : INSTALLED) {
            assertTrue(Files.isRegularFile(Path.of(f)), f);
        }
        assertTrue(Files.isExecutable(Path.of("/usr/bin/r58ctl")));
        assertFalse(Files.exists(Path.of("/etc/systemd/system/multi-user.target.wants/r58ctl-guard.service")),
                "the guard is installed but not enabled");

        String version = System.getProperty("r58ctl.version");
        Proc v = r58ctl(Map.of(), "--version").ok();
        if (version != null) {
            DebPackageIT.checkVersion(v.out(), version);
        }
        // postinst trained the class-data archive; one that does not fit (another jar or JVM, damaged) is ignored quietly
        Path archive = Path.of(ARCHIVE);
        assertTrue(Files.size(archive) > 1_000_000, "postinst trained " + ARCHIVE);
        byte[] trained = Files.readAllBytes(archive);
        Files.write(archive, new byte[4096]);
        Proc stale = r58ctl(Map.of(), "--version").ok();
        assertEquals(v.out(), stale.out(), stale.toString());
        assertEquals("", stale.err(), "nothing about the archive on the terminal");
        Files.write(archive, trained);
        Proc opts = r58ctl(Map.of("R58CTL_JAVA_OPTS", "-Xmx200m -XshowSettings:vm"), "--version").ok();
        assertTrue(opts.err().contains("Max. Heap Size: 200.00M"), opts.toString());

        // The first run: finds the installed configuration (there is no ./config.yml in its directory).
        String state = dir.resolve("state").toString(); // its log goes here, not to root's home
        Proc check = configCheck(state);
        assertTrue(check.out().startsWith("config:      " + CONFIG + "\n"), check.toString());

        // The man page is found by man and documents every command.
        if (Proc.has("man")) {
            assertEquals("/usr/share/man/man1/r58ctl.1.gz", Proc.run("man", "-w", "r58ctl").ok().out().trim());
            String page = Proc.run(Map.of("MANWIDTH", "250", "LC_ALL", "C.UTF-8"), null, "man", "-P", "cat", "r58ctl")
                    .ok().out();
            for (CommandSpec c : Commands.all()) {
                assertTrue(page.contains(c.qualifiedName()), c.qualifiedName() + " in man r58ctl");
            }
        }

        // bash-completion (recommended) loads the completion on first use; zsh finds it in its fpath.
        if (Files.exists(Path.of("/usr/share/bash-completion/bash_completion"))) {
            Proc b = Proc.run("bash", "-c", "source /usr/share/bash-completion/bash_completion; "
                    + "__load_completion r58ctl; complete -p r58ctl").ok();
            assertTrue(b.out().contains("-F " + PackageFiles.COMPLETION_FUNCTION + " r58ctl"), b.toString());
        }
        if (Proc.has("zsh")) {
            Proc z = Proc.run("zsh", "-fc", "autoload -U compinit && compinit -u -d " + dir.resolve("zcompdump")
                    + " && print -r -- $_comps[r58ctl]").ok();
            assertEquals("_r58ctl", z.out().trim(), z.toString());
        }

        // An edited configuration survives a reinstall and an upgrade.
        String edit = "\n# edited by DebInstallIT\n";
        Files.writeString(Path.of(CONFIG), edit, StandardOpenOption.APPEND);
        String edited = Files.readString(Path.of(CONFIG));
        install(deb.file(), "--reinstall");
        assertEquals(edited, Files.readString(Path.of(CONFIG)), "reinstall keeps the edit");

        Path next = nextVersion(deb);
        install(next);
        assertEquals("install ok installed " + deb.version() + "+test1", status());
        assertEquals(edited, Files.readString(Path.of(CONFIG)), "upgrade keeps the edit");
        assertFalse(Files.exists(Path.of(CONFIG + ".dpkg-new")) || Files.exists(Path.of(CONFIG + ".dpkg-dist")));
        configCheck(state);

        // Remove: the program goes, the edited configuration stays until purge.
        apt("remove", "-y", "r58ctl");
        for (String f : INSTALLED) {
            assertFalse(Files.exists(Path.of(f)), f + " is removed");
        }
        assertEquals(edited, Files.readString(Path.of(CONFIG)), "remove keeps the configuration");
        assertFalse(Files.exists(archive.getParent()), "remove takes the class-data archive");
        assertTrue(status().startsWith("deinstall ok config-files"), status());

        apt("purge", "-y", "r58ctl");
        assertFalse(Files.exists(Path.of(CONFIG)), "purge removes the configuration");
        assertFalse(Files.exists(Path.of("/etc/r58ctl")), "and its directory");
        assertEquals("", status());
    }

    /** The same package as version VERSION+test1: an upgrade with the same default configuration. */
    private Path nextVersion(Deb deb) throws Exception {
        Path tree = dir.resolve("tree");
        Proc.run("dpkg-deb", "-R", deb.file().toString(), tree.toString()).ok();
        Path controlFile = tree.resolve("DEBIAN/control");
        Files.writeString(controlFile, Files.readString(controlFile)
                .replace("\nVersion: " + deb.version() + "\n", "\nVersion: " + deb.version() + "+test1\n"));
        Path next = dir.resolve("r58ctl_" + deb.version() + "+test1_all.deb");
        Proc.run("dpkg-deb", "--root-owner-group", "-b", tree.toString(), next.toString()).ok();
        return next;
    }

    /**
     * {@code config check} of the installed configuration: valid (never exit 2); where the recorder is not installed,
     * its file is missing, which is exit 1 and one warning naming it.
     */
    private Proc configCheck(String state) {
        Proc check = r58ctl(Map.of(), "config", "check", "--state-dir", state);
        if (Files.exists(Path.of("/opt/preke-r58-recorder/config.yml"))) {
            return check.ok();
        }
        assertEquals(1, check.exit(), check.toString());
        assertTrue(check.out().contains("WARNING:     the recorder's file /opt/preke-r58-recorder/config.yml: not found; "
                + "cameras come from " + CONFIG + "\n"), check.toString());
        return check;
    }
}

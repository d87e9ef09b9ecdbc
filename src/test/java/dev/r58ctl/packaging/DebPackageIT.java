package dev.r58ctl.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .deb that {@code mvn verify} (scripts/package) built: file list, control fields, and each file's content. */
class DebPackageIT {
    /** Every file the package installs, with its mode. */
    static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("./usr/bin/r58ctl", "-rwxr-xr-x"),
            Map.entry("./usr/share/r58ctl/r58ctl.jar", "-rw-r--r--"),
            Map.entry("./usr/share/man/man1/r58ctl.1.gz", "-rw-r--r--"),
            Map.entry("./usr/share/bash-completion/completions/r58ctl", "-rw-r--r--"),
            Map.entry("./usr/share/zsh/vendor-completions/_r58ctl", "-rw-r--r--"),
            Map.entry("./lib/systemd/system/r58ctl-guard.service", "-rw-r--r--"),
            Map.entry("./lib/systemd/system/r58ctl-agent.service", "-rw-r--r--"),
            Map.entry("./etc/r58ctl/config.yml", "-rw-r--r--"),
            Map.entry("./usr/share/doc/r58ctl/copyright", "-rw-r--r--"),
            Map.entry("./usr/share/doc/r58ctl/changelog.gz", "-rw-r--r--"));

    static final String DEPENDS = "default-jre-headless (>= 2:1.17) | java17-runtime-headless, gstreamer1.0-tools, "
            + "gstreamer1.0-plugins-base, gstreamer1.0-plugins-good, gstreamer1.0-plugins-bad, "
            + "gstreamer1.0-plugins-ugly, gstreamer1.0-rtsp, git";

    static Deb deb;

    @TempDir
    static Path root;

    static Path data;
    static Path control;

    @BeforeAll
    static void unpack() throws Exception {
        assumeTrue(Proc.has("dpkg-deb"), "dpkg-deb is needed to read the package");
        deb = Deb.built();
        assertTrue(Files.isRegularFile(deb.file()), deb.file() + " was built");
        data = deb.extract(Files.createDirectories(root.resolve("data")));
        control = deb.control(root.resolve("control"));
    }

    @Test
    void installsExactlyTheseFilesOwnedByRoot() {
        var contents = deb.contents();
        Set<String> files = new TreeSet<>();
        contents.forEach((path, e) -> {
            assertEquals("root/root", e.owner(), path);
            if (e.mode().startsWith("-")) {
                files.add(path);
                assertEquals(FILES.get(path), e.mode(), path);
            } else {
                assertEquals("drwxr-xr-x", e.mode(), path);
            }
        });
        assertEquals(new TreeSet<>(FILES.keySet()), files);
        assertTrue(contents.get("./usr/share/r58ctl/r58ctl.jar").size() > 1_000_000, "the shaded jar is whole");
        for (String p : FILES.keySet()) {
            assertTrue(contents.get(p).size() > 0, p + " is not empty");
        }
    }

    @Test
    void controlFields() throws Exception {
        assertEquals("r58ctl", deb.field("Package"));
        assertEquals(deb.version(), deb.field("Version"));
        assertEquals("all", deb.field("Architecture"));
        assertEquals(DEPENDS, deb.field("Depends"));
        assertEquals("bash-completion", deb.field("Recommends"));
        assertTrue(deb.field("Maintainer").matches(".+ <[^ >]+@[^ >]+>"), deb.field("Maintainer"));
        assertTrue(deb.field("Description").startsWith("maintenance console for the R58"), deb.field("Description"));
        assertTrue(Integer.parseInt(deb.field("Installed-Size")) > 1000);
        assertEquals("/etc/r58ctl/config.yml\n", Files.readString(control.resolve("conffiles")));
        Set<String> summed = new TreeSet<>();
        for (String line : Files.readAllLines(control.resolve("md5sums"))) {
            summed.add("./" + line.split("\\s+", 2)[1]);
        }
        Set<String> expected = new TreeSet<>(FILES.keySet());
        expected.remove("./etc/r58ctl/config.yml");
        summed.remove("./etc/r58ctl/config.yml");
        assertEquals(expected, summed, "md5sums covers every file");
    }

    @Test
    void maintainerScriptsReloadSystemdOnlyWhenItRunsAndEnableNothing() throws Exception {
        for (String name : List.of("postinst", "postrm")) {
            Path s = control.resolve(name);
            assertTrue(Files.isExecutable(s), name);
            Proc.run("sh", "-n", s.toString()).ok();
            String text = Files.readString(s);
            assertTrue(text.contains("[ -d /run/systemd/system ]"), name + " guards systemctl: " + text);
            assertFalse(text.contains("systemctl enable") || text.contains("deb-systemd-helper enable"), name);
        }
        assertTrue(Files.readString(control.resolve("postrm")).contains("purge)"), "purge cleans up");
        assertFalse(Files.exists(control.resolve("preinst")) || Files.exists(control.resolve("prerm")));
    }

    @Test
    void configIsTheDocumentedExampleAndTheUnitRunsTheGuardBeforeTheRecorder() throws Exception {
        assertArrayEquals(Files.readAllBytes(Path.of("config.yml")),
                Files.readAllBytes(data.resolve("etc/r58ctl/config.yml")));
        List<String> unit = Files.readAllLines(data.resolve("lib/systemd/system/r58ctl-guard.service"));
        for (String line : List.of("[Unit]", "Before=preke-recorder.service", "[Service]", "Type=oneshot",
                "ExecStart=/usr/bin/r58ctl guard boot", "[Install]", "WantedBy=multi-user.target")) {
            assertTrue(unit.contains(line), line + " in " + unit);
        }
        assertEquals(new dev.r58ctl.agent.AgentUnit("preke-recorder", null).text(),
                Files.readString(data.resolve("lib/systemd/system/r58ctl-agent.service")),
                "the agent's unit as `r58ctl agent install` writes it for the default recorder, without --state-dir");
    }

    /** The JVM options of an {@code exec java ... -jar} line, continuation lines joined. */
    static List<String> jvmFlags(String script) {
        Matcher m = Pattern.compile("(?s)exec java (.*?) -jar ").matcher(script.replace("\\\n", " "));
        assertTrue(m.find(), script);
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }

    @Test
    void launcherUsesTheLightJvmSettingsOfScriptsR58ctlAndHonoursR58ctlJavaOpts() throws Exception {
        Path launcher = data.resolve("usr/bin/r58ctl");
        String text = Files.readString(launcher);
        assertTrue(text.startsWith("#!/bin/sh\n"), text);
        Proc.run("sh", "-n", launcher.toString()).ok();
        assertEquals(jvmFlags(Files.readString(Path.of("scripts/r58ctl"))), jvmFlags(text));
        assertTrue(jvmFlags(text).contains("${R58CTL_JAVA_OPTS:-}"), text);
        assertTrue(text.contains("-jar /usr/share/r58ctl/r58ctl.jar \"$@\""), text);

        Path here = root.resolve("r58ctl");
        Files.writeString(here, text.replace("/usr/share/r58ctl/r58ctl.jar",
                data.resolve("usr/share/r58ctl/r58ctl.jar").toString()));
        Proc p = Proc.run(Map.of("R58CTL_JAVA_OPTS", "-Xmx200m -XshowSettings:vm"), root,
                "sh", here.toString(), "--version").ok();
        assertTrue(p.out().startsWith("r58ctl " + System.getProperty("r58ctl.version", "")), p.toString());
        assertTrue(p.err().contains("Max. Heap Size: 200.00M"), "R58CTL_JAVA_OPTS wins over -Xmx96m: " + p);
        assertTrue(p.err().contains("Stack Size: 512.00K"), "the launcher's own settings apply: " + p);
    }

    /** Checks {@code r58ctl --version} output: version, the commit it was built from, and a recent build date. */
    static void checkVersion(String out, String version) {
        String[] lines = out.split("\n");
        assertEquals("r58ctl " + version, lines[0], out);
        Matcher m = Pattern.compile("commit (\\S+), built (\\S+)").matcher(lines[1]);
        assertTrue(m.matches(), out);
        String commit = m.group(1).replace("-dirty", "");
        assertTrue(commit.matches("[0-9a-f]{7,40}") || commit.equals("unknown"), out);
        Proc head = Proc.run("git", "rev-parse", "HEAD");
        if (head.exit() == 0 && !commit.equals("unknown")) {
            assertTrue(head.out().trim().startsWith(commit), "built from HEAD " + head.out() + ": " + out);
        }
        Instant built = Instant.parse(m.group(2));
        assertTrue(built.isBefore(Instant.now().plusSeconds(60))
                && built.isAfter(Instant.now().minus(Duration.ofDays(1))), out);
        assertTrue(lines[2].startsWith("Java "), out);
    }

    @Test
    void jarReportsVersionCommitAndBuildDate() {
        String version = System.getProperty("r58ctl.version");
        assumeTrue(version != null, "run by Maven (r58ctl.version)");
        Proc p = Proc.run("java", "-jar", data.resolve("usr/share/r58ctl/r58ctl.jar").toString(), "--version").ok();
        checkVersion(p.out(), version);
    }

    @Test
    void manPageDocumentsEveryCommand() {
        String text = Commands.rendered(data.resolve("usr/share/man/man1/r58ctl.1.gz"));
        assertEquals(List.of(), PackageFilesTest.missingFromManPage(text), text);
        assertTrue(Commands.troff(data.resolve("usr/share/man/man1/r58ctl.1.gz"))
                .contains("\"r58ctl " + deb.version().replace("-", "\\-") + "\""));
    }

    @Test
    void completionsAreTheModelsAndDefineTheFunction() throws Exception {
        String bash = PackageFiles.bash(PackageFiles.commandLine());
        assertEquals(bash, Files.readString(data.resolve("usr/share/bash-completion/completions/r58ctl")));
        assertEquals(PackageFiles.zsh(bash), Files.readString(data.resolve("usr/share/zsh/vendor-completions/_r58ctl")));
        assertTrue(bash.contains("function " + PackageFiles.COMPLETION_FUNCTION + "()"));
        if (Proc.has("bash")) {
            Path f = data.resolve("usr/share/bash-completion/completions/r58ctl");
            assertEquals(Commands.visible(Commands.root()),
                    PackageFilesTest.complete(f, new ArrayList<>(List.of("r58ctl", ""))));
        }
    }

    @Test
    void docs() throws Exception {
        String changelog = Commands.troff(data.resolve("usr/share/doc/r58ctl/changelog.gz"));
        assertTrue(changelog.startsWith("r58ctl (" + deb.version() + ") unstable; urgency=medium\n"), changelog);
        if (Proc.has("dpkg-parsechangelog")) {
            Path file = Files.writeString(root.resolve("changelog"), changelog);
            assertEquals(deb.version(),
                    Proc.run("dpkg-parsechangelog", "-l", file.toString(), "-S", "Version").ok().out().trim());
        }
        String copyright = Files.readString(data.resolve("usr/share/doc/r58ctl/copyright"));
        assertTrue(copyright.startsWith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"));
        assertTrue(copyright.contains("  info.picocli:picocli "), copyright);
        assertTrue(copyright.contains("\nLicense: Apache-2.0\n"), copyright);
    }
}

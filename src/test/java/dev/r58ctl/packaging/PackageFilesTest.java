package dev.r58ctl.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** The package's generated files, from the picocli model: man page, bash and zsh completion, changelog. */
class PackageFilesTest {
    @TempDir
    Path dir;

    private Path manPage() throws Exception {
        Path f = dir.resolve("r58ctl.1");
        Files.writeString(f, ManPage.render(PackageFiles.commandLine().getCommandSpec(), "9.8.7", LocalDate.of(2026, 1, 2)));
        return f;
    }

    /** What a reader of the man page finds missing: every command, option and parameter of the model. */
    static List<String> missingFromManPage(String text) {
        List<String> missing = new ArrayList<>();
        for (OptionSpec o : Commands.root().options()) {
            if (!text.contains(Commands.longName(o))) {
                missing.add("r58ctl " + Commands.longName(o));
            }
        }
        for (CommandSpec c : Commands.all()) {
            if (!text.contains("\n   " + c.qualifiedName() + "\n")) {
                missing.add(c.qualifiedName() + " (its section)");
            }
            String section = section(text, c.qualifiedName());
            for (OptionSpec o : c.options()) {
                if (!o.hidden() && !o.inherited() && !section.contains(Commands.longName(o))) {
                    missing.add(c.qualifiedName() + " " + Commands.longName(o));
                }
            }
            for (PositionalParamSpec p : c.positionalParameters()) {
                if (!p.hidden() && !section.contains(p.paramLabel())) {
                    missing.add(c.qualifiedName() + " " + p.paramLabel());
                }
            }
        }
        return missing;
    }

    /** The text of one command's section, up to the next section heading. */
    private static String section(String text, String name) {
        int start = text.indexOf("\n   " + name + "\n");
        if (start < 0) {
            return "";
        }
        int end = text.indexOf("\n   r58ctl ", start + 1);
        int top = text.indexOf("\nEXIT STATUS", start + 1);
        end = end < 0 ? top : Math.min(end, top);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    @Test
    void manPageHasASectionForEveryCommandWithItsOptionsAndParameters() throws Exception {
        String text = Commands.rendered(manPage());
        assertTrue(Commands.all().size() >= 7, "the model has the commands this test expects: " + Commands.all());
        assertEquals(List.of(), missingFromManPage(text), text);
        assertTrue(text.matches("(?s).*\n {7}r58ctl pipeline run \\[.*--duration=D\\].* CAM\n.*"), "synopsis: " + text);
        assertFalse(text.contains("${"), "default values and other variables are rendered: " + text);
        assertTrue(text.contains("/etc/r58ctl/config.yml") && text.contains("R58CTL_JAVA_OPTS"), text);
    }

    @Test
    void manPageIsCleanTroff() throws Exception {
        Path page = manPage();
        String troff = Files.readString(page);
        assertTrue(troff.contains("\n.TH R58CTL 1 \"2026-01-02\" \"r58ctl 9.8.7\" \"User Commands\"\n"), troff);
        for (String line : troff.split("\n")) {
            assertFalse(line.startsWith("'") || (line.startsWith(".") && !line.matches("\\.(\\\\\"|TH|SH|SS|TP|PP|B|I|BR|br|nh|ad)( .*)?")),
                    "no text line is read as a request: " + line);
        }
        if (Proc.has("groff")) {
            Proc p = Proc.run(java.util.Map.of("LC_ALL", "C.UTF-8"), null,
                    "groff", "-man", "-ww", "-z", "-Tutf8", page.toString()).ok();
            assertEquals("", p.err(), "groff has no warnings");
        }
    }

    private static String bash() {
        return PackageFiles.bash(PackageFiles.commandLine());
    }

    /** Runs the completion function as bash does when Tab is pressed after {@code words}; returns the candidates. */
    static Set<String> complete(Path script, List<String> words) {
        StringBuilder arr = new StringBuilder();
        for (String w : words) {
            arr.append(" '").append(w).append("'");
        }
        String line = String.join(" ", words);
        String cmd = "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + arr + "); COMP_CWORD=" + (words.size() - 1)
                + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; " + PackageFiles.COMPLETION_FUNCTION
                + " r58ctl '" + words.get(words.size() - 1) + "' '" + words.get(words.size() - 2) + "' 2>/dev/null; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"";
        return new TreeSet<>(Proc.run("bash", "-c", cmd).ok().out().lines().filter(s -> !s.isBlank()).toList());
    }

    @Test
    void bashCompletionCompletesEveryCommandAndItsOptions() throws Exception {
        String script = bash();
        assertTrue(script.contains("function " + PackageFiles.COMPLETION_FUNCTION + "()"), script);
        assertTrue(script.contains("complete -F " + PackageFiles.COMPLETION_FUNCTION + " -o default r58ctl"), script);
        if (!Proc.has("bash")) {
            return;
        }
        Path f = dir.resolve("r58ctl");
        Files.writeString(f, script);
        List<CommandSpec> parents = new ArrayList<>(List.of(Commands.root()));
        parents.addAll(Commands.all());
        for (CommandSpec c : parents) {
            List<String> words = new ArrayList<>(List.of(c.qualifiedName().split(" ")));
            if (!c.subcommands().isEmpty()) {
                words.add("");
                Set<String> expected = Commands.visible(c);
                assertEquals(expected, complete(f, words), "after: " + c.qualifiedName());
            }
            words = new ArrayList<>(List.of(c.qualifiedName().split(" ")));
            words.add("--");
            Set<String> got = complete(f, words);
            for (OptionSpec o : c.options()) {
                if (!o.hidden() && Commands.longName(o).startsWith("--")) {
                    assertTrue(got.contains(Commands.longName(o)), c.qualifiedName() + " -- gives " + got);
                }
            }
        }
    }

    @Test
    void zshCompletionIsTheBashScriptLoadedThroughBashcompinit() throws Exception {
        String zsh = PackageFiles.zsh(bash());
        assertTrue(zsh.startsWith("#compdef r58ctl\n"), "compinit only loads files that say what they complete");
        assertTrue(zsh.contains("autoload -U +X bashcompinit && bashcompinit"), zsh);
        assertTrue(zsh.contains("function " + PackageFiles.COMPLETION_FUNCTION + "()"), zsh);
        assertTrue(zsh.endsWith("_bash_complete -F " + PackageFiles.COMPLETION_FUNCTION + " -o default\n"), zsh);
        if (Proc.has("zsh")) {
            Path f = dir.resolve("_r58ctl");
            Files.writeString(f, zsh);
            Proc.run("zsh", "-n", f.toString()).ok();
        }
    }

    @Test
    void gzipIsMaximalWithoutNameOrTimeAndReadsBack() throws Exception {
        byte[] text = ManPage.render(PackageFiles.commandLine().getCommandSpec(), "1", LocalDate.of(2026, 1, 2))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] gz = PackageFiles.gzip(text);
        assertEquals(List.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3),
                java.util.stream.IntStream.range(0, 10).mapToObj(i -> gz[i] & 0xff).toList(),
                "deflate, no name, no time, best compression (lintian's check), Unix");
        assertArrayEquals(text, new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz)).readAllBytes());
        if (Proc.has("gzip")) {
            Path f = Files.write(dir.resolve("t.gz"), gz);
            Proc.run("gzip", "-t", f.toString()).ok();
        }
    }

    @Test
    void bashCompletionHasNoHashbang() {
        assertFalse(bash().startsWith("#!"), "bash-completion sources the file; it is not a program");
    }

    @Test
    void changelogIsDebianFormat() {
        String c = PackageFiles.changelog("0.1.0", "abc1234", "A B <a@b.example>",
                ZonedDateTime.of(2026, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC));
        assertEquals("r58ctl (0.1.0) unstable; urgency=medium\n\n  * r58ctl 0.1.0, built from git commit abc1234.\n\n"
                + " -- A B <a@b.example>  Wed, 04 Mar 2026 05:06:07 +0000\n", c);
        assertEquals("0.2.0~SNAPSHOT", PackageFiles.debianVersion("0.2.0-SNAPSHOT"));
        assertEquals("0.1.0", PackageFiles.debianVersion("0.1.0"));
    }
}

package dev.r58ctl.packaging;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.r58ctl.cli.Cli;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The command model straight from picocli, independent of the code that writes the man page. */
final class Commands {
    private Commands() {
    }

    /**
     * Every command below the root at any depth that an operator sees: hidden ones ({@code engine serve}, which the
     * remote dashboard starts over SSH) are left out, as the man page and completion leave them out.
     */
    static List<CommandSpec> all() {
        List<CommandSpec> out = new ArrayList<>();
        collect(whole(), out);
        return out;
    }

    private static void collect(CommandLine cl, List<CommandSpec> out) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!out.contains(sub.getCommandSpec()) && !sub.getCommandSpec().usageMessage().hidden()) {
                out.add(sub.getCommandSpec());
                collect(sub, out);
            }
        }
    }

    /** The names of a command's subcommands that an operator sees (not hidden). */
    static java.util.Set<String> visible(CommandSpec c) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        c.subcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                out.add(name);
            }
        });
        return out;
    }

    static CommandSpec root() {
        return whole().getCommandSpec();
    }

    /** The root with every subcommand, as help and the man page see it (a run builds only the command it runs). */
    private static CommandLine whole() {
        java.io.PrintWriter sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
        return Cli.commandLine(sink, sink);
    }

    static String longName(OptionSpec o) {
        String best = o.names()[0];
        for (String n : o.names()) {
            if (n.length() > best.length()) {
                best = n;
            }
        }
        return best;
    }

    /** The man page as a reader sees it, through man(1) (scripts/setup installs man-db), wide so nothing wraps. */
    static String rendered(Path manPage) {
        assumeTrue(Proc.has("man"), "man (man-db) renders the man page");
        return Proc.run(Map.of("MANWIDTH", "250", "LC_ALL", "C.UTF-8"), null,
                "man", "-P", "cat", "-l", manPage.toString()).ok().out();
    }

    static String troff(Path manPage) {
        try (InputStream in = manPage.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(manPage)) : Files.newInputStream(manPage)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

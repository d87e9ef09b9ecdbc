package dev.r58ctl.packaging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The man page r58ctl(1) in troff (man macros), written from the picocli model: the global options, then every
 * subcommand at any depth with its synopsis, description, options and parameters. A command added to the model
 * appears here with nothing else to change.
 */
public final class ManPage {
    private ManPage() {
    }

    /** Every command below the root, depth first, in the order picocli lists them. */
    public static List<CommandSpec> subcommands(CommandSpec spec) {
        List<CommandSpec> all = new ArrayList<>();
        for (var sub : spec.subcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            if (!s.usageMessage().hidden() && !all.contains(s)) {
                all.add(s);
                all.addAll(subcommands(s));
            }
        }
        return all.stream().distinct().toList();
    }

    public static String render(CommandSpec root, String version, LocalDate date) {
        StringBuilder m = new StringBuilder();
        m.append(".\\\" r58ctl(1), generated from the picocli model by dev.r58ctl.packaging.ManPage: do not edit.\n");
        m.append(".TH R58CTL 1 \"").append(date).append("\" \"r58ctl ").append(text(version))
                .append("\" \"User Commands\"\n");
        m.append(".nh\n.ad l\n"); // no hyphenation, ragged right: names and options stay whole
        m.append(".SH NAME\n").append(root.name()).append(" \\- ").append(text(lowerFirst(description(root))))
                .append('\n');

        m.append(".SH SYNOPSIS\n");
        m.append(".B ").append(root.name()).append("\n[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGUMENTS\\fR]\n");
        for (CommandSpec c : subcommands(root)) {
            if (c.subcommands().isEmpty()) {
                m.append(".br\n").append(synopsis(c)).append('\n');
            }
        }

        m.append(".SH DESCRIPTION\n").append(line(description(root))).append('\n');
        m.append(".PP\nThe configuration is read from \\fB\\-\\-config\\fR \\fIFILE\\fR, else \\fI./config.yml\\fR, "
                + "else \\fI/etc/r58ctl/config.yml\\fR, else the built\\-in defaults; \\fBr58ctl config check\\fR "
                + "says which. Logs go to \\fIr58ctl.log\\fR in the state directory, never to the terminal.\n");

        m.append(".SH GLOBAL OPTIONS\nThese go before or after the command.\n");
        for (OptionSpec o : root.options()) {
            if (!o.hidden()) {
                option(m, o);
            }
        }

        m.append(".SH COMMANDS\nEvery command also takes the global options.\n");
        for (CommandSpec c : subcommands(root)) {
            m.append(".SS \"").append(text(c.qualifiedName())).append("\"\n");
            m.append(synopsis(c)).append('\n');
            String d = description(c);
            if (!d.isEmpty()) {
                m.append(".PP\n").append(line(d)).append('\n');
            }
            if (!c.subcommands().isEmpty()) {
                m.append(".PP\nCommands: ");
                m.append(String.join(", ", c.subcommands().values().stream()
                        .filter(s -> !s.getCommandSpec().usageMessage().hidden())
                        .map(s -> "\\fB" + text(s.getCommandSpec().qualifiedName()) + "\\fR").distinct().toList()));
                m.append(".\n");
            }
            for (PositionalParamSpec p : c.positionalParameters()) {
                if (!p.hidden()) {
                    m.append(".TP\n\\fI").append(text(p.paramLabel())).append("\\fR")
                            .append(p.arity().max() > 1 ? "..." : "").append('\n')
                            .append(line(String.join(" ", p.renderedDescription()))).append('\n');
                }
            }
            for (OptionSpec o : c.options()) {
                if (!o.hidden() && !o.inherited()) {
                    option(m, o);
                }
            }
        }

        m.append(".SH EXIT STATUS\n");
        m.append(".TP\n.B 0\nSuccess.\n");
        m.append(".TP\n.B 1\nThe checked thing failed (a preflight check, a pipeline), or an internal error.\n");
        m.append(".TP\n.B 2\nBad input or usage: one line naming the file, line and key, or the option.\n");

        m.append(".SH ENVIRONMENT\n");
        m.append(".TP\n.B R58CTL_JAVA_OPTS\nExtra JVM options for the launcher \\fI/usr/bin/r58ctl\\fR, placed after "
                + "its own light settings so that they win (e.g. \\fB\\-Xmx256m\\fR).\n");
        m.append(".TP\n.B NO_COLOR\nWhen set, no colour in help and output.\n");

        m.append(".SH FILES\n");
        file(m, "/etc/r58ctl/config.yml", "The system configuration (kept on upgrade, removed on purge).");
        file(m, "./config.yml", "A configuration in the current directory, used before the system one.");
        file(m, "~/.local/state/r58ctl/r58ctl.log", "The log file in the default state directory.");
        file(m, "/usr/share/r58ctl/r58ctl.jar", "The program.");
        file(m, "/lib/systemd/system/r58ctl-guard.service",
                "The boot guard, run before preke\\-recorder.service once enabled.");
        m.append(".SH SEE ALSO\n.BR gst\\-launch\\-1.0 (1),\n.BR systemctl (1)\n");
        return m.toString();
    }

    private static void option(StringBuilder m, OptionSpec o) {
        m.append(".TP\n").append(optionNames(o)).append('\n');
        String d = String.join(" ", o.renderedDescription());
        m.append(line(d.isEmpty() ? "(no description)" : d)).append('\n');
    }

    private static String optionNames(OptionSpec o) {
        List<String> names = new ArrayList<>();
        for (String n : o.names()) {
            names.add("\\fB" + text(n) + "\\fR");
        }
        String s = String.join(", ", names);
        if (o.arity().max() > 0) {
            s += "=\\fI" + text(o.paramLabel()) + "\\fR";
        }
        return s;
    }

    /** {@code r58ctl pipeline run [--json] [--duration=D] CAM}, bold names and italic values. */
    static String synopsis(CommandSpec c) {
        StringBuilder s = new StringBuilder("\\fB").append(text(c.qualifiedName())).append("\\fR");
        for (OptionSpec o : c.options()) {
            if (o.hidden() || o.inherited()) {
                continue;
            }
            String name = "\\fB" + text(longest(o.names())) + "\\fR"
                    + (o.arity().max() > 0 ? "=\\fI" + text(o.paramLabel()) + "\\fR" : "");
            s.append(' ').append(o.required() ? name : "[" + name + "]");
        }
        for (PositionalParamSpec p : c.positionalParameters()) {
            if (p.hidden()) {
                continue;
            }
            String name = "\\fI" + text(p.paramLabel()) + "\\fR" + (p.arity().max() > 1 ? "..." : "");
            s.append(' ').append(p.arity().min() > 0 ? name : "[" + name + "]");
        }
        if (!c.subcommands().isEmpty()) {
            s.append(" \\fICOMMAND\\fR");
        }
        return s.toString();
    }

    private static String longest(String[] names) {
        String best = names[0];
        for (String n : names) {
            if (n.length() > best.length()) {
                best = n;
            }
        }
        return best;
    }

    private static void file(StringBuilder m, String path, String what) {
        m.append(".TP\n.I ").append(text(path)).append('\n').append(what).append('\n');
    }

    private static String description(CommandSpec c) {
        return String.join(" ", c.usageMessage().description()).replace("%n", " ").replace("%%", "%").trim();
    }

    private static String lowerFirst(String s) {
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return t.isEmpty() ? t : Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }

    /** Running text as one troff input line: escaped, and never read as a request. */
    static String line(String s) {
        String t = text(s.replaceAll("\\s+", " ").trim());
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }

    /** Backslashes printed as such, and hyphens as ASCII minus so options and commands can be pasted. */
    static String text(String s) {
        return s.replace("\\", "\\e").replace("-", "\\-");
    }
}

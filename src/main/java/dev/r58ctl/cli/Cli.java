package dev.r58ctl.cli;

import dev.r58ctl.R58Exception;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Builds the command line in one place, so that tests run commands in-process exactly as the launcher does.
 * Errors end as one line on stderr: {@link R58Exception} with its own exit code, usage errors with 2, and
 * anything unexpected with 1 and its stack trace in the log file only.
 */
public final class Cli {
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private Cli() {
    }

    /**
     * Runs one command line as the launcher does: on the board when remote mode applies (--host, or remote.host
     * configured), else here. Returns the exit code.
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        java.util.concurrent.atomic.AtomicReference<dev.r58ctl.config.Config> read = new java.util.concurrent.atomic.AtomicReference<>();
        Integer remote = dev.r58ctl.remote.RemoteMode.run(out, err, read::set, args);
        dev.r58ctl.StartupTrace.mark("configuration read");
        if (remote != null) {
            return remote;
        }
        CommandLine cl = commandLine(out, err, only(args));
        dev.r58ctl.StartupTrace.mark("command line model built");
        if (read.get() != null) {
            dev.r58ctl.remote.RemoteArgs a = dev.r58ctl.remote.RemoteArgs.parse(args);
            ((RootCommand) cl.getCommand()).alreadyRead(read.get(), a.config(), a.stateDir());
        }
        return cl.execute(args);
    }

    /** The whole command line: every subcommand (help, man page, completion, tests). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null);
    }

    /**
     * The subcommand a run needs alone, or null when it needs them all. Picocli builds the model of every command it
     * is given by reflection, which cost a start-up several hundred milliseconds on the board; a run such as
     * {@code r58ctl --config F status --json} needs the root and {@code status} only. Whatever else stands before the
     * subcommand's name (help, version, an unknown word) gets the whole tree, so help and errors read as before.
     */
    static String only(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (a.equals("--accept-new-host-key")) {
                continue;
            }
            if (ROOT_VALUED.contains(name)) {
                if (!a.contains("=")) {
                    i++;
                }
                continue;
            }
            return RootCommand.SUBCOMMANDS.containsKey(a) && !a.equals("help") ? a : null;
        }
        return null;
    }

    /** True when the command line is the dashboard or the demo with nothing after it (the launcher draws at once). */
    public static boolean opensDashboard(String... args) {
        if (args.length == 0) {
            return false;
        }
        String last = args[args.length - 1];
        return (last.equals("dashboard") || last.equals("demo")) && last.equals(only(args));
    }

    private static final java.util.Set<String> ROOT_VALUED =
            java.util.Set.of("--config", "--state-dir", "--host", "--identity", "--known-hosts");

    static CommandLine commandLine(PrintWriter out, PrintWriter err, String only) {
        CommandLine cl = new CommandLine(new RootCommand());
        RootCommand.SUBCOMMANDS.forEach((name, type) -> {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, type);
            }
        });
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("r58ctl: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more.");
            return R58Exception.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof R58Exception r) {
                c.getErr().println("r58ctl: " + r.getMessage());
                LOG.warn("{}", r.getMessage());
                return r.exitCode();
            }
            if (dev.r58ctl.DiskFull.is(ex)) {
                // a write path that does not name its file: still one line, exit 1, the stack in the log only
                LOG.error("full disk", ex);
                c.getErr().println("r58ctl: " + dev.r58ctl.DiskFull.line(ex));
                return R58Exception.FAILED;
            }
            LOG.error("internal error", ex);
            c.getErr().println("r58ctl: internal error: " + ex + " (details in " + logHint() + ")");
            return R58Exception.FAILED;
        });
        return cl;
    }

    private static String logHint() {
        var f = dev.r58ctl.Logging.currentFile();
        return f == null ? "the log file" : f.toString();
    }
}

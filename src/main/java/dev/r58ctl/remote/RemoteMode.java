package dev.r58ctl.remote;

import com.jcraft.jsch.Session;
import dev.r58ctl.Logging;
import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.config.ConfigLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Remote mode, decided before anything runs locally: with {@code --host} (or {@code remote.host} configured, for
 * every command but {@code config}) the command runs on the board through SSH and nothing runs here. The result is
 * the remote exit code, 2 for bad input or a refused host key, 3 when the board cannot be reached; errors are one
 * line on stderr. {@code kmsg --follow} is also journaled to {@code STATE_DIR/remote/HOST-kmsg.log}, a line at a time.
 */
public final class RemoteMode {
    private RemoteMode() {
    }

    /** Runs {@code args} on the board and returns its exit code, or returns null when the command is local. */
    public static Integer run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, c -> { }, args);
    }

    /**
     * As {@link #run(PrintWriter, PrintWriter, String...)}; when the command is local and the configuration was read
     * to decide that, {@code localConfig} gets it, so the local run need not read it a second time.
     */
    public static Integer run(PrintWriter out, PrintWriter err, java.util.function.Consumer<Config> localConfig,
                              String... args) {
        try {
            return runOrNull(out, err, localConfig, args);
        } catch (R58Exception e) {
            LoggerFactory.getLogger(RemoteMode.class).warn("{}", e.getMessage());
            err.println("r58ctl: " + e.getMessage());
            err.flush();
            return e.exitCode();
        }
    }

    private static Integer runOrNull(PrintWriter out, PrintWriter err, java.util.function.Consumer<Config> localConfig,
                                     String... args) {
        RemoteArgs a = RemoteArgs.parse(args);
        Config config;
        String host = a.host();
        ConfigLoader loader = new ConfigLoader().file(a.config()).stateDir(a.stateDir());
        if (host != null) {
            config = loader.load();
        } else {
            try {
                config = loader.load();
            } catch (R58Exception e) {
                return local(a); // the local run reports the same problem, as it always did
            }
            host = config.remote().host();
            if (host == null || a.subcommand() == null || a.subcommand().equals("config")) {
                Integer code = local(a);
                localConfig.accept(config);
                return code;
            }
        }
        RemoteTarget target;
        try {
            target = RemoteTarget.parse(host);
        } catch (IllegalArgumentException e) {
            throw R58Exception.badInput("--host: " + e.getMessage());
        }
        if (a.subcommand() == null && a.forwarded().isEmpty()) {
            throw R58Exception.badInput("--host " + host + ": which command? e.g. r58ctl --host " + host + " status");
        }
        Config.RemoteSettings settings = config.remote();
        Path identity = a.identity() != null ? a.identity() : settings.identity();
        Path knownHosts = a.knownHosts() != null ? a.knownHosts() : settings.knownHosts();
        Logging.toFile(config.stateDir());
        Path home = RemoteDashboard.home();
        if ("dashboard".equals(a.subcommand())) {
            return RemoteDashboard.run(config, new BoardAddress(target, identity, knownHosts, a.acceptNew(), home,
                    RemoteDashboard.command(settings.command())), err);
        }
        Writer journal = a.isKmsgFollow() ? KmsgJournal.open(config.stateDir(), target, "kmsg --follow") : null;
        Session session = null;
        Thread hook = null;
        try {
            session = SshLink.open(target, identity, knownHosts, a.acceptNew(), home, line -> {
                err.println("r58ctl: " + line);
                err.flush();
            });
            Session s = session;
            hook = new Thread(s::disconnect, "remote-disconnect");
            Runtime.getRuntime().addShutdownHook(hook); // Ctrl-C closes the channel on the board too
            return new RemoteExec().run(session, a.remoteCommand(settings.command()), out, err, journal);
        } finally {
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down already
                }
            }
            if (session != null) {
                session.disconnect();
            }
            if (journal != null) {
                try {
                    journal.close();
                } catch (IOException e) {
                    // every line was flushed as it came
                }
            }
        }
    }

    private static Integer local(RemoteArgs a) {
        if (a.hasSshOptions()) {
            throw R58Exception.badInput("--identity, --known-hosts and --accept-new-host-key need --host "
                    + "(or remote.host in the configuration)");
        }
        return null;
    }

    /** Where {@code kmsg --follow} (and the remote dashboard's kernel lines) from this board are kept here. */
    public static Path journalFile(Path stateDir, RemoteTarget target) {
        return KmsgJournal.file(stateDir, target);
    }
}

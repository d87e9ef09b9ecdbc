package dev.r58ctl.cli;

import dev.r58ctl.Logging;
import dev.r58ctl.config.Config;
import dev.r58ctl.config.ConfigLoader;
import dev.r58ctl.stability.TestResult;
import dev.r58ctl.stability.UnfinishedRuns;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code r58ctl}: the root command, holding the global options every subcommand inherits. */
@Command(name = "r58ctl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Maintenance console for the R58 multi-camera recorder.")
public final class RootCommand implements Runnable {
    /**
     * The subcommands by name, in the order help lists them. Added by {@link Cli} rather than named in the annotation,
     * so that a run of one command builds the picocli model of that command only (start-up, see {@link Cli#execute});
     * each name is its class's {@code @Command(name)}, which CliTest checks.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
            "dashboard", DashboardCommand.class, "demo", DemoCommand.class, "status", StatusCommand.class,
            "kmsg", KmsgCommand.class, "config", ConfigCommand.class, "pipeline", PipelineCommand.class,
            "test", TestCommand.class, "matrix", MatrixCommand.class, "repo", RepoCommand.class,
            "patch", PatchCommand.class, "rollback", RollbackCommand.class, "service", ServiceCommand.class,
            "trial", TrialCommand.class, "guard", GuardCommand.class, "checklist", ChecklistCommand.class,
            "bundle", BundleCommand.class, "engine", EngineCommand.class, "health", HealthCommand.class,
            "agent", AgentCommand.class, "history", HistoryCommand.class, "help", HelpCommand.class);

    private static Map<String, Class<?>> subcommands(Object... nameAndClass) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndClass.length; i += 2) {
            m.put((String) nameAndClass[i], (Class<?>) nameAndClass[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (default: ./config.yml, then /etc/r58ctl/config.yml).")
    Path configFile;

    @Option(names = "--state-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "State directory (default: state_dir of the configuration).")
    Path stateDir;

    // Remote mode is decided before picocli runs (dev.r58ctl.remote.RemoteMode); these are here for help and the man page.
    @Option(names = "--host", paramLabel = "[USER@]HOST[:PORT]", scope = ScopeType.INHERIT,
            description = "Run the command on the board over SSH (default: remote.host of the configuration; "
                    + "`config` then stays local). Exit 3 when the board cannot be reached.")
    String host;

    @Option(names = "--identity", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "SSH private key for --host (default: ~/.ssh/id_ecdsa, id_ed25519, id_rsa, else the ssh agent). "
                    + "No password is ever asked for.")
    Path identity;

    @Option(names = "--known-hosts", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "known_hosts file the board's host key is checked against (default: ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = "--accept-new-host-key", scope = ScopeType.INHERIT,
            description = "Add the board's host key to known_hosts when it is not known yet (a changed key is "
                    + "always refused).")
    boolean acceptNewHostKey;

    @Spec
    CommandSpec spec;

    private Config config;
    private Config alreadyRead;
    private Path alreadyReadFile;
    private Path alreadyReadStateDir;

    /** The configuration remote mode read from these options to decide the run is local: used when they match. */
    void alreadyRead(Config c, Path file, Path dir) {
        alreadyRead = c;
        alreadyReadFile = file;
        alreadyReadStateDir = dir;
    }

    /**
     * The configuration, loaded once; logging goes to its state directory from then on. The first load also looks
     * for stability tests whose process died (the board went down mid-test) and records how they ended.
     */
    public synchronized Config config() {
        if (config == null) {
            config = alreadyRead != null && Objects.equals(alreadyReadFile, configFile)
                    && Objects.equals(alreadyReadStateDir, stateDir) ? alreadyRead
                    : new ConfigLoader().file(configFile).stateDir(stateDir).load();
            Logging.toFile(config.stateDir());
            recoverUnfinishedTests(config);
        }
        return config;
    }

    private void recoverUnfinishedTests(Config c) {
        try {
            for (TestResult r : new UnfinishedRuns(c).recover()) {
                spec.commandLine().getErr().println("r58ctl: stability test " + r.id() + " did not finish: "
                        + r.reason());
            }
        } catch (RuntimeException e) {
            // a damaged state directory must not stop the command the operator asked for; it is in the log
            LoggerFactory.getLogger(RootCommand.class).warn("looking for unfinished stability tests failed", e);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

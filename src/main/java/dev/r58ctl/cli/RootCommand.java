package dev.r58ctl.cli;

import dev.r58ctl.Logging;
import dev.r58ctl.config.Config;
import dev.r58ctl.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code r58ctl}: the root command, holding the global options every subcommand inherits. */
@Command(name = "r58ctl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Maintenance console for the R58 multi-camera recorder.",
        subcommands = {DashboardCommand.class, DemoCommand.class, StatusCommand.class, KmsgCommand.class,
                ConfigCommand.class, PipelineCommand.class, RepoCommand.class, PatchCommand.class,
                RollbackCommand.class, ServiceCommand.class, HealthCommand.class, HelpCommand.class})
public final class RootCommand implements Runnable {

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (default: ./config.yml, then /etc/r58ctl/config.yml).")
    Path configFile;

    @Option(names = "--state-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "State directory (default: state_dir of the configuration).")
    Path stateDir;

    @Spec
    CommandSpec spec;

    private Config config;

    /** The configuration, loaded once; logging goes to its state directory from then on. */
    public synchronized Config config() {
        if (config == null) {
            config = new ConfigLoader().file(configFile).stateDir(stateDir).load();
            Logging.toFile(config.stateDir());
        }
        return config;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

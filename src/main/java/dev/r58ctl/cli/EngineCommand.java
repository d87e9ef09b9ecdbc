package dev.r58ctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code r58ctl engine}: the engine as a service for another r58ctl; hidden, the remote dashboard starts it. */
@Command(name = "engine", hidden = true, mixinStandardHelpOptions = true, subcommands = {EngineServeCommand.class},
        description = "The engine for a remote dashboard (r58ctl --host BOARD dashboard starts it over SSH).")
final class EngineCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "which one? serve");
    }
}

package dev.r58ctl.cli;

import picocli.CommandLine.Command;

/** {@code r58ctl engine}: the engine as a service for another r58ctl; hidden, the remote dashboard starts it. */
@Command(name = "engine", hidden = true, mixinStandardHelpOptions = true, subcommands = {EngineServeCommand.class},
        description = "The engine for a remote dashboard (r58ctl --host BOARD dashboard starts it over SSH).")
final class EngineCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "which one? serve");
    }
}

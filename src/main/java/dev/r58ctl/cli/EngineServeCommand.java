package dev.r58ctl.cli;

import dev.r58ctl.R58Exception;
import dev.r58ctl.remote.EngineServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code r58ctl engine serve --stdio}: the board's side of {@code r58ctl --host BOARD dashboard}. Events go to stdout
 * as JSON lines, commands come from stdin; the end of stdin stops it as quitting the dashboard does.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the engine for a remote dashboard: events to stdout as JSON lines, commands from stdin.")
final class EngineServeCommand extends BaseCommand {
    @Option(names = "--stdio", description = "Speak the dashboard protocol on stdin and stdout (the only way so far).")
    boolean stdio;

    @Override
    public Integer call() {
        if (!stdio) {
            throw R58Exception.badInput("engine serve: give --stdio (the remote dashboard starts this over SSH)");
        }
        return new EngineServer(config()).serve(System.in, out());
    }
}

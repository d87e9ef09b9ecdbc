package dev.r58ctl.cli;

import dev.r58ctl.R58Exception;
import dev.r58ctl.remote.AgentClient;
import dev.r58ctl.remote.AgentPipe;
import dev.r58ctl.remote.EngineServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code r58ctl engine serve --stdio}: the board's side of {@code r58ctl --host BOARD dashboard}. Events go to stdout
 * as JSON lines, commands come from stdin. When r58ctl agent runs, stdio is joined to it (the laptop sees the shared
 * engine, and leaving stops nothing); else the engine runs here and the end of stdin stops it as quitting does.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the engine to a remote dashboard: events to stdout as JSON lines, commands from stdin; "
                + "r58ctl agent's engine when it runs, else one of its own.")
final class EngineServeCommand extends BaseCommand {
    @Option(names = "--stdio", description = "Speak the dashboard protocol on stdin and stdout (the only way so far).")
    boolean stdio;

    @Option(names = "--no-agent", description = "Run an engine here even when r58ctl agent runs (also: "
            + AgentClient.NO_AGENT_ENV + "=1).")
    boolean noAgent;

    @Override
    public Integer call() {
        if (!stdio) {
            throw R58Exception.badInput("engine serve: give --stdio (the remote dashboard starts this over SSH)");
        }
        var config = config();
        if (!noAgent && !AgentClient.disabledByEnvironment()) {
            out().flush();
            Integer code = AgentPipe.serve(config.agent().socket(), System.in, System.out);
            if (code != null) {
                return code;
            }
        }
        return new EngineServer(config).serve(System.in, out());
    }
}

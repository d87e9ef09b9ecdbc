package dev.r58ctl.cli;

import dev.r58ctl.engine.Engine;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.remote.AgentClient;
import dev.r58ctl.remote.RemoteEngine;
import dev.r58ctl.tui.Terminals;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code r58ctl dashboard}: the live console on this terminal, attached to r58ctl agent's engine when it runs (every
 * dashboard sees the same cameras; quitting stops nothing of the agent's), else with an engine of its own.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Open the dashboard: cameras, CPU, kernel log with incident banner; single keys act (? lists them). "
                + "Attaches to r58ctl agent when it runs.")
final class DashboardCommand extends BaseCommand {
    @Option(names = "--no-agent", description = "Run an engine here even when r58ctl agent runs (also: "
            + AgentClient.NO_AGENT_ENV + "=1).")
    boolean noAgent;

    @Override
    public Integer call() {
        dev.r58ctl.StartupTrace.mark("dashboard command");
        var config = config();
        dev.r58ctl.StartupTrace.mark("log file open");
        if (!noAgent && !AgentClient.disabledByEnvironment()) {
            RemoteEngine shared = AgentClient.attach(config);
            if (shared != null) {
                List<String> running;
                try (shared) {
                    Terminals.runDashboard(shared, false, past(config));
                    running = shared.running();
                }
                if (!running.isEmpty()) {
                    err().println("r58ctl: " + String.join(", ", running) + (running.size() == 1 ? " keeps" : " keep")
                            + " running in r58ctl agent (its pipelines outlive the dashboard)");
                }
                return 0;
            }
        }
        try (Engine engine = new Engine(config)) {
            if (!noAgent && !AgentClient.disabledByEnvironment()) {
                engine.noteAtStart(new EngineEvent.Message(EngineEvent.Message.Level.INFO, AgentClient.NOT_RUNNING));
            }
            dev.r58ctl.StartupTrace.mark("engine built");
            Terminals.runDashboard(engine, false, past(config));
        }
        return 0;
    }

    /** What the look-back keys read: the history r58ctl agent records on this board. */
    private static dev.r58ctl.tui.PastSource past(dev.r58ctl.config.Config config) {
        return new dev.r58ctl.tui.HistoryPast(dev.r58ctl.history.HistoryReader.of(config));
    }
}

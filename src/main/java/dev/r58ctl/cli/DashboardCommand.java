package dev.r58ctl.cli;

import dev.r58ctl.engine.Engine;
import dev.r58ctl.tui.Terminals;
import picocli.CommandLine.Command;

/** {@code r58ctl dashboard}: the live console on this terminal. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Open the dashboard: cameras, CPU, kernel log with incident banner; single keys act (? lists them).")
final class DashboardCommand extends BaseCommand {
    @Override
    public Integer call() {
        dev.r58ctl.StartupTrace.mark("dashboard command");
        var config = config();
        dev.r58ctl.StartupTrace.mark("log file open");
        try (Engine engine = new Engine(config)) {
            dev.r58ctl.StartupTrace.mark("engine built");
            Terminals.runDashboard(engine, false);
        }
        return 0;
    }
}

package dev.r58ctl.cli;

import dev.r58ctl.Shutdown;
import dev.r58ctl.agent.Agent;
import dev.r58ctl.agent.AgentPart;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code r58ctl agent}: the always-on engine, in the foreground for systemd (r58ctl-agent.service). One line on stdout
 * when it serves and one when it has stopped; everything else goes to the log file.
 */
@Command(name = "agent", mixinStandardHelpOptions = true, subcommands = {AgentInstallCommand.class},
        description = "Run the always-on engine in the foreground (systemd's r58ctl-agent.service runs it): one "
                + "sampler and one kernel watch for every dashboard and command, sampling every agent.interval, "
                + "serving them on agent.socket (owner only). Stops on SIGTERM, SIGINT or SIGHUP; pipelines it "
                + "started get EOS. Exit 1 when another agent answers on the socket.")
final class AgentCommand extends BaseCommand {
    /** What the agent runs beside its engine: the history writer, and the metrics server unless agent.metrics is off. */
    static List<AgentPart.Factory> parts(dev.r58ctl.config.Config config) {
        List<AgentPart.Factory> parts = new java.util.ArrayList<>();
        parts.add(c -> {
            dev.r58ctl.history.HistoryWriter w = dev.r58ctl.history.HistoryWriter.of(c);
            return AgentPart.of("history in " + c.stateDir().resolve("history"), w, w);
        });
        if (config.agent().metricsEnabled()) {
            parts.add(c -> {
                dev.r58ctl.metrics.MetricsState state = new dev.r58ctl.metrics.MetricsState(c);
                dev.r58ctl.metrics.MetricsServer server = dev.r58ctl.metrics.MetricsServer.start(c.agent(), state);
                return AgentPart.of("metrics on http://" + c.agent().metricsAddress() + "/metrics", state, server);
            });
        }
        return parts;
    }

    @Override
    public Integer call() {
        var config = config();
        int code = new Agent(config, parts(config)).run(line -> {
            out().println(line);
            out().flush();
        });
        out().println("r58ctl agent: stopped" + (Shutdown.requested() ? " by " + Shutdown.stoppedBy() : ""));
        out().flush();
        return code;
    }
}

package dev.r58ctl.cli;

import dev.r58ctl.agent.AgentUnit;
import dev.r58ctl.host.UnitInstall;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl agent install}: writes, enables and starts r58ctl-agent.service, or with --print only shows it. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Write the systemd unit " + AgentUnit.NAME + " that runs `r58ctl agent` from early in boot "
                + "(before the recorder's service), with --state-dir set to the state directory in effect, then "
                + "enable and start it. Exit 0 done, 1 systemd absent or systemctl failed.")
final class AgentInstallCommand extends BaseCommand {
    @Option(names = "--print", description = "Show the unit; install nothing.")
    boolean print;

    @Option(names = "--unit-dir", paramLabel = "DIR", description = "Where to write the unit (default: ${DEFAULT-VALUE}).")
    Path unitDir = UnitInstall.UNIT_DIR;

    @Override
    public Integer call() {
        AgentUnit unit = new AgentUnit(config().recorder().service(), config().stateDir());
        if (print) {
            out().print(unit.text());
            return 0;
        }
        Path f = unit.install(unitDir, "systemctl", UnitInstall.SYSTEMD_RUNNING);
        out().println("installed " + f + ", enabled and started " + AgentUnit.NAME);
        return 0;
    }
}

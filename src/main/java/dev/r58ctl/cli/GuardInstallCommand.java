package dev.r58ctl.cli;

import dev.r58ctl.guard.GuardUnit;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl guard install}: writes and enables r58ctl-guard.service, or with --print only shows it. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Write and enable the systemd unit " + GuardUnit.NAME + " that runs `r58ctl guard boot` before "
                + "the recorder's service, with --state-dir set to the state directory in effect. Exit 0 done, 1 systemd absent or systemctl failed.")
final class GuardInstallCommand extends BaseCommand {
    @Option(names = "--print", description = "Show the unit; install nothing.")
    boolean print;

    @Option(names = "--unit-dir", paramLabel = "DIR", description = "Where to write the unit (default: ${DEFAULT-VALUE}).")
    Path unitDir = GuardUnit.UNIT_DIR;

    @Override
    public Integer call() {
        // the unit names the state directory in effect now: at boot the guard must find the trial record there
        // even if the configuration cannot be read by then
        GuardUnit unit = new GuardUnit(config().recorder().service(), config().stateDir(), unitDir, "systemctl",
                GuardUnit.SYSTEMD_RUNNING);
        if (print) {
            out().print(unit.text());
            return 0;
        }
        Path f = unit.install();
        out().println("installed " + f + " and enabled " + GuardUnit.NAME);
        return 0;
    }
}

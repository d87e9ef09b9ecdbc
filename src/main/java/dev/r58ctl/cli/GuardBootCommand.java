package dev.r58ctl.cli;

import dev.r58ctl.guard.BootGuard;
import dev.r58ctl.guard.GuardResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code r58ctl guard boot}: the boot-time check of an armed trial; see {@link BootGuard}. It runs when the
 * configuration cannot be read (the guard acts on its trial record in the state directory, --state-dir or the
 * default) and says so in its report.
 */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = "Run once at boot: roll an armed trial back after a kernel panic or Oops in the previous boot, "
                + "too many boots or the window passed. Acts on the trial record, so it runs with a configuration "
                + "that cannot be read (give --state-dir). Exit 0 nothing to do or rolled back healthy, 1 a rollback "
                + "did not end healthy or failed.")
final class GuardBootCommand extends BaseCommand {
    @Option(names = "--json", description = "Print what was decided and done as JSON.")
    boolean json;

    @Override
    public Integer call() {
        LoadedConfig c = configIfReadable();
        GuardResult r = new BootGuard(c.stateDir(), c.config(), c.problem()).run();
        if (json) {
            printJson(r);
        } else {
            out().println(r.summary());
            if (r.configProblem() != null) {
                out().println("configuration: " + r.configProblem()
                        + (r.underTest() == null ? "" : "; acted on the trial record"));
            }
            r.evidence().forEach(e -> out().println("  " + e));
        }
        return r.ok() ? 0 : 1;
    }
}

package dev.r58ctl.cli;

import dev.r58ctl.guard.BootGuard;
import dev.r58ctl.guard.GuardResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl guard boot}: the boot-time check of an armed trial; see {@link BootGuard}. */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = "Run once at boot: roll an armed trial back after a kernel panic or Oops in the previous boot, "
                + "too many boots or the window passed. Exit 0 nothing to do or rolled back healthy, 1 a rollback "
                + "did not end healthy or failed.")
final class GuardBootCommand extends BaseCommand {
    @Option(names = "--json", description = "Print what was decided and done as JSON.")
    boolean json;

    @Override
    public Integer call() {
        GuardResult r = new BootGuard(config()).run();
        if (json) {
            printJson(r);
        } else {
            out().println(r.summary());
            r.evidence().forEach(e -> out().println("  " + e));
        }
        return r.ok() ? 0 : 1;
    }
}

package dev.r58ctl.cli;

import dev.r58ctl.guard.GuardResult;
import dev.r58ctl.guard.GuardStore;
import dev.r58ctl.guard.Trial;
import dev.r58ctl.guard.TrialState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl trial status}: the guard's last rollback first, then the armed trial; changes nothing. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the guard's last rollback (with its evidence) and the armed trial. Exit 0.")
final class TrialStatusCommand extends BaseCommand {
    @Option(names = "--json", description = "Print {last, trial} as JSON.")
    boolean json;

    @Override
    public Integer call() {
        GuardStore store = Trial.store(config());
        Optional<GuardResult> last = store.last();
        Optional<TrialState> trial = store.trial();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("last", last.orElse(null));
            doc.put("trial", trial.orElse(null));
            printJson(doc);
            return 0;
        }
        last.ifPresent(l -> {
            out().println("guard " + l.summary() + " (boot " + l.boot() + ", " + l.time() + ")");
            l.evidence().forEach(e -> out().println("  " + e));
        });
        if (trial.isEmpty()) {
            out().println("no trial armed");
            return 0;
        }
        TrialState s = trial.get();
        out().println("armed: trial of " + s.underTest().substring(0, 7) + " since " + s.armedAt() + " (boot "
                + s.armedBoot() + ")");
        out().println("  returns to   " + s.returnTo().substring(0, 7) + " (" + s.returnToName() + ")");
        out().println("  boots        " + s.bootsSinceArming() + " of " + s.maxBoots() + " since arming");
        out().println("  window ends  " + Instant.parse(s.armedAt()).plusSeconds(s.windowSeconds()));
        if (s.rolling() != null) {
            out().println("  rolling back (unfinished): " + s.rolling().summary() + "; `r58ctl guard boot` finishes it");
        }
        return 0;
    }

    static String human(long seconds) {
        return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}

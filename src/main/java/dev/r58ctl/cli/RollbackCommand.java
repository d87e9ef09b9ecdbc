package dev.r58ctl.cli;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.repo.RollbackJournal;
import dev.r58ctl.repo.Progress;
import dev.r58ctl.repo.RepoView;
import dev.r58ctl.repo.Rollback;
import dev.r58ctl.repo.RollbackPlan;
import dev.r58ctl.repo.RollbackResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code r58ctl rollback}: shows the plan, asks, then backs up, stops the service, resets, starts it and waits for
 * health. An interrupted rollback is shown first, with the offer to finish or undo it.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Roll the recorder's checkout back to a commit without losing anything: HEAD and uncommitted "
                + "changes are backed up first, untracked files and recordings are never touched, and "
                + "`rollback --undo` returns to the state before. Exit 0 done (and healthy), 1 refused, unhealthy or "
                + "not confirmed, 2 bad input.")
final class RollbackCommand extends BaseCommand {
    static final class Target {
        @Option(names = "--to", paramLabel = "REF", description = "Roll back to this commit, tag or branch.")
        String to;

        @Option(names = "--last-good", description = "Roll back to the newest known-good mark.")
        boolean lastGood;

        @Option(names = "--undo", description = "Return to the state before the last rollback, uncommitted changes "
                + "included (or undo an interrupted one).")
        boolean undo;

        @Option(names = "--finish", description = "Finish an interrupted rollback from its journal.")
        boolean finish;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--no-restart", description = "Leave the service alone: no stop, start or health check.")
    boolean noRestart;

    @Option(names = "--dry-run", description = "Show the plan and stop.")
    boolean dryRun;

    @Option(names = "--json", description = "Print one JSON document (the plan and the result).")
    boolean json;

    @Override
    public Integer call() {
        // finish and undo work from the journal, so that a broken configuration cannot keep a rollback half done
        LoadedConfig loaded = target.finish || target.undo ? configIfReadable() : new LoadedConfig(config(), null,
                config().stateDir());
        Config c = loaded.config();
        Path journalDir = loaded.stateDir().resolve("rollback");
        if (c == null) {
            err().println("r58ctl: warning: the configuration cannot be read (" + loaded.problem()
                    + "); acting on the rollback journal in " + journalDir);
            err().flush();
        }
        try (RepoView view = RepoView.open(c != null ? c.recorder().repo() : journalRepo(journalDir))) {
            Optional<RollbackJournal> open = Rollback.interrupted(journalDir);
            if (open.isPresent() && !json) {
                out().println("rollback " + open.get().id() + " was interrupted:");
                open.get().summary().forEach(out()::println);
            }
            if (open.isPresent() && !target.finish && !target.undo) {
                String choice = interactive() ? ask("[f]inish it, [u]ndo it, or [n]othing? ") : "";
                if (choice.equals("f")) {
                    target = new Target();
                    target.finish = true;
                } else if (choice.equals("u")) {
                    target = new Target();
                    target.undo = true;
                } else {
                    throw R58Exception.failed("rollback " + open.get().id() + " was interrupted: finish it with "
                            + "`r58ctl rollback --finish` or undo it with `r58ctl rollback --undo`");
                }
            }
            Rollback rollback = configure(new Rollback(view, journalDir), c);
            RollbackPlan plan = rollback.plan();
            if (plan.nothingToDo()) {
                return finish(plan, null, "nothing to do: HEAD is already at " + plan.toSummary()
                        + " and there are no uncommitted changes");
            }
            if (!json) {
                plan.describe().forEach(out()::println);
            }
            rollback.checkSpace(); // before the question: a rollback that cannot complete is not offered
            if (dryRun) {
                return finish(plan, null, "dry run: nothing was changed");
            }
            if (!yes) {
                if (!interactive()) {
                    throw R58Exception.failed("not confirmed: add --yes to go ahead without a question (nothing was changed)");
                }
                if (!ask("Go ahead? [y/N] ").equals("y")) {
                    out().println("cancelled: nothing was changed");
                    return R58Exception.FAILED;
                }
            }
            RollbackResult r = rollback.progress(json ? Progress.NONE : new Printer()).call();
            String line = switch (r.outcome()) {
                case "ok" -> "done: HEAD is " + plan.toSummary() + (r.health() == null ? "" : "; service healthy");
                case "closed" -> "closed interrupted rollback " + plan.undoes() + "; the repository had not been changed";
                default -> "done: HEAD is " + plan.toSummary() + ", but the service is NOT healthy: "
                        + r.health().detail() + " (`r58ctl rollback --undo` returns to the state before)";
            };
            finish(plan, r, line);
            return r.ok() ? 0 : 1;
        }
    }

    private Rollback configure(Rollback rollback, Config c) {
        if (target.to != null) {
            rollback.to(target.to);
        } else if (target.lastGood) {
            rollback.lastGood();
        } else if (target.undo) {
            rollback.undo();
        } else {
            rollback.finish();
        }
        if (c != null) {
            rollback.recordings(c::recordingDirs);
        }
        if (!noRestart && c != null) {
            rollback.recorderService(c);
        } else if (!noRestart) {
            rollback.recorderService(null, null, null); // the journal says which service, or the run is refused
        }
        return rollback;
    }

    /** Without a configuration: the checkout the journal to finish or undo was made in. */
    private Path journalRepo(Path journalDir) {
        Optional<RollbackJournal> j = RollbackJournal.unfinished(journalDir);
        if (target.undo && j.isEmpty()) {
            j = RollbackJournal.latest(journalDir);
        }
        return Path.of(j.orElseThrow(() -> R58Exception.badInput((target.finish ? "no interrupted rollback to finish in "
                : "no rollback to undo in ") + journalDir)).plan().repo());
    }

    private int finish(RollbackPlan plan, RollbackResult result, String line) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("plan", plan);
            doc.put("result", result);
            doc.put("summary", line);
            printJson(doc);
        } else {
            out().println(line);
        }
        return 0;
    }

    private boolean interactive() {
        return Prompts.interactive(json);
    }

    private String ask(String question) {
        return Prompts.ask(out(), question);
    }

    /** One line per finished step, so the operator sees where a long rollback is. */
    private final class Printer implements Progress {
        @Override
        public void begin(String step, String detail) {
            if (step.equals("health") || step.endsWith("-service")) {
                out().printf("  ..  %-13s%n", step);
                out().flush();
            }
        }

        @Override
        public void done(String step, String detail, long millis) {
            out().printf("  ok  %-13s %s (%d ms)%n", step, detail, millis);
            out().flush();
        }
    }
}

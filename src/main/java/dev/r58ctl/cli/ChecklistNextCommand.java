package dev.r58ctl.cli;

import dev.r58ctl.R58Exception;
import dev.r58ctl.Shutdown;
import dev.r58ctl.checklist.Snapshot;
import dev.r58ctl.checklist.StepListener;
import dev.r58ctl.checklist.StepRecord;
import dev.r58ctl.checklist.Walkthrough;
import dev.r58ctl.stability.StabilityListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code r58ctl checklist next}: performs the next action or check, or says what the operator does for a manual
 * step. A step whose gate does not hold is refused in one line; {@code --force} asks twice (without a console it
 * needs {@code --yes} too) and is recorded. A step that changes the board asks first unless {@code --yes}.
 */
@Command(name = "next", mixinStandardHelpOptions = true,
        description = "Perform the next step (or show what to do for a manual one). Exit 0 done, 1 failed, refused "
                + "by its gate, not confirmed, or the checklist is held by another r58ctl.")
final class ChecklistNextCommand extends ChecklistBase {
    @Option(names = "--yes", description = "Do not ask before a step that changes the board (patch, deploy, cameras).")
    boolean yes;

    @Option(names = "--force", description = "Go past a gate that does not hold (asks twice; recorded as forced).")
    boolean force;

    @Override
    public Integer call() {
        Walkthrough w = new Walkthrough(config());
        Snapshot s = w.snapshot();
        Snapshot.Step step = s.next();
        if (step == null) {
            return say("the checklist is complete (`r58ctl checklist reset --yes` starts a new walk)", null, null);
        }
        if (step.kind().equals("manual")) {
            String how = w.instructions(step.id());
            if (json) {
                return say("waiting for the operator", step, how);
            }
            out().println("next: " + step.id() + " (manual): " + step.title());
            if (how != null) {
                out().println("  " + how);
            }
            out().println("  confirm it with `r58ctl checklist done " + step.id() + " --note TEXT` (or skip it with "
                    + "`r58ctl checklist skip " + step.id() + " --reason TEXT`)");
            return 0;
        }
        boolean gateHolds = s.decision().holds(step.gate());
        if (!gateHolds) {
            if (!force) {
                throw R58Exception.failed(s.decision().refusal(step.id(), step.gate()));
            }
            confirmForce(step);
        }
        if (step.changesBoard() && !yes) {
            if (!Prompts.interactive(json)) {
                throw R58Exception.failed("not confirmed: " + step.id() + " changes the board; add --yes to go ahead "
                        + "without a question (nothing changed)");
            }
            if (!Prompts.ask(out(), step.id() + ": " + step.title() + ". Go ahead? [y/N] ").equals("y")) {
                out().println("cancelled: nothing was changed");
                return 1;
            }
        }
        if (!json && step.state().equals(StepRecord.INTERRUPTED)) {
            out().println(step.id() + " was interrupted (pid " + step.record().pid() + ", started "
                    + step.record().startedAt() + "): running it again");
        }
        if (!json) {
            out().println("step " + step.id() + ": " + step.title() + (gateHolds ? "" : " (FORCED past its gate)"));
            out().flush();
        }
        StepRecord r;
        // Ctrl-C, SIGTERM, SIGHUP: the step's test or watch is cancelled and the step recorded (see Shutdown)
        try (Shutdown.Registration stop = Shutdown.whileRunning("checklist step " + step.id(), w::cancel)) {
            r = w.next(step.id(), force, commandLine(), json ? StepListener.NONE : new Printer());
        }
        if (json) {
            printJson(r);
        } else {
            out().println(r.state() + ": " + step.id());
            ChecklistPrinter.evidence(r).forEach(l -> out().println("  " + l));
        }
        return r.state().equals(StepRecord.DONE) ? 0 : 1;
    }

    /** Nothing performed: one line, or with --json the next step and what the operator does for it. */
    private int say(String line, Snapshot.Step step, String instructions) {
        if (!json) {
            out().println(line);
            return 0;
        }
        java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("summary", line);
        doc.put("next", step);
        doc.put("instructions", instructions);
        printJson(doc);
        return 0;
    }

    private void confirmForce(Snapshot.Step step) {
        if (!Prompts.interactive(json)) {
            if (!yes) {
                throw R58Exception.failed("--force without a console needs --force --yes (nothing changed)");
            }
            return;
        }
        if (!Prompts.ask(out(), "The gate of " + step.id() + " does not hold. Force past it? [y/N] ").equals("y")
                || !Prompts.ask(out(), "Really? The step is recorded as forced, with your name. Type force to go "
                + "ahead: ").equals("force")) {
            throw R58Exception.failed("not forced: nothing changed");
        }
    }

    /** Progress lines, and a stability test's seconds as {@code test} prints them. */
    private final class Printer implements StepListener {
        private final TestProgress test = new TestProgress(out());

        @Override
        public void progress(String line) {
            out().println("  " + line);
            out().flush();
        }

        @Override
        public StabilityListener stability() {
            return test;
        }
    }
}

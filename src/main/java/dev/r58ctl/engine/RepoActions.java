package dev.r58ctl.engine;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.repo.KnownGood;
import dev.r58ctl.repo.Progress;
import dev.r58ctl.repo.RepoView;
import dev.r58ctl.repo.Rollback;
import dev.r58ctl.repo.RollbackPlan;
import dev.r58ctl.repo.RollbackResult;
import java.util.function.Consumer;

/** The repository operations the dashboard offers, built exactly as the command line builds them. */
final class RepoActions {
    private RepoActions() {
    }

    static EngineEvent.RepoState state(Config config) {
        try (RepoView view = RepoView.open(config.recorder().repo())) {
            RepoView.Status s = view.status();
            String good = new KnownGood(view).newest().map(m -> m.shortCommit() + " " + m.subject()).orElse(null);
            return new EngineEvent.RepoState(shortId(s.head()) + " " + s.headSubject(), good, s.changes().size(), null);
        } catch (R58Exception e) {
            return new EngineEvent.RepoState(null, null, 0, e.getMessage());
        } catch (RuntimeException e) {
            return new EngineEvent.RepoState(null, null, 0, e.toString());
        }
    }

    private static String shortId(String id) {
        return id == null ? "-" : id.substring(0, Math.min(7, id.length()));
    }

    private static Rollback rollback(RepoView view, Config config, boolean undo) {
        Rollback r = new Rollback(view, config.stateDir().resolve("rollback"));
        return (undo ? r.undo() : r.lastGood()).recorderService(config);
    }

    static RollbackPlan plan(Config config, boolean undo) {
        try (RepoView view = RepoView.open(config.recorder().repo())) {
            return rollback(view, config, undo).plan();
        }
    }

    static void rollback(Config config, boolean undo, Consumer<EngineEvent> emit) {
        String op = undo ? "undo" : "rollback";
        try (RepoView view = RepoView.open(config.recorder().repo())) {
            RollbackResult r = rollback(view, config, undo).progress(new Progress() {
                @Override
                public void begin(String step, String detail) {
                    emit.accept(new EngineEvent.Step(op, step, detail, false));
                }

                @Override
                public void done(String step, String detail, long millis) {
                    emit.accept(new EngineEvent.Step(op, step, detail + " (" + millis + " ms)", true));
                }
            }).call();
            if (!r.ok()) {
                throw R58Exception.failed(op + " ended " + r.outcome() + (r.health() == null ? ""
                        : ": service " + r.health().detail()) + "; u undoes it");
            }
        }
    }
}

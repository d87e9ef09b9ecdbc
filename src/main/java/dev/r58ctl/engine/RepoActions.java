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

    /** Patches offered by the dashboard: *.patch and *.diff files in {@code <state_dir>/patches}. */
    static java.util.List<java.nio.file.Path> patches(Config config) {
        java.nio.file.Path dir = config.stateDir().resolve("patches");
        if (!java.nio.file.Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".patch") || f.toString().endsWith(".diff")).sorted().toList();
        } catch (java.io.IOException e) {
            throw R58Exception.failed("cannot list " + dir + ": " + e.getMessage());
        }
    }

    static EngineEvent.PatchChecked check(Config config, java.nio.file.Path file) {
        java.util.List<String> text;
        try {
            text = java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return new EngineEvent.PatchChecked(file, null, java.util.List.of(), e.getMessage());
        }
        try (RepoView view = RepoView.open(config.recorder().repo())) {
            return new EngineEvent.PatchChecked(file, new dev.r58ctl.repo.PatchCheck(view).file(file).call(),
                    text.subList(0, Math.min(400, text.size())), null);
        } catch (R58Exception e) {
            return new EngineEvent.PatchChecked(file, null, text.subList(0, Math.min(400, text.size())), e.getMessage());
        }
    }

    static String apply(Config config, java.nio.file.Path file, String message) {
        try (RepoView view = RepoView.open(config.recorder().repo())) {
            dev.r58ctl.repo.ApplyPatch.Result r = new dev.r58ctl.repo.ApplyPatch(view).file(file).commit(message)
                    .recordings(config::recordingDirs).call();
            return "applied " + file.getFileName() + " to " + r.paths().size() + " file(s)"
                    + (r.commit() == null ? " (not committed)" : ", committed " + r.commit().substring(0, 7));
        }
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
        Rollback r = new Rollback(view, config.stateDir().resolve("rollback")).recordings(config::recordingDirs);
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

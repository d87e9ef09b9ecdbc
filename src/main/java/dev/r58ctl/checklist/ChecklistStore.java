package dev.r58ctl.checklist;

import dev.r58ctl.AtomicFile;
import dev.r58ctl.DiskFull;
import dev.r58ctl.Json;
import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The checklist's files under {@code <state_dir>/checklist/}: {@code current.json} (the walk in progress) and
 * {@code history/<run-id>.json} (walks ended by a reset). Every write is atomic and durable (temporary file forced,
 * renamed, directory forced), so {@code kill -9} or a power cut leaves the state before or after a step change.
 */
public final class ChecklistStore {
    public static final String CURRENT = "current.json";

    private final Path dir;

    public ChecklistStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path currentFile() {
        return dir.resolve(CURRENT);
    }

    public Path historyDir() {
        return dir.resolve("history");
    }

    public Optional<RunState> current() {
        Path f = currentFile();
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(f.toFile(), RunState.class));
        } catch (IOException e) {
            throw R58Exception.failed(f + ": unreadable (" + e.getMessage().lines().findFirst().orElse("")
                    + "); look at it, then move it away to start over");
        }
    }

    public void save(RunState state) {
        try {
            AtomicFile.write(currentFile(), (Json.pretty().writeValueAsString(state) + "\n").getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw DiskFull.failed(currentFile(), e, "cannot write");
        }
    }

    /** Moves the current walk into history; returns where it went, or null when there was none. */
    public Path archive() {
        Optional<RunState> run = current();
        if (run.isEmpty()) {
            return null;
        }
        try {
            Files.createDirectories(historyDir());
            Path target = historyDir().resolve(run.get().id() + ".json");
            for (int i = 2; Files.exists(target); i++) {
                target = historyDir().resolve(run.get().id() + "-" + i + ".json");
            }
            Files.move(currentFile(), target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFile.forceDir(historyDir());
            AtomicFile.forceDir(dir);
            return target;
        } catch (IOException e) {
            throw DiskFull.failed(historyDir(), e, "cannot move " + currentFile() + " here");
        }
    }
}

package dev.r58ctl.guard;

import dev.r58ctl.Json;
import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The guard's files under {@code <state_dir>/guard/}: {@code trial.json} (the armed trial) and {@code last.json}
 * (the guard's last rollback). Every write is atomic and durable: a temporary file is written and forced, renamed
 * over the old one, and the directory forced, so a power cut leaves the old file or the new one, never half of one.
 */
public final class GuardStore {
    public static final String TRIAL = "trial.json";
    public static final String LAST = "last.json";

    private final Path dir;

    public GuardStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Optional<TrialState> trial() {
        return read(TRIAL, TrialState.class);
    }

    public void saveTrial(TrialState state) {
        write(TRIAL, state);
    }

    /** Disarms: removes the trial file, durably. */
    public void disarm() {
        try {
            Files.deleteIfExists(dir.resolve(TRIAL));
            forceDir();
        } catch (IOException e) {
            throw R58Exception.failed("cannot remove " + dir.resolve(TRIAL) + ": " + e.getMessage());
        }
    }

    public Optional<GuardResult> last() {
        return read(LAST, GuardResult.class);
    }

    public void saveLast(GuardResult result) {
        write(LAST, result);
    }

    private <T> Optional<T> read(String name, Class<T> type) {
        Path f = dir.resolve(name);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(f.toFile(), type));
        } catch (IOException e) {
            throw R58Exception.failed(f + ": unreadable (" + e.getMessage().lines().findFirst().orElse("")
                    + "); look at it, then remove it to start over");
        }
    }

    private void write(String name, Object value) {
        Path target = dir.resolve(name);
        try {
            dev.r58ctl.AtomicFile.write(target, (Json.pretty().writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw dev.r58ctl.DiskFull.failed(target, e, "cannot write");
        }
    }

    private void forceDir() {
        dev.r58ctl.AtomicFile.forceDir(dir);
    }
}

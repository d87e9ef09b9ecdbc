package dev.r58ctl.stability;

import dev.r58ctl.AtomicFile;
import dev.r58ctl.DiskFull;
import dev.r58ctl.Json;
import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stability runs on disk, one JSON file per run under {@code <state_dir>/stability/runs/}. Every write goes to a
 * temporary file that is forced to the device and then renamed over the old one, so a board that dies mid-write
 * leaves the previous complete version, never a torn file. Test outputs live beside them, under
 * {@code stability/files/}, never among the recordings.
 */
public final class RunStore {
    private static final Logger LOG = LoggerFactory.getLogger(RunStore.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** Test output files kept: a 5-minute 1080p soak at 18 Mbit/s is 675 MB on the board's SD card. */
    static final int FILES_KEPT = 4;

    private final Path runs;
    private final Path files;

    public RunStore(Config config) {
        this(config.stateDir().resolve("stability"));
    }

    public RunStore(Path dir) {
        this.runs = dir.resolve("runs");
        this.files = dir.resolve("files");
    }

    public Path runsDir() {
        return runs;
    }

    public Path filesDir() {
        return files;
    }

    /** A new run id, unique in this store: start time, test and encoder. */
    public synchronized String newId(TestKind test, String encoder, LocalDateTime now) {
        String base = now.format(ID_TIME) + "-" + test.key() + "-" + encoder;
        String id = base;
        for (int i = 2; Files.exists(file(id)); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    public Path file(String id) {
        return runs.resolve(id + ".json");
    }

    /** Writes the run atomically and forces it to disk. */
    public void write(TestResult result) {
        Path target = file(result.id());
        try {
            AtomicFile.write(target, Json.pretty().writeValueAsBytes(result));
        } catch (IOException e) {
            throw DiskFull.failed(target, e, "cannot write");
        }
    }

    public TestResult read(Path file) throws IOException {
        return Json.mapper().readValue(file.toFile(), TestResult.class);
    }

    /** Every run, oldest first; a file that does not read is skipped and logged. */
    public List<TestResult> all() {
        List<TestResult> out = new ArrayList<>();
        if (!Files.isDirectory(runs)) {
            return out;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(runs, "*.json")) {
            for (Path f : dir) {
                try {
                    out.add(read(f));
                } catch (IOException e) {
                    LOG.warn("skipping unreadable stability run {}: {}", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw R58Exception.failed("cannot read " + runs + ": " + e.getMessage());
        }
        out.sort(Comparator.comparing(TestResult::startedAt).thenComparing(TestResult::id));
        return out;
    }

    /** Where a test writes its video, creating the directory and keeping only the newest files. */
    public Path outputFile(String id) {
        try {
            Files.createDirectories(files);
            prune();
        } catch (IOException e) {
            throw dev.r58ctl.DiskFull.failed(files, e, "cannot prepare");
        }
        return files.resolve(id + ".mkv");
    }

    private void prune() throws IOException {
        List<Path> all = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(files, "*.mkv")) {
            dir.forEach(all::add);
        }
        all.sort(Comparator.comparing(Path::toString)); // ids start with the time, so names sort by age
        for (int i = 0; i < all.size() - (FILES_KEPT - 1); i++) {
            Files.deleteIfExists(all.get(i));
        }
    }
}

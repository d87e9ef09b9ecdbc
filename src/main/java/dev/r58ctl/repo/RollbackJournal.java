package dev.r58ctl.repo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.r58ctl.AtomicFile;
import dev.r58ctl.DiskFull;
import dev.r58ctl.Json;
import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A rollback's journal: one JSON line per event in {@code STATE/rollback/ID.jsonl}, the plan first, then
 * {@code begin} before each step and {@code done} after it, then {@code end}. Each line is forced to disk before
 * the step it announces starts, so after a crash (kill -9 included) the journal says exactly which steps were done
 * and which one may have been cut short. A torn last line is ignored.
 */
public final class RollbackJournal {
    /**
     * Told {@code STEP:begin} or {@code STEP:done} once that line is on disk; nothing by default. Crash tests stop a
     * child process there and kill it (their own main installs the observer: see the test tree's PausingMain).
     */
    private static volatile java.util.function.Consumer<String> written = point -> { };

    /** Sets the observer of journal lines forced to disk (a crash test's); replaces the previous one. */
    public static void observeWritten(java.util.function.Consumer<String> observer) {
        written = java.util.Objects.requireNonNull(observer);
    }

    /** One event: {@code begin}, {@code done} or {@code end}; value is what a step produced (a commit id). */
    public record Entry(String event, String step, String detail, String value, String time) {
    }

    private final Path file;
    private final RollbackPlan plan;
    private final List<Entry> entries;

    private RollbackJournal(Path file, RollbackPlan plan, List<Entry> entries) {
        this.file = file;
        this.plan = plan;
        this.entries = entries;
    }

    static RollbackJournal create(Path dir, RollbackPlan plan) {
        RollbackJournal j = new RollbackJournal(dir.resolve(plan.id() + ".jsonl"), plan, new ArrayList<>());
        ObjectNode line = Json.mapper().createObjectNode().put("event", "plan").put("time", Instant.now().toString());
        line.set("plan", Json.mapper().valueToTree(plan));
        j.append(line, null);
        return j;
    }

    /** Every journal in the directory, oldest first. */
    public static List<RollbackJournal> all(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<RollbackJournal> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                read(f).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw R58Exception.failed(dir + ": cannot read rollback journals: " + e.getMessage());
        }
        return out;
    }

    public static Optional<RollbackJournal> latest(Path dir) {
        List<RollbackJournal> all = all(dir);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The latest journal when it has no end: a rollback that was interrupted. */
    public static Optional<RollbackJournal> unfinished(Path dir) {
        return latest(dir).filter(j -> !j.ended());
    }

    private static Optional<RollbackJournal> read(Path f) throws IOException {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        RollbackPlan plan = null;
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            try {
                JsonNode n = Json.mapper().readTree(line);
                if ("plan".equals(n.path("event").asText())) {
                    plan = Json.mapper().treeToValue(n.get("plan"), RollbackPlan.class);
                } else {
                    entries.add(Json.mapper().treeToValue(n, Entry.class));
                }
            } catch (IOException | RuntimeException e) {
                break; // a line torn by a crash ends the journal
            }
        }
        return plan == null ? Optional.empty() : Optional.of(new RollbackJournal(f, plan, entries));
    }

    /** Holds the rollback lock of {@code dir} until closed; a second r58ctl gets a one-line refusal. */
    static AutoCloseable lock(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw R58Exception.failed("another r58ctl rollback is running (" + dir.resolve("lock") + " is locked)");
            }
            FileLock held = lock;
            return () -> {
                held.release();
                ch.close();
            };
        } catch (IOException e) {
            throw DiskFull.failed(dir.resolve("lock"), e, "cannot lock");
        }
    }

    void begin(String step) {
        append(entry("begin", step, null, null), step + ":begin");
    }

    void done(String step, String detail, String value) {
        append(entry("done", step, detail, value), step + ":done");
    }

    void end(String result, String detail) {
        append(entry("end", null, detail, result), null);
    }

    private ObjectNode entry(String event, String step, String detail, String value) {
        Entry e = new Entry(event, step, detail, value, Instant.now().toString());
        entries.add(e);
        return Json.mapper().valueToTree(e);
    }

    private void append(ObjectNode line, String pausePoint) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                // whole or not at all: a torn line would end the journal for every later reader
                AtomicFile.append(ch, (Json.mapper().writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
                ch.force(true);
            }
        } catch (IOException e) {
            throw DiskFull.failed(file, e, "cannot write the rollback journal");
        }
        if (pausePoint != null) {
            written.accept(pausePoint);
        }
    }

    public String id() {
        return plan.id();
    }

    public Path file() {
        return file;
    }

    public RollbackPlan plan() {
        return plan;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public boolean began(String step) {
        return entries.stream().anyMatch(e -> e.event().equals("begin") && step.equals(e.step()));
    }

    public boolean isDone(String step) {
        return entries.stream().anyMatch(e -> e.event().equals("done") && step.equals(e.step()));
    }

    /** The value a done step recorded, or null. */
    public String value(String step) {
        return entries.stream().filter(e -> e.event().equals("done") && step.equals(e.step()))
                .map(Entry::value).findFirst().orElse(null);
    }

    public boolean ended() {
        return entries.stream().anyMatch(e -> e.event().equals("end"));
    }

    /** The end's result ({@code ok}, {@code unhealthy}, {@code undone}), or null while unfinished. */
    public String result() {
        return entries.stream().filter(e -> e.event().equals("end")).map(Entry::value).findFirst().orElse(null);
    }

    /** What was done and what was cut short, one line each, for the operator deciding to finish or undo. */
    public List<String> summary() {
        List<String> out = new ArrayList<>();
        for (String step : plan.steps()) {
            if (isDone(step)) {
                out.add("  done         " + step + ": " + entries.stream().filter(e -> e.event().equals("done")
                        && step.equals(e.step())).map(Entry::detail).findFirst().orElse(""));
            } else if (began(step)) {
                out.add("  interrupted  " + step + " (started, not finished)");
            } else {
                out.add("  not started  " + step);
            }
        }
        return out;
    }
}

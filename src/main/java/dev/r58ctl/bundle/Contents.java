package dev.r58ctl.bundle;

import dev.r58ctl.Logging;
import dev.r58ctl.Json;
import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Config;
import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.kernel.KernelMarks;
import dev.r58ctl.status.StatusReport;
import dev.r58ctl.stability.RunStore;
import dev.r58ctl.stability.StabilityMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts each part of a bundle into the archive. A part that cannot be had (the recorder's file, its checkout, a
 * program) is recorded as missing with the one-line reason and the next part is taken: a bundle is most needed when
 * the board is in a bad way.
 */
final class Contents {
    /** State directories taken as they are, in this order; the log files come last, to hold this run too. */
    static final Map<String, String> STATE_DIRS = orderedMap("kernel", "kernel-log state (incident journal, marks)",
            "stability", "stability results", "checklist", "checklist state and history", "guard",
            "trial and guard records", "rollback", "rollback journals", "remote", "kernel lines kept by --host",
            "service", "the process-managed recorder's log", "patches", "patches");

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private final Config config;
    private final Archive archive;
    private final long maxFileBytes;
    final List<Bundle.Missing> missing = new ArrayList<>();
    final List<Bundle.Excluded> excluded = new ArrayList<>();

    Contents(Config config, Archive archive, long maxFileBytes) {
        this.config = config;
        this.archive = archive;
        this.maxFileBytes = maxFileBytes;
    }

    void configuration() throws IOException {
        archive.add("config/effective.json", Redactor.redact(Json.write(config)),
                "the effective configuration (as config check --json prints it), secret-looking values redacted");
        if (config.file() == null) {
            missing("r58ctl's configuration file", "none found: built-in defaults in effect");
        } else {
            redactedCopy("config/r58ctl-" + config.file().getFileName(), config.file(), "r58ctl's configuration file");
        }
        Path recorder = config.recorder().config();
        if (recorder == null) {
            missing("the recorder's configuration file", "recorder.config is null");
        } else {
            redactedCopy("config/recorder-" + recorder.getFileName(), recorder, "the recorder's own configuration file");
        }
    }

    private void redactedCopy(String name, Path file, String what) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
            if (data.length > maxFileBytes) {
                excluded.add(new Bundle.Excluded(file.toString(), "over the size cap (" + StateFiles.mib(maxFileBytes) + ")"));
                return;
            }
            archive.add(name, Redactor.redact(new String(data, StandardCharsets.UTF_8)),
                    what + " " + file + ", secret-looking values redacted, line for line");
        } catch (IOException e) {
            missing(what, file + ": " + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
    }

    void status(long cpuWindowMillis) throws IOException {
        archive.add("status.json", Json.write(StatusReport.take(config, cpuWindowMillis)),
                "status snapshot, the same JSON as status --json (system, recorder health and cameras, MediaMTX, kernel)");
    }

    void kernel(KernelLog log, String markName, KernelMarks.Mark mark) throws IOException {
        KernelPart part = new KernelPart(log);
        KernelPart.Text now = part.thisBoot(markName, mark);
        String name = mark == null ? "kernel/this-boot.txt" : "kernel/since-mark-" + markName + ".txt";
        archive.add(name, now.text(), "kernel lines of this boot from " + now.source() + ", " + now.note() + " ("
                + now.lines() + " lines; C critical, E error, W warning)");
        KernelPart.Text prev = part.previousBoot();
        if (prev.source() == null) {
            missing("the previous boot's kernel lines", prev.note());
        } else {
            archive.add("kernel/previous-boot.txt", prev.text(), "the previous boot's kernel lines from "
                    + prev.source() + (prev.note() == null ? "" : " (" + prev.note() + ")") + ", " + prev.lines() + " lines");
        }
    }

    void matrix() throws IOException {
        var report = new StabilityMatrix(config).runs(new RunStore(config).all()).build();
        archive.add("stability/matrix.json", Json.write(Map.of("matrix", report)),
                "the encoder stability matrix (as matrix --json prints it), from configured evidence and every run");
    }

    void repository() throws IOException {
        RepoPart.Result r = RepoPart.read(config.recorder().repo(), 50, maxFileBytes);
        archive.add("repo/log.txt", r.log(), "the recorder's checkout " + config.recorder().repo()
                + ": the last 50 commits with r58ctl's marks (full id, time, author, marks, subject)");
        archive.add("repo/status.json", r.status(), "the checkout's branch, HEAD, uncommitted and untracked files");
        archive.add("repo/diff.patch", r.diff(), r.diff().isEmpty() ? "the diff of tracked files: empty, the work tree is clean"
                : "the diff from HEAD to the work tree, tracked files only" + (r.diffCut() ? " (cut at the size cap)" : ""));
    }

    void versions(List<String> program, Path boardModel) throws IOException {
        Versions v = Versions.collect(program, boardModel);
        archive.add("versions.txt", v.text(), "versions: r58ctl, Java, GStreamer, kernel (uname -a), board model");
        v.missing().forEach(m -> missing(m.getKey(), m.getValue()));
    }

    /** Takes {@code <state_dir>/sub}, or {@code r58ctl.log*} when {@code sub} is null; false when there was none. */
    boolean state(String sub) throws IOException {
        StateFiles files = new StateFiles(config.stateDir(), recordingDirs(), maxFileBytes);
        boolean any = false;
        if (sub != null) {
            any = files.collect(sub);
        } else {
            try (var logs = Files.newDirectoryStream(config.stateDir(), Logging.FILE_NAME + "*")) {
                for (Path p : logs) {
                    any |= files.collect(p.getFileName().toString());
                }
            }
        }
        for (StateFiles.Found f : files.found()) {
            archive.add(f.name(), f.data(), Readme.describe(f.name()));
        }
        files.skipped().forEach(s -> excluded.add(new Bundle.Excluded(s.name(), s.why())));
        return any;
    }

    /** Where cameras record: the directory part of each output path before its first strftime field. */
    List<Path> recordingDirs() {
        List<Path> dirs = new ArrayList<>();
        for (Camera c : config.cameras()) {
            if (c.records()) {
                Path p = Path.of(c.outputPath()).toAbsolutePath();
                Path dir = p.getParent();
                for (Path part = p; part != null; part = part.getParent()) {
                    if (part.getFileName() != null && part.getFileName().toString().contains("%")) {
                        dir = part.getParent();
                    }
                }
                dirs.add(dir);
            }
        }
        return dirs;
    }

    void missing(String part, String why) {
        missing.add(new Bundle.Missing(part, why));
    }
}

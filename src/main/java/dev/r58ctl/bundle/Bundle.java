package dev.r58ctl.bundle;

import dev.r58ctl.DiskFull;
import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.kernel.KernelMarks;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An evidence bundle for an incident report: one .tar.gz with the configuration (redacted), a status snapshot, the
 * kernel lines, stability, checklist, trial, guard and rollback records, the checkout's log, status and diff,
 * r58ctl's log, versions, and a README.txt saying what each file is and what is missing. Configured fluently and
 * run once. Guarantees: recordings are never read; the input is checked before anything is written; a part that
 * cannot be had is noted and the rest is still written; the file appears whole (temporary file, fsync, rename).
 */
public final class Bundle {
    /** The largest file taken; above the log's 5 MiB rotation size, below any recording worth the name. */
    public static final long MAX_FILE_BYTES = 8L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(Bundle.class);
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** A part that could not be had, and why. */
    public record Missing(String part, String why) {
    }

    /** A file left out on purpose, and why. */
    public record Excluded(String file, String why) {
    }

    /** The bundle written: its path and size, the files in it (README.txt first), what is missing or left out. */
    public record Result(Path path, long size, List<String> files, List<Missing> missing, List<Excluded> excluded) {
    }

    private final Config config;
    private String sinceMark;
    private Path output;
    private List<String> program = List.of("r58ctl (version unknown)");
    private long maxFileBytes = MAX_FILE_BYTES;
    private Path boardModel = Path.of("/proc/device-tree/model");
    private long cpuWindowMillis = 500;

    public Bundle(Config config) {
        this.config = config;
    }

    /** Kernel lines of this boot after the mark {@code name} only (default: all of this boot). */
    public Bundle sinceMark(String name) {
        this.sinceMark = name;
        return this;
    }

    /** Where to write: a file, or an existing directory for the default name (default: the current directory). */
    public Bundle output(Path fileOrDir) {
        this.output = fileOrDir;
        return this;
    }

    /** r58ctl's own version lines, as {@code --version} prints them. */
    public Bundle program(List<String> versionLines) {
        this.program = List.copyOf(versionLines);
        return this;
    }

    /** The largest file taken from the state directory or configuration. */
    public Bundle maxFileBytes(long bytes) {
        this.maxFileBytes = bytes;
        return this;
    }

    /** Where the board model is read (tests point it at a fixture). */
    public Bundle boardModel(Path file) {
        this.boardModel = file;
        return this;
    }

    /** The name a bundle gets when no file is given. */
    public static String defaultName(String host, LocalDateTime time) {
        return "r58ctl-bundle-" + host + "-" + time.format(NAME_TIME) + ".tar.gz";
    }

    /** Writes the bundle; bad input (unknown mark, missing directory) is refused before anything is written. */
    public Result call() {
        KernelLog log = new KernelLog(config);
        KernelMarks.Mark mark = sinceMark == null ? null : KernelPart.requireMark(log, sinceMark);
        Path target = target();
        try (Archive archive = Archive.create(target)) {
            Contents c = new Contents(config, archive, maxFileBytes);
            collect(c, log, mark);
            LOG.info("bundle {}: {} files, {} missing, {} left out", target, archive.entries().size(), c.missing.size(),
                    c.excluded.size());
            part(c, "r58ctl's log", () -> {
                if (!c.state(null)) {
                    c.missing("r58ctl's log", config.stateDir() + ": no log file yet");
                }
            });
            String header = "r58ctl evidence bundle, made " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on "
                    + host() + "\nstate directory " + config.stateDir() + ", configuration "
                    + (config.file() == null ? "built-in" : config.file());
            List<String> files = new ArrayList<>(List.of("README.txt"));
            files.addAll(archive.entries().keySet());
            archive.add("README.txt", Readme.text(header, archive.entries(), c.missing, c.excluded, maxFileBytes),
                    "this file");
            long size = archive.finish();
            return new Result(target, size, files, List.copyOf(c.missing), List.copyOf(c.excluded));
        } catch (IOException e) {
            throw DiskFull.failed(target, e, "cannot write the bundle");
        } catch (java.io.UncheckedIOException e) {
            throw DiskFull.failed(target, e.getCause(), "cannot write the bundle");
        }
    }

    private void collect(Contents c, KernelLog log, KernelMarks.Mark mark) {
        part(c, "configuration", c::configuration);
        part(c, "status snapshot", () -> c.status(cpuWindowMillis));
        part(c, "kernel lines", () -> c.kernel(log, sinceMark, mark));
        part(c, "stability matrix", c::matrix);
        Contents.STATE_DIRS.forEach((dir, what) -> part(c, what, () -> {
            if (!c.state(dir)) {
                c.missing(what, config.stateDir().resolve(dir) + ": none yet");
            }
        }));
        part(c, "repository", c::repository);
        part(c, "versions", () -> c.versions(program, boardModel));
    }

    private interface Part {
        void run() throws IOException;
    }

    /** Runs one part; whatever stops it is recorded as missing in one line and the bundle goes on. */
    private static void part(Contents c, String what, Part p) {
        long started = System.nanoTime();
        try {
            p.run();
            LOG.info("bundle: {} in {} ms", what, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Archive.WriteFailed w) {
                throw new java.io.UncheckedIOException(w); // the bundle itself cannot be written: it stops
            }
            LOG.warn("bundle: {} not included: {}", what, e.toString());
            c.missing(what, e instanceof R58Exception || e instanceof IOException ? String.valueOf(e.getMessage())
                    : e.toString());
        }
    }

    private Path target() {
        Path out = output == null ? Path.of("") : output;
        if (output == null || Files.isDirectory(out)) {
            out = out.resolve(defaultName(host(), LocalDateTime.now()));
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw R58Exception.badInput("cannot write " + out + ": directory " + dir + " does not exist");
        }
        return out.toAbsolutePath();
    }

    private static String host() {
        String name;
        try {
            name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (IOException e2) {
                name = "unknown";
            }
        }
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "unknown" : safe;
    }
}

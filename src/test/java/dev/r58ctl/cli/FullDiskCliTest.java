package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.r58ctl.testsupport.GitRepos;
import dev.r58ctl.testsupport.Tmpfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SD card full, as on the board: a small tmpfs as the state directory or as the recorder's checkout, filled to
 * the last block. Every write says one line naming the disk and the file (exit 1, no stack trace, the old file
 * whole); a rollback refuses before it changes anything, naming the disk and what takes its space; the log counts
 * what it could not write and prints nothing, in a child JVM started as the launcher starts r58ctl.
 */
class FullDiskCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Tmpfs disk;
    RepoFixture f;

    @AfterEach
    void tearDown() {
        if (f != null) {
            f.stopService();
        }
        if (disk != null) {
            disk.close();
        }
    }

    /** The state directory on a 2 MiB tmpfs, with a recording of a camera there and an Oops in the kernel log. */
    private Path stateOnTmpfs() throws IOException {
        disk = Tmpfs.mount(tmp.resolve("state"), "2m");
        Path recordings = disk.dir().resolve("recordings/cam0");
        Files.createDirectories(recordings);
        Files.write(recordings.resolve("cam0_20251219_145301.mkv"), new byte[256 << 10]);
        f = new RepoFixture(tmp, tail(recordings));
        return disk.dir();
    }

    /** A kernel log file with an Oops (journaled by every reader) and a camera recording to {@code recordings}. */
    private String tail(Path recordings) throws IOException {
        Path kern = Files.writeString(tmp.resolve("kern.log"), "[    1.000000] Booting Linux\n"
                + "[   12.000000] Internal error: Oops: 96000005 [#1] SMP\n");
        return "kernel_log:\n  source: file:" + kern + "\n  previous_boot: file:" + tmp.resolve("none.log") + "\n"
                + "cameras:\n  cam0: {resolution: 640x360, bitrate: 1000, codec: h264, transport: none, output_path: \""
                + recordings.resolve("cam0_%Y%m%d_%H%M%S.mkv") + "\"}\n";
    }

    /** Exit 1 and exactly {@code r58ctl: LINE} on stderr, and no trace of a stack anywhere. */
    private static void assertOneLine(CliRun r, String line) {
        assertEquals(1, r.exit(), r.toString());
        assertEquals("r58ctl: " + line + "\n", r.err(), r.toString());
        assertNoStackTrace(r);
    }

    private static void assertNoStackTrace(CliRun r) {
        String all = r.out() + r.err();
        assertFalse(all.contains("\tat ") || all.contains("Exception") || all.contains("ErrorManager"), r.toString());
    }

    /** No temporary file of an atomic write is left to take the space a full disk has not got. */
    private static void assertNoTemporaryFiles(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> left = all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), left);
        }
    }

    @Test
    void stateWritesOnAFullDiskSayOneLineAndKeepTheOldFiles() throws Exception {
        Path state = stateOnTmpfs();
        assertEquals(0, f.run("kmsg", "mark", "before").exit());
        Path marks = state.resolve("kernel/marks.json");
        byte[] before = Files.readAllBytes(marks);
        disk.fill();

        assertOneLine(f.run("kmsg", "mark", "after"), "no space left on tmpfs on " + state + " (" + marks + ")");
        assertArrayEquals(before, Files.readAllBytes(marks), "the old marks are whole");

        Path trial = state.resolve("guard/trial.json");
        assertOneLine(f.run("trial", "arm"), "no space left on tmpfs on " + state + " (" + trial + ")");
        assertFalse(Files.exists(trial), "no trial is half armed");

        CliRun bundle = f.run("bundle", "-o", state.toString());
        assertEquals(1, bundle.exit(), bundle.toString());
        assertTrue(bundle.err().startsWith("r58ctl: no space left on tmpfs on " + state + " (" + state
                + "/r58ctl-bundle-") && bundle.err().endsWith(".tar.gz)\n") && bundle.err().lines().count() == 1,
                bundle.toString());
        assertNoStackTrace(bundle);
        try (Stream<Path> bundles = Files.list(state)) {
            assertEquals(List.of(), bundles.filter(p -> p.getFileName().toString().contains("bundle")).toList());
        }
        assertNoTemporaryFiles(state);

        disk.free();
        CliRun again = f.run("kmsg", "mark", "after");
        assertEquals(0, again.exit(), "with room again it works: " + again);
    }

    @Test
    void rollbackOnAFullStateDiskRefusesBeforeChangingAnything() throws Exception {
        Path state = stateOnTmpfs();
        f.scenario.dirty();
        Checkout before = new Checkout(f.repo());
        disk.fill();

        CliRun r = f.run("rollback", "--last-good", "--yes");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().matches("r58ctl: no space for the rollback on tmpfs on " + state + ": \\d+ bytes free, "
                + "1\\.\\d MiB needed \\(the rollback journal in " + state + "/rollback\\); free space on " + state
                + " first: the recordings under " + state + "/recordings/cam0 use 256 KiB \\(r58ctl never deletes "
                + "recordings\\); nothing was changed\n"), r.err());
        assertNoStackTrace(r);
        assertEquals(before, new Checkout(f.repo()), "HEAD, index, work tree and refs as they were");
        assertFalse(Files.exists(state.resolve("rollback")) && Files.list(state.resolve("rollback"))
                .anyMatch(p -> p.toString().endsWith(".jsonl")), "no journal: nothing was started");
        assertEquals(1, f.run("service", "status").exit(), "the service was not touched (never started here)");
        assertTrue(Files.exists(state.resolve("recordings/cam0/cam0_20251219_145301.mkv")), "recordings stay");
    }

    @Test
    void rollbackAndPatchOnAFullCheckoutDiskRefuseBeforeChangingAnything() throws Exception {
        disk = Tmpfs.mount(tmp.resolve("repo"), "48m");
        Path repo = disk.dir();
        f = new RepoFixture(tmp, tail(repo.resolve("recordings/cam0")));
        GitRepos.write(repo, "lib/mod03/file0003.py", "# a change to apply\n");
        Path patch = Files.writeString(tmp.resolve("change.patch"), GitRepos.git(repo, "diff"));
        GitRepos.git(repo, "checkout", "--", "lib/mod03/file0003.py");
        f.scenario.dirty(); // with a recording among the ignored files of the checkout
        Checkout before = new Checkout(repo);
        disk.fill();

        CliRun applied = f.run("patch", "apply", patch.toString());
        assertEquals(1, applied.exit(), applied.toString());
        // its objects go first, into .git: that is where the full disk is met
        assertOneLine(applied, "no space left on tmpfs on " + repo + " (" + repo + "/.git); nothing was changed");
        assertNoStackTrace(applied);

        CliRun r = f.run("rollback", "--last-good", "--yes");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().matches("r58ctl: no space for the rollback on tmpfs on " + repo + ": \\d+ (bytes|KiB) free, "
                + "[0-9.]+ MiB needed \\(the backup in " + repo + "/.git and the files the reset writes in " + repo
                + "\\); free space on " + repo + " first: the recordings under " + repo + "/recordings/cam0 use 31 "
                + "bytes \\(r58ctl never deletes recordings\\); nothing was changed\n"), r.err());
        assertNoStackTrace(r);
        assertFalse(Files.exists(tmp.resolve("state/rollback")) && Files.list(tmp.resolve("state/rollback"))
                .anyMatch(p -> p.toString().endsWith(".jsonl")), "no journal: nothing was started");
        disk.free(); // git status itself needs a block for its index.lock
        assertEquals(before, new Checkout(repo), "HEAD, index, work tree and refs as they were");

        CliRun done = f.run("rollback", "--last-good", "--yes", "--no-restart");
        assertEquals(0, done.exit(), "with room again it goes ahead: " + done);
        assertEquals(f.scenario.good, GitRepos.head(repo));
    }

    @Test
    void aLogThatCannotBeWrittenPrintsNothingAndIsCounted() throws Exception {
        Path state = stateOnTmpfs();
        Path cfg = f.config;
        Path child = tmp.resolve("child"); // its stdout and stderr files, off the full disk
        assertEquals(0, ChildR58ctl.run(child, "--config", cfg.toString(), "kmsg", "mark", "before").exit());
        disk.fill();

        CliRun mark = ChildR58ctl.run(child, "--config", cfg.toString(), "kmsg", "mark", "after");
        assertOneLine(mark, "no space left on tmpfs on " + state + " (" + state.resolve("kernel/marks.json") + ")");
        assertEquals("", mark.out());

        // the dashboard's engine, as a remote dashboard runs it, reading the kernel log and quitting at stdin's end
        CliRun engine = ChildR58ctl.run(child, "--config", cfg.toString(), "engine", "serve", "--stdio");
        assertEquals("", engine.err(), "nothing on the terminal: " + engine);

        CliRun status = ChildR58ctl.run(child, "--config", cfg.toString(), "status", "--json", "--cpu-window", "0",
                "--no-agent"); // measured here: no "agent is not running" line on stderr
        assertEquals(0, status.exit(), status.toString());
        assertEquals("", status.err(), status.toString());
        JsonNode doc = JSON.readTree(status.out());
        assertTrue(doc.get("log_write_failures").asLong() >= 1, status.out());
        assertEquals("no space left on tmpfs on " + state + " (" + state.resolve("r58ctl.log") + ")",
                doc.get("log_write_error").asText());
        CliRun text = ChildR58ctl.run(child, "--config", cfg.toString(), "status", "--cpu-window", "0",
                "--no-agent");
        assertEquals("", text.err(), text.toString());
        assertTrue(text.out().contains("\nlog         "), text.out());
        assertTrue(text.out().contains(" record(s) could not be written and were dropped: no space left on tmpfs on "
                + state + " (" + state.resolve("r58ctl.log") + ")\n"), text.out());
    }

    /** What a rollback must leave alone: HEAD, every ref, the index and work tree as git sees them, every file. */
    private record Checkout(String head, String refs, String git, String files) {
        Checkout(Path repo) {
            this(GitRepos.head(repo), GitRepos.git(repo, "for-each-ref"), GitRepos.gitState(repo),
                    GitRepos.hashTree(repo));
        }
    }
}

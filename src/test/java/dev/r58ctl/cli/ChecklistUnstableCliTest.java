package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.r58ctl.testsupport.GitRepos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UNSTABLE branch: the seed's Oops written to the kernel log while the soak runs stops it, the matrix says
 * UNSTABLE, the tests left are passed over, and the unstable branch documents the failure in the fix log, confirms
 * the current encoder is kept and shows the capacity limit; the migration stays refused by its gate.
 */
class ChecklistUnstableCliTest {
    @TempDir
    Path tmp;
    ChecklistFixture f;

    @AfterEach
    void tearDown() {
        if (f != null) {
            f.stopService();
        }
    }

    @Test
    void anOopsMidTestTakesTheUnstableBranch() throws Exception {
        f = new ChecklistFixture(tmp).configure(null, "  durations: {encode: 2s, soak: 60s}\n");
        for (String id : List.of("test-encode", "verify-output", "kernel-clean")) {
            CliRun r = f.run("checklist", "next");
            assertEquals(0, r.exit(), id + ": " + r);
        }
        CompletableFuture<Void> oops = CompletableFuture.runAsync(this::oopsOnceTheSoakRuns);
        CliRun soak = f.run("checklist", "next");
        oops.join();
        assertEquals(1, soak.exit(), soak.toString());
        assertTrue(soak.out().contains("\nfailed: test-soak\n"), soak.out());
        assertTrue(soak.out().contains("soak UNSTABLE: 1 kernel incident during the run"), soak.out());

        JsonNode show = f.show();
        assertEquals("unstable", show.get("decision").get("branch").asText());
        assertEquals("UNSTABLE", show.get("decision").get("status").asText());
        assertEquals("fix-log", show.get("steps").get(show.get("current").asInt()).get("id").asText());
        assertFalse(ChecklistFixture.step(show, "cpu-report").get("on_way").asBoolean(), "passed over");
        assertFalse(ChecklistFixture.step(show, "patch-apply").get("on_way").asBoolean());

        CliRun log = f.run("checklist", "next");
        assertEquals(0, log.exit(), log.toString());
        assertTrue(log.out().contains("entry for 2 run(s) added to " + f.repo.resolve("docs/fix-log.md")), log.out());
        String fixLog = Files.readString(f.repo.resolve("docs/fix-log.md"));
        assertTrue(fixLog.contains("Internal error: Oops: 0000000096000005 [#29] SMP"), fixLog);
        CliRun keep = f.run("checklist", "next");
        assertEquals(0, keep.exit(), keep.toString());
        assertTrue(keep.out().contains("is not the migration; x264enc stays"), keep.out());
        CliRun cap = f.run("checklist", "next");
        assertEquals(0, cap.exit(), cap.toString());
        assertTrue(cap.out().contains("x264enc: 4 x 40% = 160% > 80%: does not fit (2 do); limit the recorder to 2 "
                + "camera(s)"), cap.out());
        CliRun manual = f.run("checklist", "next");
        assertTrue(manual.out().startsWith("next: research-mpp (manual): Research RK3588 MPP driver issues\n"),
                manual.out());
        assertEquals(f.good, GitRepos.head(f.repo), "nothing migrated");

        CliRun text = f.run("checklist");
        assertTrue(text.out().contains("branch:    unstable (x265enc key-int-max=30 speed-preset=ultrafast "
                + "tune=zerolatency is UNSTABLE: soak "), text.out());
        assertTrue(text.out().contains("  failed      test-soak "), text.out());
    }

    /** Appends the seed's Oops to the kernel log once the soak's run file exists (RUNNING, the mark taken). */
    private void oopsOnceTheSoakRuns() {
        Path runs = f.state.resolve("stability/runs");
        try {
            for (int i = 0; i < 1200 && !soakStarted(runs); i++) {
                Thread.sleep(100);
            }
            // the run file is written after the test's kernel mark, so this line comes after the mark
            Files.writeString(f.kernel, ChecklistFixture.OOPS + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean soakStarted(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (DirectoryStream<Path> d = Files.newDirectoryStream(runs, "*-soak-*.json")) {
            return d.iterator().hasNext();
        }
    }
}

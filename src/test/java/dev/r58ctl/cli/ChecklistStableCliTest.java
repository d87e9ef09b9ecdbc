package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.r58ctl.testsupport.FakeHttp;
import dev.r58ctl.testsupport.GitRepos;
import dev.r58ctl.testsupport.RtspTestServer;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The STABLE branch walked end to end through the command line: x265enc standing in for the hardware encoder passes
 * the three tests (the push read back from a real RTSP server), the matrix says STABLE, and the migration is applied,
 * committed, put on trial, deployed to the stand-in service, two cameras then four enabled, watched, monitored and
 * committed as known-good; every step with its evidence.
 */
class ChecklistStableCliTest {
    @TempDir
    java.nio.file.Path tmp;
    ChecklistFixture f;

    @AfterEach
    void tearDown() {
        if (f != null) {
            f.stopService();
        }
    }

    @Test
    void theStableBranchEndToEnd() throws Exception {
        try (RtspTestServer server = RtspTestServer.start(tmp.resolve("rtsp"))) {
            f = new ChecklistFixture(tmp).configure("{rtsp_port: " + server.port() + ", read_url: \""
                    + server.readUrlTemplate() + "\", api_url: \"" + FakeHttp.refusedUrl("") + "\"}",
                    "  durations: {encode: 2s, soak: 3s, push: 5s, watch: 2s, monitor: 2s}\n");
            for (String id : List.of("test-encode", "verify-output", "kernel-clean", "test-soak", "cpu-report",
                    "test-push")) {
                CliRun r = f.run("checklist", "next");
                assertEquals(0, r.exit(), id + ": " + r + server.log());
                assertTrue(r.out().startsWith("step " + id + ": "), r.out());
                assertTrue(r.out().contains("\ndone: " + id + "\n"), r.out());
            }
            CliRun manual = f.run("checklist", "next");
            assertEquals(0, manual.exit(), manual.toString());
            assertTrue(manual.out().startsWith("next: verify-stream (manual): Verify stream in browser\n  open "
                    + "http://127.0.0.1:8888/r58ctl_test/ in a browser"), manual.out());
            CliRun refused = f.run("checklist", "done", "system-stable", "--note", "looked fine");
            assertEquals(1, refused.exit());
            assertEquals("r58ctl: system-stable is a check r58ctl performs itself: `r58ctl checklist next` runs it "
                    + "(done confirms manual steps only)\n", refused.err());
            assertEquals(0, f.run("checklist", "done", "verify-stream", "--note", "picture moves in Chromium").exit());
            CliRun stable = f.run("checklist", "next");
            assertEquals(0, stable.exit(), stable.toString());
            assertTrue(stable.out().contains("matrix STABLE for x265enc key-int-max=30"), stable.out());

            CliRun unconfirmed = f.run("checklist", "next");
            assertEquals(1, unconfirmed.exit());
            assertEquals("r58ctl: not confirmed: patch-apply changes the board; add --yes to go ahead without a "
                    + "question (nothing changed)\n", unconfirmed.err());
            for (String id : List.of("patch-apply", "patch-commit", "trial-arm", "cameras-first", "deploy", "watch",
                    "cameras-rest", "monitor")) {
                CliRun r = f.run("checklist", "next", "--yes");
                assertEquals(0, r.exit(), id + ": " + r);
                assertTrue(r.out().contains("\ndone: " + id + "\n"), r.out());
            }
            assertEquals("the checklist is complete (`r58ctl checklist reset --yes` starts a new walk)\n",
                    f.run("checklist", "next").out());

            JsonNode show = f.show();
            assertEquals("stable", show.get("decision").get("branch").asText());
            assertEquals(-1, show.get("current").asInt());
            assertEquals(show.get("total").asInt(), show.get("done").asInt());
            assertEquals(16, show.get("total").asInt());
            JsonNode enc = ChecklistFixture.step(show, "test-encode").get("record");
            assertTrue(Files.exists(f.state.resolve("stability/runs/" + enc.get("run_id").asText() + ".json")));
            assertTrue(Files.readString(f.state.resolve("kernel/marks.json")).contains("\"" + enc.get("mark").asText()
                    + "\""), "the encode test's kernel mark is the evidence");
            assertFalse(enc.get("forced").asBoolean());
            String user = System.getenv("SUDO_USER") != null ? System.getenv("SUDO_USER")
                    : System.getenv().getOrDefault("USER", System.getProperty("user.name"));
            assertEquals(user, enc.get("who").asText());
            assertEquals("picture moves in Chromium",
                    ChecklistFixture.step(show, "verify-stream").get("record").get("note").asText());
            JsonNode deploy = ChecklistFixture.step(show, "deploy").get("record");
            assertTrue(deploy.get("health").asText().endsWith("/health: HTTP 200, status \"healthy\""),
                    deploy.toString());
            String head = GitRepos.head(f.repo);
            assertEquals(head, ChecklistFixture.step(show, "patch-commit").get("record").get("commit").asText());
            assertEquals("Migrate to H.265 hardware encoding",
                    GitRepos.git(f.repo, "log", "-1", "--format=%s").strip());
            assertEquals("src/pipelines.py", GitRepos.git(f.repo, "show", "--name-only", "--format=", "HEAD").strip());
            assertEquals("", GitRepos.git(f.repo, "status", "--porcelain").strip());
            assertTrue(GitRepos.git(f.repo, "tag", "--points-at", "HEAD").contains("r58ctl/good/"), "trial committed");
            assertFalse(Files.exists(f.state.resolve("guard/trial.json")), "trial disarmed");
            assertTrue(ChecklistFixture.step(show, "monitor").get("record").get("detail").asText()
                    .contains("trial committed: " + head.substring(0, 7)));
            String cams = Files.readString(f.cameras);
            assertEquals(4, cams.split("enabled: true   # set by r58ctl checklist", -1).length - 1, cams);
            assertTrue(ChecklistFixture.step(show, "cameras-first").get("record").get("detail").asText()
                    .startsWith("cam0, cam1 enabled in "), "cam2 and cam3 were off already: left alone");

            CliRun text = f.run("checklist");
            assertTrue(text.out().contains("progress:  16 of 16 done; complete"), text.out());
            assertTrue(text.out().contains("unstable: UNSTABLE (kernel panics): keep the current encoder  (not on the "
                    + "way)"), text.out());
            CliRun reset = f.run("checklist", "reset", "--yes");
            assertTrue(reset.out().startsWith("reset: the walk is kept in " + f.state.resolve("checklist/history")),
                    reset.out());
            assertEquals(0, f.show().get("done").asInt());
        }
    }
}

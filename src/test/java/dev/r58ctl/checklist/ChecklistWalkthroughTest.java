package dev.r58ctl.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.testsupport.GitRepos;
import dev.r58ctl.testsupport.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process API the dashboard uses (snapshots, next step with a listener, manual steps); the camera edit. */
class ChecklistWalkthroughTest {
    @TempDir
    Path tmp;

    @Test
    void snapshotsFollowTheWalkAndTheListenerHearsTheStep() throws Exception {
        Path repo = GitRepos.cloneTo(tmp.resolve("repo"));
        Path list = Files.writeString(tmp.resolve("list.yml"), "steps:\n"
                + "  - {id: keep, title: Keep x264enc, kind: check, branch: tests, operation: keep-config}\n"
                + "  - {id: look, title: Look, kind: manual, branch: tests}\n");
        Config c = TestConfigs.load(tmp, "platform: generic\nstate_dir: " + tmp.resolve("state") + "\n"
                + "recorder: {config: null, repo: " + repo + "}\ncameras: {}\nchecklist: {file: " + list + "}\n");
        Walkthrough w = new Walkthrough(c);
        Snapshot s = w.snapshot();
        assertEquals(List.of(0, 0, 2), List.of(s.current(), s.done(), s.total()));
        assertEquals("keep", s.next().id());
        assertEquals(null, s.runId());

        List<String> heard = new ArrayList<>();
        StepRecord r = w.next("keep", false, "test", new StepListener() {
            @Override
            public void started(String stepId, String title) {
                heard.add("started " + stepId);
            }

            @Override
            public void finished(StepRecord record) {
                heard.add("finished " + record.state());
            }
        });
        assertEquals(List.of("started keep", "finished done"), heard);
        assertTrue(r.detail().startsWith("kept: HEAD " + GitRepos.head(repo).substring(0, 7)), r.detail());
        assertEquals(GitRepos.head(repo), r.commit());
        s = w.snapshot();
        assertEquals(List.of(1, 1, 2), List.of(s.current(), s.done(), s.total()));
        R58Exception moved = assertThrows(R58Exception.class, () -> w.next("keep", false, "test", null));
        assertEquals("the next step is now look, not keep (another r58ctl moved on); nothing changed",
                moved.getMessage());
        R58Exception manual = assertThrows(R58Exception.class, () -> w.next(null, false, "test", null));
        assertEquals("look is done by the operator: confirm it with `r58ctl checklist done look --note TEXT`",
                manual.getMessage());
        w.done("look", "seen", "test");
        s = w.snapshot();
        assertEquals(List.of(-1, 2, 2), List.of(s.current(), s.done(), s.total()));
        assertTrue(Files.exists(w.store().currentFile()));
        assertTrue(w.reset("test").startsWith(w.store().historyDir()));
        assertEquals(0, w.snapshot().done());
    }

    @Test
    void camerasAreSwitchedByTheirEnabledLineAndNothingElse() {
        String yaml = "# the recorder's file\nserver: {port: 8000}\ncameras:\n  cam0:\n    device: /dev/video0\n"
                + "    enabled: false  # HDMI N0\n  cam1:\n    enabled: true\n    nested:\n      enabled: true\n"
                + "other:\n  cam2:\n    enabled: false\n";
        String out = CameraSwitch.edit(Path.of("rec.yml"), yaml, Map.of("cam0", true, "cam1", false));
        assertEquals(yaml.replace("enabled: false  # HDMI N0", "enabled: true  # HDMI N0")
                .replace("  cam1:\n    enabled: true", "  cam1:\n    enabled: false"), out);
        R58Exception outside = assertThrows(R58Exception.class,
                () -> CameraSwitch.edit(Path.of("rec.yml"), yaml, Map.of("cam2", true)));
        assertEquals("rec.yml: camera cam2 has no `enabled: true|false` line under cameras: (block style) for r58ctl "
                + "to set; nothing was changed", outside.getMessage());
        assertThrows(R58Exception.class, () -> CameraSwitch.edit(Path.of("rec.yml"),
                "cameras: {cam0: {enabled: false}}\n", Map.of("cam0", true)));
        assertEquals("cameras:\r\n  cam0:\r\n    enabled: true\r\n", CameraSwitch.edit(Path.of("rec.yml"),
                "cameras:\r\n  cam0:\r\n    enabled: false\r\n", Map.of("cam0", true)));
    }
}

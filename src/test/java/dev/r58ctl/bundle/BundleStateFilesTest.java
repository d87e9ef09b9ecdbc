package dev.r58ctl.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which state files a bundle takes: never a recording directory, a link, a media file or one over the cap. */
class BundleStateFilesTest {
    @TempDir
    Path tmp;

    @Test
    void recordingsLinksMediaTemporaryAndLargeFilesAreLeftOutWithTheReason() throws Exception {
        Path state = tmp.resolve("state");
        Path recordings = Files.createDirectories(state.resolve("guard/recordings"));
        Files.writeString(recordings.resolve("notes.txt"), "inside a recording directory");
        Path elsewhere = Files.createDirectories(tmp.resolve("mnt/recordings"));
        Files.writeString(elsewhere.resolve("cam0.txt"), "outside the state directory");
        Files.createSymbolicLink(state.resolve("guard/linked"), elsewhere);
        Files.writeString(state.resolve("guard/trial.json"), "{}");
        Files.writeString(state.resolve("guard/cam0.MP4"), "video");
        Files.writeString(state.resolve("guard/.trial.json.tmp"), "half written");
        Files.writeString(state.resolve("guard/big.log"), "x".repeat(2000));

        StateFiles files = new StateFiles(state, List.of(recordings), 1000);
        assertTrue(files.collect("guard"));
        assertFalse(files.collect("checklist"));
        assertEquals(List.of("state/guard/trial.json"), files.found().stream().map(StateFiles.Found::name).toList());
        Map<String, String> why = files.skipped().stream()
                .collect(Collectors.toMap(StateFiles.Skipped::name, StateFiles.Skipped::why));
        assertEquals(Map.of(
                "state/guard/recordings/", "a recording directory: never read",
                "state/guard/linked", "a link: not followed",
                "state/guard/cam0.MP4", "a media or archive file (.mp4): never included",
                "state/guard/.trial.json.tmp", "a temporary file being written (perhaps this bundle)",
                "state/guard/big.log", "over the size cap (2000 bytes > 1000 bytes)"), why);
    }
}

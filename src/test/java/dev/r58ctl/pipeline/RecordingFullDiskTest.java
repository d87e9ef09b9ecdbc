package dev.r58ctl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Config;
import dev.r58ctl.testsupport.TestConfigs;
import dev.r58ctl.testsupport.Tmpfs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording disk that fills up under a running camera: its error is the one line naming the disk and the file. */
class RecordingFullDiskTest {
    @TempDir
    Path dir;
    Tmpfs disk;

    @AfterEach
    void tearDown() {
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void aRecordingThatFillsItsDiskFailsInOneLineNamingIt() throws Exception {
        disk = Tmpfs.mount(dir.resolve("rec"), "1m");
        Config c = TestConfigs.generic(dir, "  cam0: {resolution: 640x360, bitrate: 8000, codec: h264, transport: none, "
                + "output_path: \"" + disk.dir().resolve("cam0_%Y%m%d_%H%M%S.mkv") + "\"}\n");
        Camera cam = c.requireCamera("cam0");
        Path out = disk.dir().resolve("cam0.mkv");
        CameraRunner runner = new CameraRunner(new PipelinePlanner(c).plan(cam, List.of(Output.file(out.toString()))),
                cam.framerate());
        runner.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (runner.state() != CameraRunner.State.FAILED && System.nanoTime() < deadline) {
                Thread.sleep(50); // polled: the disk fills in a second or two at 8 Mbit/s
            }
            assertEquals(CameraRunner.State.FAILED, runner.state(), runner.events().toString());
        } finally {
            runner.stop(Duration.ofSeconds(5));
        }
        String line = "no space left on tmpfs on " + disk.dir() + " (" + out + ")";
        assertTrue(runner.errors().stream().anyMatch(e -> e.message().equals(line)), runner.errors().toString());
    }
}

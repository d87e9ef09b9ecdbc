package dev.r58ctl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Codec;
import dev.r58ctl.config.Config;
import dev.r58ctl.testsupport.Await;
import dev.r58ctl.testsupport.NginxRtmp;
import dev.r58ctl.testsupport.MovBoxes;
import dev.r58ctl.testsupport.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real pipelines at 640x360@30, which this 2-core machine keeps in real time: encode with x264enc and x265enc,
 * write files and read them back, push RTMP and RTP to receivers on loopback.
 */
class CameraRunnerTest {
    private static final long FRAMES = 90;
    private static final Duration STOP = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private Config config(String codec, String extra) {
        return TestConfigs.generic(dir, "  cam0: {resolution: 640x360, bitrate: 1000, codec: " + codec
                + ", transport: none, output_path: \"" + dir.resolve("rec/cam0_%Y%m%d_%H%M%S.mkv") + "\"" + extra + "}\n");
    }

    /**
     * Runs a camera to the given outputs until it has encoded {@link #FRAMES} frames (three seconds at 30 fps) and
     * {@code more} holds, then stops it with EOS and returns its totals. Frames, not seconds: a live source on a
     * loaded machine drops frames, so a wall-clock count says more about the machine than about the pipeline.
     */
    private static CameraStats run(Config c, List<Output> outputs, BooleanSupplier more) {
        Camera cam = c.requireCamera("cam0");
        CameraRunner runner = new CameraRunner(new PipelinePlanner(c).plan(cam, outputs), cam.framerate());
        runner.start();
        try {
            Await.until(FRAMES + " frames encoded", Duration.ofSeconds(60),
                    () -> runner.totals().framesOut() >= FRAMES && more.getAsBoolean()
                            || runner.state() != CameraRunner.State.RUNNING, () -> runner.totals().toString());
            assertEquals(CameraRunner.State.RUNNING, runner.state(), runner.events().toString());
        } finally {
            runner.stop(STOP);
        }
        assertTrue(runner.errors().isEmpty(), runner.errors().toString());
        return runner.totals();
    }

    private void recordsAndReadsBack(String codec, String file) throws Exception {
        Config c = config(codec, "");
        Path out = dir.resolve(file);
        CameraStats t = run(c, List.of(Output.file(out.toString())), () -> true);
        MediaProbe.Result r = MediaProbe.file(out, Duration.ofSeconds(20));
        assertEquals(null, r.error());
        assertTrue(r.isCodec(Codec.valueOf(codec.toUpperCase())), "read back " + r.mediaType());
        assertTrue(r.frames() >= FRAMES, "frames in file " + r.frames() + ", encoded at least " + FRAMES);
        assertEquals(t.framesOut(), r.frames(), "every encoded frame is in the file");
        assertTrue(t.bytesOut() > 0 && t.bitrateKbps() > 100, "bitrate " + t.bitrateKbps());
    }

    @Test
    void x264ToMatroska() throws Exception {
        recordsAndReadsBack("h264", "x264.mkv");
    }

    @Test
    void x264ToMp4() throws Exception {
        recordsAndReadsBack("h264", "x264.mp4");
    }

    @Test
    void x264ToQuickTimeStoppedWithEosIsWholeAndFinalised() throws Exception {
        recordsAndReadsBack("h264", "x264.mov");
        Path out = dir.resolve("x264.mov");
        assertEquals(1, MovBoxes.count(out, "moov"), "one moov with every sample");
        assertEquals(0, MovBoxes.count(out, "moof"), "the fragments were finalised into a plain QuickTime file");
    }

    @Test
    void x265ToMatroska() throws Exception {
        recordsAndReadsBack("h265", "x265.mkv");
    }

    @Test
    void statisticsCountFramesAndTheCameraThreadsCpu() throws Exception {
        Config c = config("h264", "");
        Camera cam = c.requireCamera("cam0");
        CameraRunner runner = new CameraRunner(new PipelinePlanner(c).plan(cam, List.of(Output.discard())), 30);
        runner.start();
        try {
            Thread.sleep(1000);
            runner.stats();
            Thread.sleep(2000);
            CameraStats s = runner.stats();
            assertTrue(s.fps() > 25 && s.fps() < 35, "fps " + s.fps());
            assertTrue(s.cpuPercent() > 0, "the cam0_ threads used no CPU: " + s.cpuPercent());
            assertTrue(s.framesIn() >= s.framesOut(), s.toString());
            assertTrue(s.behind() < 10, "a 640x360 test source keeps real time: " + s);
        } finally {
            runner.stop(STOP);
        }
        assertEquals(CameraRunner.State.STOPPED, runner.state());
    }

    @Test
    void restartStartsCountingAgain() throws Exception {
        Config c = config("h264", "");
        Camera cam = c.requireCamera("cam0");
        CameraRunner runner = new CameraRunner(new PipelinePlanner(c).plan(cam, List.of(Output.discard())), 30);
        runner.start();
        Thread.sleep(1500);
        runner.restart(STOP);
        Thread.sleep(500);
        CameraStats s = runner.stats();
        runner.stop(STOP);
        assertTrue(s.framesOut() < 40, "counters restart with the pipeline: " + s.framesOut());
        assertTrue(s.framesOut() > 0);
    }

    @Test
    void aMissingDeviceFailsWithTheElementName() {
        Config c = TestConfigs.generic(dir, "  cam0: {source: v4l2, device: /dev/video99, resolution: 640x360, "
                + "codec: h264, transport: none}\n");
        Camera cam = c.requireCamera("cam0");
        CameraRunner runner = new CameraRunner(new PipelinePlanner(c).plan(cam, List.of(Output.discard())), 30);
        R58Exception e = assertThrows(R58Exception.class, runner::start);
        assertTrue(e.getMessage().startsWith("cam0: cam0_src: "), e.getMessage());
        assertEquals(CameraRunner.State.FAILED, runner.state());
        assertEquals(1, e.exitCode());
    }

    @Test
    void rtpReachesAReceiverOnLoopback() throws Exception {
        int port = NginxRtmp.freePort();
        Config c = config("h265", "");
        CompletableFuture<MediaProbe.Result> read = CompletableFuture.supplyAsync(
                () -> MediaProbe.stream("udp://" + port, Codec.H265, Duration.ofSeconds(60), 30));
        Path file = dir.resolve("tee.mkv");
        // sends until the receiver has its 30 frames: one that bound late picks up at the next keyframe
        run(c, List.of(Output.file(file.toString()), Output.rtp("127.0.0.1", port)), read::isDone);
        MediaProbe.Result r = read.get();
        assertTrue(r.frames() >= 30, "RTP frames received: " + r);
        assertEquals("video/x-h265", r.mediaType());
        assertTrue(MediaProbe.file(file, Duration.ofSeconds(20)).frames() >= FRAMES,
                "the tee'd recording has frames too");
    }

    @Test
    void rtmpReachesNginxAndReadsBack() throws Exception {
        try (NginxRtmp server = NginxRtmp.start(dir.resolve("nginx"))) {
            Config c = config("h264", "");
            String url = server.url("cam0");
            Camera cam = c.requireCamera("cam0");
            CameraRunner runner = new CameraRunner(new PipelinePlanner(c).plan(cam, List.of(Output.rtmp(url))), 30);
            runner.start();
            try {
                Thread.sleep(1000);
                MediaProbe.Result r = MediaProbe.stream(url, Codec.H264, Duration.ofSeconds(10), 30);
                assertTrue(r.frames() >= 30, "RTMP frames read back: " + r + "\n" + server.log());
                assertEquals("video/x-h264", r.mediaType());
            } finally {
                runner.stop(STOP);
            }
            assertTrue(runner.errors().isEmpty(), runner.errors().toString());
        }
    }

    @Test
    void h265CannotBePlannedOntoRtmp() {
        Config c = config("h265", "");
        Camera cam = c.requireCamera("cam0");
        assertThrows(IllegalArgumentException.class,
                () -> new PipelinePlanner(c).plan(cam, List.of(Output.rtmp("rtmp://127.0.0.1/live/x"))).description());
    }

    @Test
    void aRecordingThatExistsFailsPreflight() throws Exception {
        Config c = config("h264", "");
        Camera cam = c.requireCamera("cam0");
        var now = java.time.ZonedDateTime.now();
        Path target = Path.of(new PipelinePlanner(c).outputs(cam, now).get(0).target());
        Files.createDirectories(target.getParent());
        Files.writeString(target, "an earlier recording");
        List<PreflightCheck> checks = new Preflight(c).check(cam, now);
        assertTrue(checks.stream().anyMatch(k -> k.status() == PreflightCheck.Status.FAIL
                && k.detail().contains("never overwrites")), checks.toString());
        assertEquals("an earlier recording", Files.readString(target));
    }
}

package dev.r58ctl.stability;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Codec;
import dev.r58ctl.pipeline.CameraRunner;
import dev.r58ctl.pipeline.CameraStats;
import dev.r58ctl.pipeline.MediaProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The pass criteria of the plan's tests, each as a {@link Criterion} that says what was found: the pipeline ran its
 * whole wall-clock time without error; the file exists and reads back with the right codec and enough frames; a
 * soak ran at real time, not faster; a push was read back; the kernel stayed quiet.
 */
final class Verification {
    private final TestPlan plan;
    private final Codec codec;
    private final int minPercent;
    /** The file as read back by {@link #checks}, so that a 5-minute soak's file is read once. */
    private MediaProbe.Result fileRead;

    Verification(TestPlan plan, Codec codec, int minPercent) {
        this.plan = plan;
        this.codec = codec;
        this.minPercent = minPercent;
    }

    /** Every check but the kernel's, in the order a reader wants them. */
    List<Criterion> checks(String stoppedEarly, long ranMs, CameraRunner runner, MediaProbe.Result read, Criterion mediamtx) {
        List<Criterion> out = new ArrayList<>();
        // an error once EOS was sent is told, not failed: a file that was not finalised fails its own check, and a
        // push was read back already (rtspclientsink may fail its last write as the server closes)
        List<dev.r58ctl.pipeline.BusEvent> late = runner.errorsWhileStopping();
        dev.r58ctl.pipeline.BusEvent error = runner.errors().stream().filter(e -> !late.contains(e)).findFirst()
                .orElse(null);
        if (stoppedEarly != null) {
            boolean refused = plan.test() == TestKind.PUSH && stoppedEarly.contains("Could not open resource");
            out.add(Criterion.failed("ran", "stopped after " + seconds(ranMs) + " of " + seconds(plan.durationMs())
                    + ": " + stoppedEarly + (refused ? " (nothing answered at " + plan.output()
                    + ": is MediaMTX running?)" : "")));
        } else if (error != null) {
            out.add(Criterion.failed("ran", "pipeline error: " + error));
        } else {
            out.add(Criterion.ok("ran", seconds(ranMs) + " of wall-clock time, planned " + seconds(plan.durationMs())
                    + (ranMs > plan.durationMs() + 500 ? " (a push publishes on while its reader waits)" : "")
                    + (late.isEmpty() ? "" : "; while stopping: " + late.get(0))));
        }
        if (plan.test() == TestKind.PUSH) {
            out.add(PushReadBack.check(plan.readUrl(), codec, read == null
                    ? new MediaProbe.Result(null, 0, "the run ended before reading began") : read, plan.framerate()));
            if (mediamtx != null) {
                out.add(mediamtx);
            }
            return out;
        }
        Path file = Path.of(plan.output());
        MediaProbe.Result r;
        try {
            long size = Files.size(file);
            r = MediaProbe.file(file, Duration.ofMillis(Math.max(20_000, plan.durationMs() / 2)));
            fileRead = r;
            out.add(r.error() == null ? Criterion.ok("file", file + ", " + (size >> 10) + " KiB")
                    : Criterion.failed("file", file + " does not read back: " + r.error()));
        } catch (IOException | R58Exception e) {
            out.add(Criterion.failed("file", file + ": no file written"));
            return out;
        }
        out.add(r.isCodec(codec) ? Criterion.ok("codec", r.mediaType())
                : Criterion.failed("codec", "read back " + r.mediaType() + ", expected " + codec.mediaType()));
        long expected = plan.framesExpected();
        double percent = expected == 0 ? 0 : r.frames() * 100.0 / expected;
        String frames = r.frames() + " of " + expected + " frames (" + CpuStats.round(percent) + "%, at least "
                + minPercent + "% needed)";
        out.add(percent >= minPercent ? Criterion.ok("frames", frames) : Criterion.failed("frames", frames));
        if (plan.test() == TestKind.SOAK && stoppedEarly == null) {
            // a non-live source finishes "5 minutes" in 40 s: more frames than the wall time allows is not real time
            long allowed = expected + expected / 20 + plan.framerate();
            out.add(r.frames() <= allowed
                    ? Criterion.ok("real time", r.frames() + " frames in " + seconds(ranMs) + " at "
                    + plan.framerate() + " fps")
                    : Criterion.failed("real time", r.frames() + " frames in " + seconds(ranMs) + ": faster than "
                    + plan.framerate() + " fps, so not a real-time run"));
        }
        return out;
    }

    static Criterion kernel(TestKernelWatch guard) {
        List<TroubleIncident> trouble = guard.trouble();
        if (trouble.isEmpty()) {
            return Criterion.ok("kernel", "no " + guard.evidence(null).threshold().toLowerCase() + " or worse since mark "
                    + guard.markName() + " (" + guard.sourceName() + ", after sequence number " + guard.mark().seq()
                    + ")");
        }
        TroubleIncident first = trouble.get(0);
        return Criterion.failed("kernel", trouble.size() + " kernel incident" + (trouble.size() == 1 ? "" : "s")
                + " during the run, first " + first.severity() + ": " + first.title());
    }

    /** Frame counts, after {@link #checks}. */
    FrameCounts frames(CameraRunner runner, MediaProbe.Result read) {
        CameraStats t = runner.totals();
        if (plan.test() == TestKind.PUSH) {
            long need = 2L * plan.framerate(); // what the reader asks for; one second's worth passes
            long got = read == null ? 0 : read.frames();
            return new FrameCounts(plan.framesExpected(), t.framesOut(), got, read == null ? null : read.mediaType(),
                    CpuStats.round(got * 100.0 / need));
        }
        long expected = plan.framesExpected();
        if (fileRead == null) {
            return new FrameCounts(expected, t.framesOut(), 0, null, 0);
        }
        return new FrameCounts(expected, t.framesOut(), fileRead.frames(), fileRead.mediaType(),
                expected == 0 ? 0 : CpuStats.round(fileRead.frames() * 100.0 / expected));
    }

    /** Refuses a file test that would fill the disk: the bitrate times the duration, with a fifth to spare. */
    static String spaceProblem(TestPlan plan) {
        if (plan.test() == TestKind.PUSH) {
            return null;
        }
        Path dir = Path.of(plan.output()).getParent();
        long needed = (long) plan.bitrateKbps() * 1000 / 8 * (plan.durationMs() / 1000 + 1) * 6 / 5 + (16L << 20);
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            return free >= needed ? null : "could not run: " + dir + " has " + (free >> 20) + " MiB free, the test "
                    + "needs about " + (needed >> 20) + " MiB";
        } catch (IOException e) {
            return "could not run: " + dir + ": " + e.getMessage();
        }
    }

    static String seconds(long ms) {
        return String.format("%.1f s", ms / 1000.0);
    }
}

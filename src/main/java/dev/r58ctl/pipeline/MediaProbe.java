package dev.r58ctl.pipeline;

import dev.r58ctl.R58Exception;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.Pipeline;

/**
 * Reads a recording back: demuxes and parses it as fast as it can and counts the video frames, so that a
 * test can check the codec and the frame count of what it wrote ({@code gst-discoverer-1.0} segfaults on these
 * machines, so this uses a plain pipeline).
 */
public final class MediaProbe {
    /**
     * What was found in a file.
     *
     * @param mediaType the media type of the parsed video stream, e.g. {@code video/x-h265}
     * @param frames    the number of video frames
     * @param error     why reading failed part-way, or null
     */
    public record Result(String mediaType, long frames, String error) {
        public boolean isCodec(dev.r58ctl.config.Codec codec) {
            return codec.mediaType().equals(mediaType);
        }
    }

    private MediaProbe() {
    }

    public static Result probe(Path file, Duration timeout) {
        if (!Files.isRegularFile(file)) {
            throw R58Exception.failed(file + ": no such file");
        }
        String description = String.join(" ", List.of(
                String.join(" ", Element.of("filesrc", "probe_src").with("location", file.toString()).tokens()),
                "!", "parsebin", "name=probe_parse",
                "!", "fakesink", "name=probe_sink", "sync=false"));
        Pipeline pipeline = GstSupport.parse(description);
        AtomicLong frames = new AtomicLong();
        AtomicReference<String> type = new AtomicReference<>();
        AtomicReference<String> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Pad sinkPad = pipeline.getElementByName("probe_sink").getStaticPad("sink");
        sinkPad.addProbe(PadProbeType.BUFFER, (pad, info) -> {
            if (frames.incrementAndGet() == 1) {
                Caps caps = pad.getCurrentCaps();
                if (caps != null && caps.size() > 0) {
                    type.set(caps.getStructure(0).getName());
                }
            }
            return PadProbeReturn.OK;
        });
        Bus bus = pipeline.getBus();
        bus.connect((Bus.EOS) source -> done.countDown());
        bus.connect((Bus.ERROR) (source, code, message) -> {
            error.set((source == null ? "?" : source.getName()) + ": " + message);
            done.countDown();
        });
        pipeline.play();
        boolean finished;
        try {
            finished = done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        pipeline.stop();
        bus.dispose();
        pipeline.dispose();
        if (!finished && error.get() == null) {
            error.set("reading did not finish within " + timeout.toMillis() + " ms");
        }
        return new Result(type.get(), frames.get(), error.get());
    }
}

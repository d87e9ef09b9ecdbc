package dev.r58ctl.pipeline;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Codec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.Pipeline;

/**
 * Reads video back and counts its frames without decoding: a recording (as fast as it can be read) or a live
 * stream (RTMP, RTSP, RTP over UDP) for a while. A stream counts as verified only when something reads it back;
 * {@code gst-discoverer-1.0} segfaults on these machines, so this uses a plain pipeline ending in a fakesink.
 */
public final class MediaProbe {
    /**
     * What was read.
     *
     * @param mediaType the media type of the parsed video, e.g. {@code video/x-h265}, or null when nothing came
     * @param frames    video frames (access units) read
     * @param error     why reading stopped early, or null
     */
    public record Result(String mediaType, long frames, String error) {
        public boolean isCodec(Codec codec) {
            return codec.mediaType().equals(mediaType);
        }
    }

    private MediaProbe() {
    }

    /** Demuxes and parses a whole file. */
    public static Result file(Path file, Duration timeout) {
        if (!Files.isRegularFile(file)) {
            throw R58Exception.failed(file + ": no such file");
        }
        List<String> head = new ArrayList<>(Element.of("filesrc", "probe_src").with("location", file.toString()).tokens());
        head.addAll(List.of("!", "parsebin", "name=probe_parse"));
        return run(head, timeout, Long.MAX_VALUE);
    }

    /**
     * Reads a stream until {@code frames} frames arrived or the timeout passed: {@code rtmp://} and
     * {@code rtsp://} URLs, or {@code udp://PORT} for RTP of the given codec.
     */
    public static Result stream(String url, Codec codec, Duration timeout, long frames) {
        List<String> head = new ArrayList<>();
        if (url.startsWith("rtmp://")) {
            // librtmp needs "live=1" to play a live stream; FLV holds H.264 only
            head.addAll(Element.of("rtmpsrc", "probe_src").with("location", url + " live=1").tokens());
            head.addAll(List.of("!", "flvdemux", "name=probe_demux", "!", "h264parse"));
        } else if (url.startsWith("rtsp://")) {
            // parsebin would hand out NAL units (inflating the count) and may try a decoder: depayload and parse
            // to whole access units instead
            head.addAll(Element.of("rtspsrc", "probe_src").with("location", url).with("protocols", "tcp")
                    .with("latency", 0).tokens());
            head.addAll(List.of("!", codec == Codec.H264 ? "rtph264depay" : "rtph265depay", "!", codec.parser(),
                    "!", codec.mediaType() + ",alignment=au"));
        } else if (url.startsWith("udp://")) {
            int port = Integer.parseInt(url.substring("udp://".length()));
            head.addAll(Element.of("udpsrc", "probe_src").with("port", port).tokens());
            head.add("!");
            head.add("application/x-rtp,media=video,clock-rate=90000,encoding-name=" + (codec == Codec.H264 ? "H264" : "H265"));
            head.addAll(List.of("!", codec == Codec.H264 ? "rtph264depay" : "rtph265depay", "!", codec.parser(),
                    "!", codec.mediaType() + ",alignment=au"));
        } else {
            throw R58Exception.badInput("cannot read back " + url + ": expected rtmp://, rtsp:// or udp://PORT");
        }
        return run(head, timeout, frames);
    }

    private static Result run(List<String> head, Duration timeout, long enough) {
        List<String> tokens = new ArrayList<>(head);
        tokens.addAll(List.of("!", "fakesink", "name=probe_sink", "sync=false", "async=false"));
        Pipeline pipeline = GstSupport.parse(String.join(" ", tokens));
        AtomicLong frames = new AtomicLong();
        AtomicReference<String> type = new AtomicReference<>();
        AtomicReference<String> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        pipeline.getElementByName("probe_sink").getStaticPad("sink").addProbe(PadProbeType.BUFFER, (pad, info) -> {
            long n = frames.incrementAndGet();
            if (n == 1) {
                Caps caps = pad.getCurrentCaps();
                if (caps != null && caps.size() > 0) {
                    type.set(caps.getStructure(0).getName());
                }
            }
            if (n >= enough) {
                done.countDown();
            }
            return PadProbeReturn.OK;
        });
        BusWatch bus = new BusWatch(pipeline);
        bus.onEos(source -> done.countDown());
        bus.onError((source, code, message) -> {
            error.compareAndSet(null, (source == null ? "?" : source.getName()) + ": " + message);
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
        Thread stopper = new Thread(pipeline::stop, "probe-teardown");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopper.isAlive()) {
            bus.close(); // left in teardown: what it posts later reaches nobody
        } else {
            bus.dispose();
        }
        if (!finished && error.get() == null && enough == Long.MAX_VALUE) {
            error.set("reading did not finish within " + timeout.toMillis() + " ms");
        }
        return new Result(type.get(), frames.get(), error.get());
    }
}

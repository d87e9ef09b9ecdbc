package dev.r58ctl.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.r58ctl.config.Codec;
import java.util.List;
import java.util.Locale;

/**
 * Where an encoded stream goes: a file, an RTMP, RTSP or RTP push, or nowhere (for tests and previews).
 *
 * @param kind   the kind of output
 * @param target file path, URL, or {@code host:port} for RTP
 * @param sync   whether the sink waits for the clock before writing each buffer: a soak test must run at real
 *               time even if its source were not live (the manual 5-minute test finished in 40 s)
 * @param fragmentMillis for a {@code .mov} file, how often a fragment is written (qtmux {@code fragment-duration},
 *               ms): what a crash or a power cut can lose at most; 0 for every other output
 */
public record Output(Kind kind, String target, boolean sync,
                     @JsonProperty("fragment_millis") int fragmentMillis) {

    public enum Kind { FILE, RTMP, RTSP, RTP, DISCARD }

    /** The recorder's {@code recording.fragment_duration} default: a fragment every second. */
    public static final int DEFAULT_FRAGMENT_MILLIS = 1000;

    public Output {
        if (kind == Kind.FILE && fragmentMillis <= 0) {
            // qtmux with fragment-duration 0 writes its moov only at EOS: a cut file would not open
            throw new IllegalArgumentException("a recording's fragment duration must be positive, got " + fragmentMillis);
        }
    }

    public Output(Kind kind, String target, boolean sync) {
        this(kind, target, sync, kind == Kind.FILE ? DEFAULT_FRAGMENT_MILLIS : 0);
    }

    public Output(Kind kind, String target) {
        this(kind, target, false);
    }

    /** The same output with a clock-synced sink. */
    public Output synced() {
        return new Output(kind, target, true, fragmentMillis);
    }

    public static Output file(String path) {
        return file(path, DEFAULT_FRAGMENT_MILLIS);
    }

    /** A recording; {@code fragmentMillis} matters for a {@code .mov} only (qtmux's fragment-duration). */
    public static Output file(String path, int fragmentMillis) {
        return new Output(Kind.FILE, path, false, fragmentMillis);
    }

    public static Output rtmp(String url) {
        return new Output(Kind.RTMP, url);
    }

    public static Output rtsp(String url) {
        return new Output(Kind.RTSP, url);
    }

    public static Output rtp(String host, int port) {
        return new Output(Kind.RTP, host + ":" + port);
    }

    public static Output discard() {
        return new Output(Kind.DISCARD, "");
    }

    public String key() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The elements after the branch's queue. FLV carries H.264 only, so an H.265 stream to RTMP is refused
     * here as well as in the configuration.
     */
    List<Link> chain(String prefix, Codec codec) {
        String tag = key();
        return switch (kind) {
            case FILE -> List.of(
                    muxer(prefix + "mux"),
                    sync ? Element.of("filesink", prefix + "file").with("location", target).with("sync", true)
                            : Element.of("filesink", prefix + "file").with("location", target));
            case RTMP -> {
                if (codec != Codec.H264) {
                    throw new IllegalArgumentException("RTMP (FLV) carries H.264 only, not " + codec.key());
                }
                yield List.of(
                        Element.of("flvmux", prefix + "flv").with("streamable", true),
                        Element.of("rtmpsink", prefix + tag).with("location", target).with("async", false));
            }
            case RTSP -> List.of(
                    Element.of("rtspclientsink", prefix + tag).with("location", target).with("protocols", "tcp"));
            case RTP -> {
                int colon = target.lastIndexOf(':');
                yield List.of(
                        Element.of(codec.payloader(), prefix + "pay").with("config-interval", -1).with("pt", 96),
                        Element.of("udpsink", prefix + tag).with("host", target.substring(0, colon))
                                .with("port", Integer.parseInt(target.substring(colon + 1))).with("async", false));
            }
            case DISCARD -> List.of(sync
                    ? Element.of("fakesink", prefix + "discard").with("async", false).with("sync", true)
                    : Element.of("fakesink", prefix + "discard").with("async", false));
        };
    }

    /**
     * The muxer, by the file's extension. A {@code .mov} is the recorder's container for editors that read
     * growing files: qtmux ends a fragment at each keyframe and at the latest after {@code fragmentMillis},
     * writing a moov after the first one and a moof after each later one, so a file cut by kill -9 or a power
     * cut reads back up to its last whole fragment, and at EOS it is finalised into a plain QuickTime file
     * (first-moov-then-finalise; dash-or-mss would leave it fragmented). Measured on GStreamer 1.22:
     * reserved-max-duration and reserved-moov-update-period are ignored once fragment-duration is set, and an
     * unfragmented mp4mux or qtmux file cut before EOS has no moov at all.
     */
    private Element muxer(String name) {
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".mp4")) {
            return Element.of("mp4mux", name);
        }
        if (lower.endsWith(".mov")) {
            return Element.of("qtmux", name).with("fragment-duration", fragmentMillis)
                    .with("fragment-mode", "first-moov-then-finalise");
        }
        return Element.of("matroskamux", name);
    }

    /** Network branches may drop old buffers rather than stall the recording when the network stalls. */
    boolean leaky() {
        return kind == Kind.RTMP || kind == Kind.RTSP || kind == Kind.RTP;
    }
}

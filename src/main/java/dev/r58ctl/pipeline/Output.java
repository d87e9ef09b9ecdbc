package dev.r58ctl.pipeline;

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
 */
public record Output(Kind kind, String target, boolean sync) {

    public enum Kind { FILE, RTMP, RTSP, RTP, DISCARD }

    public Output(Kind kind, String target) {
        this(kind, target, false);
    }

    /** The same output with a clock-synced sink. */
    public Output synced() {
        return new Output(kind, target, true);
    }

    public static Output file(String path) {
        return new Output(Kind.FILE, path);
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
                    Element.of(target.toLowerCase(Locale.ROOT).endsWith(".mp4") ? "mp4mux" : "matroskamux",
                            prefix + "mux"),
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

    /** Network branches may drop old buffers rather than stall the recording when the network stalls. */
    boolean leaky() {
        return kind == Kind.RTMP || kind == Kind.RTSP || kind == Kind.RTP;
    }
}

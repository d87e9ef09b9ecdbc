package dev.r58ctl.config;

import java.util.Locale;

/** The video codecs the recorder produces. */
public enum Codec {
    H264, H265;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The parser element that aligns this codec's stream into access units. */
    public String parser() {
        return this == H264 ? "h264parse" : "h265parse";
    }

    /** The RTP payloader for this codec. */
    public String payloader() {
        return this == H264 ? "rtph264pay" : "rtph265pay";
    }

    /** The media type in caps, e.g. {@code video/x-h265}. */
    public String mediaType() {
        return this == H264 ? "video/x-h264" : "video/x-h265";
    }
}

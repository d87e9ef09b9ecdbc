package dev.r58ctl.config;

import java.util.Locale;

/** How a camera's stream reaches MediaMTX. */
public enum Transport {
    /** Record only. */
    NONE,
    /** RTSP push with {@code rtspclientsink}. */
    RTSP,
    /** RTMP push through FLV, which carries H.264 only. */
    RTMP,
    /** RTP over UDP to a MediaMTX path with an {@code rtp://} source. */
    RTP;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

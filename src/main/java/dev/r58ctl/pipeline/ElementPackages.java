package dev.r58ctl.pipeline;

import java.util.Map;

/** Where each element r58ctl uses comes from, so that a missing one is named with what to install. */
public final class ElementPackages {
    private static final String GOOD = "Debian package gstreamer1.0-plugins-good";
    private static final String BAD = "Debian package gstreamer1.0-plugins-bad";
    private static final String BASE = "Debian package gstreamer1.0-plugins-base";
    private static final String CORE = "Debian package libgstreamer1.0-0";
    private static final String MPP = "Rockchip's MPP GStreamer plugin (gstreamer-rockchip, on the board's image)";

    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("v4l2src", GOOD),
            Map.entry("videotestsrc", BASE),
            Map.entry("videoconvert", BASE),
            Map.entry("parsebin", BASE),
            Map.entry("queue", CORE),
            Map.entry("tee", CORE),
            Map.entry("filesink", CORE),
            Map.entry("filesrc", CORE),
            Map.entry("fakesink", CORE),
            Map.entry("x264enc", "Debian package gstreamer1.0-plugins-ugly"),
            Map.entry("x265enc", BAD),
            Map.entry("h264parse", BAD),
            Map.entry("h265parse", BAD),
            Map.entry("rtmpsink", BAD),
            Map.entry("rtmp2sink", BAD),
            Map.entry("matroskamux", GOOD),
            Map.entry("matroskademux", GOOD),
            Map.entry("mp4mux", GOOD),
            Map.entry("qtmux", GOOD),
            Map.entry("qtdemux", GOOD),
            Map.entry("flvmux", GOOD),
            Map.entry("flvdemux", GOOD),
            Map.entry("rtph264pay", GOOD),
            Map.entry("rtph265pay", GOOD),
            Map.entry("rtph264depay", GOOD),
            Map.entry("rtph265depay", GOOD),
            Map.entry("udpsink", GOOD),
            Map.entry("udpsrc", GOOD),
            Map.entry("rtspsrc", GOOD),
            Map.entry("rtspclientsink", "Debian package gstreamer1.0-rtsp"),
            Map.entry("mpph264enc", MPP),
            Map.entry("mpph265enc", MPP));

    private ElementPackages() {
    }

    /** Where the element comes from, e.g. "Debian package gstreamer1.0-rtsp". */
    public static String sourceOf(String factory) {
        return SOURCES.getOrDefault(factory, "an unknown GStreamer plugin");
    }
}

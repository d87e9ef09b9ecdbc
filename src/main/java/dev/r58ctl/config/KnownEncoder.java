package dev.r58ctl.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The encoder elements r58ctl can drive, with the units of their bitrate property. x264enc and x265enc
 * take kbit/s; the Rockchip MPP encoders take bit/s, and a mix-up costs a factor of 1000.
 */
public enum KnownEncoder {
    X264ENC("x264enc", Codec.H264, "bitrate", 1, "key-int-max", false),
    X265ENC("x265enc", Codec.H265, "bitrate", 1, "key-int-max", false),
    MPPH264ENC("mpph264enc", Codec.H264, "bps", 1000, "gop", true),
    MPPH265ENC("mpph265enc", Codec.H265, "bps", 1000, "gop", true);

    private final String element;
    private final Codec codec;
    private final String bitrateProperty;
    private final int bitrateFactor;
    private final String keyframeProperty;
    private final boolean hardware;

    KnownEncoder(String element, Codec codec, String bitrateProperty, int bitrateFactor,
                 String keyframeProperty, boolean hardware) {
        this.element = element;
        this.codec = codec;
        this.bitrateProperty = bitrateProperty;
        this.bitrateFactor = bitrateFactor;
        this.keyframeProperty = keyframeProperty;
        this.hardware = hardware;
    }

    public String element() {
        return element;
    }

    public Codec codec() {
        return codec;
    }

    /** The property that sets the bitrate ({@code bitrate} or {@code bps}). */
    public String bitrateProperty() {
        return bitrateProperty;
    }

    /** The property value for a bitrate given in kbit/s. */
    public long bitrateValue(int kbps) {
        return (long) kbps * bitrateFactor;
    }

    /** The property that sets the distance between keyframes, in frames. */
    public String keyframeProperty() {
        return keyframeProperty;
    }

    /** True for the Rockchip VPU encoders, which take NV12 straight from the capture path. */
    public boolean hardware() {
        return hardware;
    }

    public static Optional<KnownEncoder> of(String element) {
        return Arrays.stream(values()).filter(e -> e.element.equals(element)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(KnownEncoder::element).toList());
    }
}

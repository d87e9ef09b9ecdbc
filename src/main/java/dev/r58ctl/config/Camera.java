package dev.r58ctl.config;

/**
 * One camera, validated: everything a pipeline needs, with defaults resolved.
 *
 * @param id           the recorder's key, e.g. {@code cam1}
 * @param device       the V4L2 device node
 * @param width        picture width in pixels
 * @param height       picture height in pixels
 * @param framerate    frames per second
 * @param bitrateKbps  target bitrate in kbit/s, as the recorder's file has it
 * @param codec        h264 or h265
 * @param encoder      the encoder element
 * @param transport    how the stream reaches MediaMTX
 * @param source       capture device or test pattern
 * @param pixelFormat  the raw format the device delivers (NV16 for hdmirx, NV12 for rkcif)
 * @param outputPath   strftime pattern of the recording file, or null when the camera does not record
 * @param mediamtxPath the MediaMTX path name
 * @param enabled      whether the recorder runs this camera
 * @param rtpPort      UDP port for RTP transport
 * @param origin       where the camera was defined, for messages ({@code file:line})
 */
public record Camera(
        String id,
        String device,
        int width,
        int height,
        int framerate,
        int bitrateKbps,
        Codec codec,
        String encoder,
        Transport transport,
        SourceKind source,
        String pixelFormat,
        String outputPath,
        String mediamtxPath,
        boolean enabled,
        int rtpPort,
        String origin) {

    public String resolution() {
        return width + "x" + height;
    }

    public boolean records() {
        return outputPath != null;
    }
}

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
 * @param problems     what r58ctl could not use in the recorder's definition of this camera; while there is any,
 *                     the camera is shown with its notes but no pipeline is built for it
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
        String origin,
        java.util.List<ConfigProblem> problems) {

    public Camera {
        problems = java.util.List.copyOf(problems);
    }

    /** A camera without problems (tests, the stability test's stand-in camera). */
    public Camera(String id, String device, int width, int height, int framerate, int bitrateKbps, Codec codec,
                  String encoder, Transport transport, SourceKind source, String pixelFormat, String outputPath,
                  String mediamtxPath, boolean enabled, int rtpPort, String origin) {
        this(id, device, width, height, framerate, bitrateKbps, codec, encoder, transport, source, pixelFormat,
                outputPath, mediamtxPath, enabled, rtpPort, origin, java.util.List.of());
    }

    /** True when a pipeline can be built for this camera: nothing in its definition was unusable. */
    public boolean usable() {
        return problems.isEmpty();
    }

    /**
     * This camera, for a command that builds its pipeline; a camera with problems is refused in one line naming the
     * first one ({@code file:line: key: message}), so that one bad camera costs that camera only.
     */
    public Camera requireUsable() {
        if (!problems.isEmpty()) {
            throw dev.r58ctl.R58Exception.badInput(problems.get(0).text() + ": pipeline commands unavailable for " + id);
        }
        return this;
    }

    /** The same camera with another encoder element. */
    public Camera withEncoder(String element) {
        return new Camera(id, device, width, height, framerate, bitrateKbps, codec, element, transport, source,
                pixelFormat, outputPath, mediamtxPath, enabled, rtpPort, origin, problems);
    }

    /** The recording container from the file name's extension ({@code mkv}, {@code mp4}, {@code mov}), or null. */
    public String container() {
        if (outputPath == null) {
            return null;
        }
        int dot = outputPath.lastIndexOf('.');
        return dot < 0 ? null : outputPath.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    public String resolution() {
        return width + "x" + height;
    }

    public boolean records() {
        return outputPath != null;
    }
}

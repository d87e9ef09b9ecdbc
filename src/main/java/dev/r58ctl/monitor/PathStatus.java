package dev.r58ctl.monitor;

import java.util.List;

/**
 * One MediaMTX path (a camera's stream) from {@code /v3/paths/list}. The bitrate is measured, never assumed: it
 * is null on the first poll, after the path's counter went back (MediaMTX restarted or the path was recreated)
 * and after the publisher changed.
 *
 * @param name              the path name ({@code cam0})
 * @param ready             a publisher is there and the stream can be read ({@code available}, formerly
 *                          {@code ready})
 * @param readyTime         since when, as MediaMTX wrote it; null when not ready
 * @param sourceType        what publishes ({@code rtspSession}, {@code rtmpConn}...); null when nothing does
 * @param codecs            the codec of each track ({@code H264}, {@code H265}, {@code MPEG-4 Audio})
 * @param bytesReceived     bytes received from the publisher so far, or null when MediaMTX did not say
 * @param readers           how many readers the path has
 * @param bitrateKbps       inbound kbit/s between the previous poll and this one, or null (see above)
 * @param bitrateIntervalMs the interval that bitrate is over, or null with it
 */
public record PathStatus(String name, boolean ready, String readyTime, String sourceType, List<String> codecs,
                         Long bytesReceived, int readers, Double bitrateKbps, Long bitrateIntervalMs) {
}

package dev.r58ctl.stability;

/**
 * Frame counts of a test.
 *
 * @param expected what the duration implies at the framerate
 * @param encoded  what left the encoder
 * @param found    what was read back: from the file, or from the stream for a push
 * @param codec    the media type read back, e.g. {@code video/x-h265}, or null
 * @param percent  found in % of expected (for a push, of the two seconds' worth of frames the reader asks for)
 */
public record FrameCounts(long expected, long encoded, long found, String codec, double percent) {
}

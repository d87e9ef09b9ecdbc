package dev.r58ctl.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** A caps filter such as {@code video/x-raw,format=NV12,width=1920,height=1080,framerate=30/1}. */
public record Caps(String mediaType, Map<String, String> fields) implements Link {
    private static final Pattern MEDIA = Pattern.compile("[a-z]+/[a-z0-9.+-]+");
    private static final Pattern FIELD_VALUE = Pattern.compile("[A-Za-z0-9_/.-]+");

    public Caps {
        if (!MEDIA.matcher(mediaType).matches()) {
            throw new IllegalArgumentException("not a media type: " + mediaType);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            GstQuote.identifier(k);
            if (!FIELD_VALUE.matcher(v).matches()) {
                throw new IllegalArgumentException("unsafe caps value for " + k + ": " + v);
            }
            copy.put(k, v);
        });
        fields = java.util.Collections.unmodifiableMap(copy);
    }

    public static Caps rawVideo(String format, int width, int height, int framerate) {
        Map<String, String> f = new LinkedHashMap<>();
        if (format != null) {
            f.put("format", format);
        }
        if (width > 0) {
            f.put("width", Integer.toString(width));
            f.put("height", Integer.toString(height));
        }
        if (framerate > 0) {
            f.put("framerate", framerate + "/1");
        }
        return new Caps("video/x-raw", f);
    }

    @Override
    public java.util.List<String> tokens() {
        return java.util.List.of(token());
    }

    public String token() {
        StringBuilder b = new StringBuilder(mediaType);
        fields.forEach((k, v) -> b.append(',').append(k).append('=').append(v));
        return b.toString();
    }
}

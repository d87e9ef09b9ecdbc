package dev.r58ctl.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One element of a pipeline description: its factory, an optional name (named per camera, so that the
 * streaming threads it gets are named after the camera too) and its properties in order.
 */
public record Element(String factory, String name, Map<String, Object> properties) implements Link {

    public Element {
        GstQuote.identifier(factory);
        if (name != null) {
            GstQuote.identifier(name.toLowerCase());
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            GstQuote.identifier(e.getKey());
            copy.put(e.getKey(), e.getValue());
        }
        properties = Collections.unmodifiableMap(copy);
    }

    public static Element of(String factory, String name) {
        return new Element(factory, name, Map.of());
    }

    /** A copy with one more property (or a replaced one). */
    public Element with(String property, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(properties);
        copy.put(property, value);
        return new Element(factory, name, copy);
    }

    public Element withAll(Map<String, Object> more) {
        Map<String, Object> copy = new LinkedHashMap<>(properties);
        copy.putAll(more);
        return new Element(factory, name, copy);
    }

    /** The description words: {@code factory name=N prop=value ...}. */
    @Override
    public List<String> tokens() {
        List<String> out = new ArrayList<>();
        out.add(factory);
        if (name != null) {
            out.add("name=" + name);
        }
        properties.forEach((k, v) -> out.add(k + "=" + GstQuote.value(v)));
        return out;
    }
}

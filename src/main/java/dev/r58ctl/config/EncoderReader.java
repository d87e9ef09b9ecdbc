package dev.r58ctl.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code codecs:} (the encoder element per codec and platform) and {@code encoders:} (settings per element). */
final class EncoderReader {
    private EncoderReader() {
    }

    static Map<Platform, Map<Codec, String>> codecs(YamlNode node, Map<Platform, Map<Codec, String>> base) {
        Map<Platform, Map<Codec, String>> out = new EnumMap<>(Platform.class);
        for (Platform p : Platform.values()) {
            out.put(p, new EnumMap<>(Codec.class));
            if (base != null) {
                out.get(p).putAll(base.get(p));
            }
        }
        if (node == null) {
            return out;
        }
        for (Map.Entry<String, YamlNode> p : node.mapOf(List.of("r58", "generic")).entrySet()) {
            Platform platform = Platform.valueOf(p.getKey().toUpperCase());
            for (Map.Entry<String, YamlNode> c : p.getValue().mapOf(List.of("h264", "h265")).entrySet()) {
                Codec codec = Codec.valueOf(c.getKey().toUpperCase());
                String element = c.getValue().string("an encoder element");
                KnownEncoder known = KnownEncoder.of(element).orElseThrow(() -> c.getValue().error(
                        "unknown encoder " + YamlNode.quote(element) + "; expected one of " + KnownEncoder.names()));
                if (known.codec() != codec) {
                    throw c.getValue().error(element + " encodes " + known.codec().key() + ", not " + codec.key());
                }
                out.get(platform).put(codec, element);
            }
        }
        return out;
    }

    static Map<String, Map<String, Object>> encoders(YamlNode node, Map<String, Map<String, Object>> base) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>(base);
        if (node == null) {
            return out;
        }
        for (Map.Entry<String, YamlNode> e : node.map().entrySet()) {
            KnownEncoder known = KnownEncoder.of(e.getKey()).orElseThrow(() -> e.getValue().error(
                    "unknown encoder; expected one of " + KnownEncoder.names()));
            Map<String, Object> props = new LinkedHashMap<>();
            for (Map.Entry<String, YamlNode> p : e.getValue().map().entrySet()) {
                String problem = EncoderSettings.propertyProblem(known, p.getKey());
                if (problem != null) {
                    throw p.getValue().error(problem);
                }
                Object value = p.getValue().plainValue();
                problem = EncoderSettings.valueProblem(value);
                if (problem != null) {
                    throw p.getValue().error(problem);
                }
                props.put(p.getKey(), value);
            }
            out.put(known.element(), Collections.unmodifiableMap(props));
        }
        return out;
    }

}

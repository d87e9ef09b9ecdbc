package dev.r58ctl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.nio.file.Path;
import java.time.Duration;

/** The one JSON writer of r58ctl's output (the command line, the evidence bundle): pretty, paths and instants as plain strings, durations ISO-8601. */
public final class Json {
    /** Made on first use, by {@link #prepare}'s thread where a command asks for it early. */
    private static final class Pretty {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .registerModule(module());
    }

    /** Made on first use: most commands print pretty JSON or none. */
    private static final class Compact {
        static final ObjectMapper MAPPER = new ObjectMapper().registerModule(module());
    }

    private static SimpleModule module() {
        return new SimpleModule().addSerializer(Path.class, ToStringSerializer.instance)
                .addSerializer(Duration.class, ToStringSerializer.instance)
                .addSerializer(java.time.Instant.class, ToStringSerializer.instance);
    }

    private Json() {
    }

    /** One compact line, for JSON Lines streams such as {@code kmsg --follow --json}. */
    public static String line(Object value) {
        try {
            return Compact.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Builds the serializers of {@code type} now, on a daemon thread, so that a command which prints it at its end
     * finds them ready (status prepares its report while it measures CPU): the type's and, for a record, those of
     * the records and enums its components hold, at any depth (Jackson would make those at the first write).
     */
    public static void prepare(Class<?> type) {
        Thread t = new Thread(() -> {
            try {
                for (Class<?> c : reachable(type, new java.util.LinkedHashSet<>())) {
                    Pretty.MAPPER.writerFor(c);
                }
            } catch (RuntimeException e) {
                // writing will report it
            }
        }, "r58ctl-json");
        t.setDaemon(true);
        t.start();
    }

    /** {@code type}, and the records and enums reachable through its record components and their type arguments. */
    static java.util.Set<Class<?>> reachable(java.lang.reflect.Type type, java.util.Set<Class<?>> seen) {
        if (type instanceof java.lang.reflect.ParameterizedType p) {
            for (java.lang.reflect.Type arg : p.getActualTypeArguments()) {
                reachable(arg, seen);
            }
        } else if (type instanceof Class<?> c && (c.isRecord() || c.isEnum()) && seen.add(c) && c.isRecord()) {
            for (java.lang.reflect.RecordComponent rc : c.getRecordComponents()) {
                reachable(rc.getGenericType(), seen);
            }
        } else if (type instanceof Class<?> c && c.isArray()) {
            reachable(c.getComponentType(), seen);
        }
        return seen;
    }

    public static String write(Object value) {
        try {
            return Pretty.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}

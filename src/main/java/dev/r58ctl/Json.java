package dev.r58ctl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * r58ctl's one JSON mapper, for everything it prints and every file it keeps under {@code state_dir}: object keys
 * snake_case (record components by {@link PropertyNamingStrategies#SNAKE_CASE}, enum map keys lower-case:
 * {@code generic}, {@code h264}), enum values as their names ({@code PASS}, {@code STABLE}), paths and instants as
 * plain strings, durations ISO-8601 ({@code PT5S}), unknown properties ignored on read. Files written by r58ctl 0.1.0
 * (camelCase keys, upper-case enum keys) still read: see {@link JsonCompat}. Docs: docs/json.md.
 */
public final class Json {
    /** Made on first use, by {@link #prepare}'s thread where a command asks for it early. */
    private static final class Holder {
        static final ObjectMapper MAPPER = build();
        static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
    }

    private Json() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ObjectMapper build() {
        SimpleModule module = new SimpleModule("r58ctl")
                .addSerializer(Path.class, ToStringSerializer.instance)
                .addSerializer(Duration.class, ToStringSerializer.instance)
                .addSerializer(Instant.class, ToStringSerializer.instance)
                .addDeserializer(Duration.class, new Parsed<>(Duration.class, Duration::parse))
                .addDeserializer(Instant.class, new Parsed<>(Instant.class, Instant::parse))
                .addKeySerializer((Class) Enum.class, (StdSerializer) new EnumKeySerializer());
        module.setKeyDeserializers(JsonCompat.ENUM_KEYS);
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .annotationIntrospector(JsonCompat.INTROSPECTOR)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // files from a newer r58ctl still read
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // NaN, as the remote protocol's figures may hold
                .addModule(module)
                .build();
    }

    /** The mapper: reading, compact writing and trees. */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /** The mapper's writer with indentation, for {@code --json} documents and the state files people read. */
    public static ObjectWriter pretty() {
        return Holder.PRETTY;
    }

    /** One compact line, for JSON Lines streams such as {@code kmsg --follow --json}. */
    public static String line(Object value) {
        try {
            return Holder.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** One indented document. */
    public static String write(Object value) {
        try {
            return Holder.PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** The name an enum constant has as a map key: {@code GENERIC} is {@code generic}, {@code H264} {@code h264}. */
    public static String key(Enum<?> e) {
        String name = e.name();
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** Writes enum map keys as {@link #key}. */
    private static final class EnumKeySerializer extends StdSerializer<Enum<?>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        EnumKeySerializer() {
            super((Class) Enum.class);
        }

        @Override
        public void serialize(Enum<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeFieldName(key(value));
        }
    }

    /** Reads a value written as its {@code toString()}: a duration, an instant. */
    private static final class Parsed<T> extends StdScalarDeserializer<T> {
        private final transient java.util.function.Function<String, T> parse;

        Parsed(Class<T> type, java.util.function.Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return parse.apply(text);
            } catch (RuntimeException e) {
                return (T) ctxt.handleWeirdStringValue(handledType(), text, "not a valid %s",
                        handledType().getSimpleName());
            }
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
                    Holder.PRETTY.forType(c);
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
}

package dev.r58ctl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The same JSON as {@link Json}'s mapper for records, enums, lists, maps, strings, numbers, paths, instants and
 * durations, on jackson-core's streaming parser and generator alone: for the paths that stay up for hours (the agent's
 * socket, the dashboard attached to it), where jackson-databind's classes and serializers would cost the board about a
 * fifth of the process's memory (docs/performance.md, "Memory"). The output is Json's byte for byte and either reads
 * the other's ({@code RecordJsonTest} checks that on generated values of every type the wire carries): keys snake_case
 * or as {@link JsonProperty} says, a Java name read as an alias (r58ctl 0.1.0's files), enum map keys as
 * {@link Json#key}, nulls left out where {@link JsonInclude} says so, {@link JsonUnwrapped} components inline, unknown
 * keys skipped, a missing component null (0 or false for a primitive).
 */
public final class RecordJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private RecordJson() {
    }

    /** One compact line, as {@code Json.mapper().writeValueAsString(value)}. */
    public static String line(Object value) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Reads {@code json} as {@code type} (a class, or a parameterized type such as {@code List<Foo>}); a part typed
     * {@link Void} is skipped unread.
     */
    public static <T> T read(String json, Type type) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            @SuppressWarnings("unchecked")
            T value = (T) read(p, type);
            return value;
        }
    }

    /** Reads the value at the parser's current token as {@code type}, leaving the parser on its last token. */
    public static Object read(JsonParser p, Type type) throws IOException {
        JsonToken t = p.currentToken();
        Class<?> raw = raw(type);
        if (t == JsonToken.VALUE_NULL) {
            return raw.isPrimitive() ? zero(raw) : null;
        }
        if (raw == Object.class) {
            return untyped(p);
        }
        if (raw == Void.class) {
            p.skipChildren(); // read past, unread
            return null;
        }
        if (raw == String.class) {
            return t.isScalarValue() ? p.getValueAsString() : fail(p, "a string");
        }
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw) || raw == Boolean.class) {
            return scalar(p, raw);
        }
        if (raw.isEnum()) {
            return enumValue(p, raw);
        }
        if (raw == Path.class || raw == Instant.class || raw == Duration.class) {
            String text = p.getValueAsString();
            if (text == null) {
                return fail(p, "a " + raw.getSimpleName().toLowerCase());
            }
            try {
                return raw == Path.class ? Path.of(text) : raw == Instant.class ? Instant.parse(text)
                        : Duration.parse(text);
            } catch (RuntimeException e) {
                return fail(p, "a valid " + raw.getSimpleName().toLowerCase());
            }
        }
        if (raw.isRecord()) {
            return record(p, raw, type);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return map(p, arg(type, 0), arg(type, 1));
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            Type item = raw.isArray() ? componentType(type) : arg(type, 0);
            if (t != JsonToken.START_ARRAY) {
                return fail(p, "an array");
            }
            List<Object> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(p, item));
            }
            if (raw.isArray()) {
                Object array = Array.newInstance(raw(item), items.size());
                for (int i = 0; i < items.size(); i++) {
                    Array.set(array, i, items.get(i));
                }
                return array;
            }
            return Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>(items) : items;
        }
        throw new IllegalArgumentException("RecordJson cannot read " + type);
    }

    /** Writes {@code value} as Json's mapper would. */
    public static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            g.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof Float f) {
            g.writeNumber(f);
        } else if (value instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (value instanceof Path || value instanceof Instant || value instanceof Duration) {
            g.writeString(value.toString());
        } else if (value instanceof Record r) {
            g.writeStartObject();
            fields(g, r);
            g.writeEndObject();
        } else if (value instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object k = e.getKey();
                g.writeFieldName(k instanceof Enum<?> en ? Json.key(en) : String.valueOf(k));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (value.getClass().isArray() && !(value instanceof byte[])) {
            g.writeStartArray();
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                write(g, Array.get(value, i));
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("RecordJson cannot write a " + value.getClass().getName());
        }
    }

    private static void fields(JsonGenerator g, Record r) throws IOException {
        Shape s = shape(r.getClass());
        for (int i = 0; i < s.parts.length; i++) {
            Part part = s.parts[i];
            Object v;
            try {
                v = part.component.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + part.component, e);
            }
            if (part.unwrapped) {
                if (v != null) {
                    fields(g, (Record) v);
                }
            } else if (v != null || !s.skipNulls) {
                g.writeFieldName(part.name);
                write(g, v);
            }
        }
    }

    private static Object record(JsonParser p, Class<?> type, Type generic) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return fail(p, "an object");
        }
        Shape s = shape(type);
        Map<String, Object> fields = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            Part part = s.byName.get(name);
            if (part == null) {
                p.skipChildren(); // a key this version does not know: a newer r58ctl wrote it
            } else {
                fields.put(name, read(p, resolve(part.type, generic)));
            }
        }
        return s.make(fields);
    }

    private static Object map(JsonParser p, Type key, Type value) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return fail(p, "an object");
        }
        Class<?> k = raw(key);
        Map<Object, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            Object mapKey = name;
            if (k.isEnum()) {
                mapKey = enumKey(p, k, name);
            }
            out.put(mapKey, read(p, value));
        }
        return out;
    }

    private static Object enumKey(JsonParser p, Class<?> type, String name) throws IOException {
        for (Object c : type.getEnumConstants()) {
            Enum<?> e = (Enum<?>) c;
            if (Json.key(e).equals(name) || e.name().equals(name)) {
                return e;
            }
        }
        return fail(p, "one of " + type.getSimpleName() + "'s keys, not '" + name + "'");
    }

    private static Object enumValue(JsonParser p, Class<?> type) throws IOException {
        String name = p.getValueAsString();
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(name)) {
                return c;
            }
        }
        return fail(p, "one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", not '" + name + "'");
    }

    private static Object scalar(JsonParser p, Class<?> type) throws IOException {
        JsonToken t = p.currentToken();
        if (type == boolean.class || type == Boolean.class) {
            if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                return t == JsonToken.VALUE_TRUE;
            }
            return fail(p, "true or false");
        }
        if (t == JsonToken.VALUE_STRING && (type == double.class || type == Double.class
                || type == float.class || type == Float.class)) {
            try {
                double d = Double.parseDouble(p.getText()); // "NaN", as Json's mapper writes a figure not measured
                return type == float.class || type == Float.class ? (Object) (float) d : (Object) d;
            } catch (NumberFormatException e) {
                return fail(p, "a number");
            }
        }
        if (!t.isNumeric()) {
            return fail(p, "a number");
        }
        if (type == int.class || type == Integer.class) {
            return p.getIntValue();
        } else if (type == long.class || type == Long.class) {
            return p.getLongValue();
        } else if (type == double.class || type == Double.class) {
            return p.getDoubleValue();
        } else if (type == float.class || type == Float.class) {
            return p.getFloatValue();
        } else if (type == short.class || type == Short.class) {
            return p.getShortValue();
        } else if (type == byte.class || type == Byte.class) {
            return p.getByteValue();
        }
        return p.getNumberValue();
    }

    private static Object untyped(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, untyped(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(untyped(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return t == JsonToken.VALUE_NUMBER_FLOAT ? p.getDoubleValue() : p.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return t == JsonToken.VALUE_TRUE;
            }
            default -> {
                return null;
            }
        }
    }

    private static Object fail(JsonParser p, String wanted) throws IOException {
        throw new com.fasterxml.jackson.core.JsonParseException(p, "expected " + wanted + " at '" + p.currentName()
                + "'");
    }

    private static Object zero(Class<?> primitive) {
        return Array.get(Array.newInstance(primitive, 1), 0);
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        } else if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        } else if (type instanceof GenericArrayType a) {
            return Array.newInstance(raw(a.getGenericComponentType()), 0).getClass();
        } else if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        } else if (type instanceof java.lang.reflect.TypeVariable<?> v) {
            return raw(v.getBounds()[0]);
        }
        return Object.class;
    }

    /**
     * {@code component}'s type with the type variables of its record filled in from {@code owner}, as in
     * {@code LatestAnswer<HealthStatus>}'s {@code T result}.
     */
    static Type resolve(Type component, Type owner) {
        if (!(owner instanceof ParameterizedType p)) {
            return component;
        }
        if (component instanceof java.lang.reflect.TypeVariable<?> v) {
            java.lang.reflect.TypeVariable<?>[] vars = ((Class<?>) p.getRawType()).getTypeParameters();
            for (int i = 0; i < vars.length; i++) {
                if (vars[i].getName().equals(v.getName())) {
                    return p.getActualTypeArguments()[i];
                }
            }
            return component;
        }
        if (component instanceof ParameterizedType c) {
            Type[] args = c.getActualTypeArguments().clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = resolve(args[i], owner);
            }
            return new Generic((Class<?>) c.getRawType(), args);
        }
        return component;
    }

    /** {@code raw<args>}, to read a generic record: {@code parameterized(Line.class, Hello.class)}. */
    public static ParameterizedType parameterized(Class<?> raw, Type... args) {
        return new Generic(raw, args.clone());
    }

    /** A parameterized type with its variables filled in. */
    private record Generic(Class<?> raw, Type[] args) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return args.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    }

    private static Type arg(Type type, int i) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[i] : Object.class;
    }

    private static Type componentType(Type type) {
        return type instanceof GenericArrayType a ? a.getGenericComponentType() : ((Class<?>) type).getComponentType();
    }

    /** snake_case as jackson-databind's {@code PropertyNamingStrategies.SNAKE_CASE} spells it. */
    static String snake(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        boolean prevUpper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 || c != '_') {
                if (Character.isUpperCase(c)) {
                    if (!prevUpper && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                        out.append('_');
                    }
                    c = Character.toLowerCase(c);
                    prevUpper = true;
                } else {
                    prevUpper = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, Shape::new);
    }

    /** A record component: its JSON name, its type, whether its fields are written inline. */
    private record Part(RecordComponent component, String name, Type type, boolean unwrapped, int index) {
    }

    /** How a record type reads and writes, worked out once per type. */
    private static final class Shape {
        final Part[] parts;
        final Map<String, Part> byName = new HashMap<>();
        final boolean skipNulls;
        final Constructor<?> make;

        Shape(Class<?> type) {
            RecordComponent[] rc = type.getRecordComponents();
            parts = new Part[rc.length];
            Class<?>[] types = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
                JsonProperty named = annotation(type, rc[i], JsonProperty.class);
                String name = named != null && !named.value().isEmpty() ? named.value() : snake(rc[i].getName());
                boolean unwrapped = annotation(type, rc[i], JsonUnwrapped.class) != null;
                parts[i] = new Part(rc[i], name, rc[i].getGenericType(), unwrapped, i);
                if (!unwrapped) {
                    byName.put(name, parts[i]);
                    byName.putIfAbsent(rc[i].getName(), parts[i]); // the Java name, as r58ctl 0.1.0 wrote it
                }
            }
            JsonInclude include = type.getAnnotation(JsonInclude.class);
            skipNulls = include != null && include.value() == JsonInclude.Include.NON_NULL;
            try {
                make = type.getDeclaredConstructor(types);
                make.setAccessible(true);
                for (RecordComponent c : rc) {
                    c.getAccessor().setAccessible(true);
                }
            } catch (NoSuchMethodException | RuntimeException e) {
                throw new IllegalArgumentException("RecordJson cannot make a " + type.getName(), e);
            }
        }

        Object make(Map<String, Object> fields) throws IOException {
            Object[] args = new Object[parts.length];
            for (Part part : parts) {
                Object v;
                if (part.unwrapped) {
                    v = unwrapped(part, fields);
                } else {
                    v = fields.containsKey(part.name) ? fields.get(part.name) : fields.get(part.component.getName());
                }
                Class<?> raw = part.component.getType();
                args[part.index] = v == null && raw.isPrimitive() ? zero(raw) : v;
            }
            try {
                return make.newInstance(args);
            } catch (InvocationTargetException e) {
                throw new IOException("cannot make a " + make.getDeclaringClass().getSimpleName() + ": "
                        + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot make a " + make.getDeclaringClass().getSimpleName(), e);
            }
        }

        /** An unwrapped component is read from the keys its own record has; not supported on reading yet. */
        private static Object unwrapped(Part part, Map<String, Object> fields) {
            throw new IllegalArgumentException("RecordJson cannot read the unwrapped component " + part.component);
        }

        private static <A extends java.lang.annotation.Annotation> A annotation(Class<?> type, RecordComponent c,
                                                                               Class<A> a) {
            A on = c.getAnnotation(a);
            if (on != null) {
                return on;
            }
            try {
                java.lang.reflect.Field f = type.getDeclaredField(c.getName());
                on = f.getAnnotation(a);
                if (on != null) {
                    return on;
                }
            } catch (NoSuchFieldException e) {
                // a record always has it
            }
            for (java.lang.reflect.Constructor<?> k : type.getDeclaredConstructors()) {
                if (k.getParameterCount() == type.getRecordComponents().length) {
                    for (java.lang.annotation.Annotation x : k.getParameterAnnotations()[indexOf(type, c)]) {
                        if (a.isInstance(x)) {
                            return a.cast(x);
                        }
                    }
                }
            }
            return null;
        }

        private static int indexOf(Class<?> type, RecordComponent c) {
            RecordComponent[] all = type.getRecordComponents();
            for (int i = 0; i < all.length; i++) {
                if (all[i].getName().equals(c.getName())) {
                    return i;
                }
            }
            return 0;
        }
    }
}

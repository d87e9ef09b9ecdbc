package dev.r58ctl;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleKeyDeserializers;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * How files written by r58ctl 0.1.0 still read, in one place: that version wrote record components under their Java
 * names ({@code runId}, {@code startedAt}) and enum map keys as the constants' names ({@code GENERIC}); this one writes
 * {@code run_id} and {@code generic}. On read, a property also answers to its Java name (an alias, so a file may mix
 * both), and an enum map key is either spelling.
 */
final class JsonCompat {
    /** Adds each record component's and field's Java name as an alias of its snake_case name. */
    static final JacksonAnnotationIntrospector INTROSPECTOR = new JacksonAnnotationIntrospector() {
        private static final long serialVersionUID = 1L;

        @Override
        public List<PropertyName> findPropertyAliases(Annotated member) {
            List<PropertyName> own = super.findPropertyAliases(member);
            String java = javaName(member);
            if (java == null || java.chars().noneMatch(Character::isUpperCase)) {
                return own;
            }
            List<PropertyName> out = own == null ? new ArrayList<>() : new ArrayList<>(own);
            out.add(PropertyName.construct(java));
            return out;
        }
    };

    /** Enum map keys in either spelling. */
    static final SimpleKeyDeserializers ENUM_KEYS = new SimpleKeyDeserializers() {
        private static final long serialVersionUID = 1L;

        @Override
        public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config,
                                                   BeanDescription beanDesc) {
            return type.isEnumType() ? new EnumKeys(type.getRawClass()) : null;
        }
    };

    private JsonCompat() {
    }

    /** The Java name of a record's canonical-constructor parameter or of a field; else null. */
    private static String javaName(Annotated member) {
        if (member instanceof AnnotatedField f) {
            return f.getName();
        }
        if (member instanceof AnnotatedParameter p) {
            Class<?> owner = p.getDeclaringClass();
            if (owner.isRecord()) {
                RecordComponent[] rc = owner.getRecordComponents();
                if (p.getOwner().getParameterCount() == rc.length && p.getIndex() < rc.length
                        && p.getRawType() == rc[p.getIndex()].getType()) {
                    return rc[p.getIndex()].getName();
                }
            }
        }
        return null;
    }

    /** Reads {@code generic} (this version) or {@code GENERIC} (0.1.0). */
    private static final class EnumKeys extends KeyDeserializer {
        private final Class<?> type;

        EnumKeys(Class<?> type) {
            this.type = type;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            for (Object c : type.getEnumConstants()) {
                Enum<?> e = (Enum<?>) c;
                if (Json.key(e).equals(key) || e.name().equals(key)) {
                    return e;
                }
            }
            return ctxt.handleWeirdKey(type, key, "not one of %s", java.util.Arrays.toString(
                    java.util.Arrays.stream(type.getEnumConstants()).map(c -> Json.key((Enum<?>) c)).toArray()));
        }
    }
}

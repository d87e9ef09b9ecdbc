package dev.r58ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.engine.EngineEvent;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordJson} against {@link Json}'s mapper (jackson-databind), on generated values of every type the agent's
 * socket and the remote link carry: the same text byte for byte, and each reads the other's back to an equal value.
 */
class RecordJsonTest {
    private static final int VALUES_PER_TYPE = 40;

    /** Every event, the hello, the snapshot and the command: what Wire writes and reads. */
    static List<Class<?>> wireTypes() throws ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>(List.of(EngineEvent.class.getPermittedSubclasses()));
        for (String n : List.of("dev.r58ctl.remote.Wire$Hello", "dev.r58ctl.remote.Wire$Command",
                "dev.r58ctl.remote.AgentSnapshot")) {
            out.add(Class.forName(n));
        }
        return out;
    }

    @Test
    void writesWhatTheMapperWritesAndEachReadsTheOther() throws Exception {
        Random random = new Random(58);
        int checked = 0;
        for (Class<?> type : wireTypes()) {
            for (int i = 0; i < VALUES_PER_TYPE; i++) {
                Object value = new Values(random).make(type, 0);
                String mapper = Json.mapper().writeValueAsString(value);
                String own = RecordJson.line(value);
                assertEquals(mapper, own, type.getName());
                if (type.getSimpleName().equals("Command")) {
                    continue; // its arguments read back as plain JSON values (checked below)
                }
                // compared as the mapper writes them: records holding arrays are not equal() to a copy
                assertEquals(mapper, Json.mapper().writeValueAsString(RecordJson.read(mapper, type)), type.getName());
                assertEquals(mapper, Json.mapper().writeValueAsString(Json.mapper().readValue(own, type)),
                        type.getName());
                checked++;
            }
        }
        assertTrue(checked > 500, "values checked: " + checked);
    }

    @Test
    void commandArgumentsReadAsPlainValues() throws Exception {
        record Cmd(String cmd, List<Object> args) {
        }
        Cmd c = RecordJson.read("{\"cmd\":\"applyPatch\",\"args\":[\"a.patch\",true,3,2.5,null,[\"x\"],{\"k\":1}],"
                + "\"newer\":{\"a\":[1,{}]}}", Cmd.class);
        assertEquals("applyPatch", c.cmd());
        assertEquals(java.util.Arrays.asList("a.patch", true, 3, 2.5, null, List.of("x"), Map.of("k", 1)), c.args());
    }

    @Test
    void snakeCaseAsTheMapperSpellsIt() {
        for (String n : List.of("sampledMillis", "h264Encoder", "bootID", "aBC", "x", "cpuPct", "_x", "mpp2Ok")) {
            assertEquals(com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class.cast(
                    com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE).translate(n),
                    RecordJson.snake(n), n);
        }
    }

    @Test
    void enumMapKeysAsTheMapperWritesThem() throws Exception {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(dev.r58ctl.config.Platform.GENERIC, List.of(Duration.ofSeconds(5), Instant.EPOCH, Path.of("/a b")));
        m.put(dev.r58ctl.config.Platform.R58, Map.of("k", Double.NaN));
        assertEquals(Json.mapper().writeValueAsString(m), RecordJson.line(m));
    }

    @Test
    void olderNamesAndUnknownKeysRead() throws IOException {
        record Run(String runId, int framesSeen, Map<dev.r58ctl.config.Platform, Integer> byPlatform) {
        }
        Run r = RecordJson.read("{\"runId\":\"a\",\"frames_seen\":3,\"later\":[1,2],\"by_platform\":{\"GENERIC\":1}}",
                Run.class);
        assertEquals(new Run("a", 3, Map.of(dev.r58ctl.config.Platform.GENERIC, 1)), r);
        assertEquals(new Run(null, 0, null), RecordJson.read("{}", Run.class));
    }

    @Test
    void wrongShapesAreOneClearError() {
        record Run(int frames, List<String> names) {
        }
        IOException e = assertThrows(IOException.class, () -> RecordJson.read("{\"frames\":\"many\"}", Run.class));
        assertTrue(e.getMessage().contains("expected a number at 'frames'"), e.getMessage());
        assertThrows(IOException.class, () -> RecordJson.read("{\"names\":{}}", Run.class));
        assertThrows(IOException.class, () -> RecordJson.read("{\"frames\":", Run.class));
    }

    /** Random values of a type: records filled component by component, nulls now and then below the top. */
    private static final class Values {
        private final Random r;

        Values(Random r) {
            this.r = r;
        }

        Object make(Type type, int depth) {
            Class<?> raw = RecordJson.raw(type);
            if (depth > 0 && !raw.isPrimitive() && (r.nextInt(8) == 0 || depth > 7)) {
                return null;
            }
            if (raw == String.class || raw == Object.class) {
                return List.of("", "cam0", "a \"quoted\" line\n", "é ✓ ключ", "x264enc bitrate=4000").get(r.nextInt(5));
            }
            if (raw == int.class || raw == Integer.class) {
                return r.nextInt(2) == 0 ? r.nextInt(100) : r.nextInt();
            }
            if (raw == long.class || raw == Long.class) {
                return r.nextInt(2) == 0 ? (long) r.nextInt(100) : r.nextLong();
            }
            if (raw == double.class || raw == Double.class) {
                return switch (r.nextInt(5)) {
                    case 0 -> Double.NaN;
                    case 1 -> (double) r.nextInt(50);
                    default -> r.nextDouble() * 1000;
                };
            }
            if (raw == boolean.class || raw == Boolean.class) {
                return r.nextBoolean();
            }
            if (raw.isEnum()) {
                Object[] c = raw.getEnumConstants();
                return c[r.nextInt(c.length)];
            }
            if (raw == Path.class) {
                return Path.of("/var/lib/r58ctl/patches/a b.patch");
            }
            if (raw == Instant.class) {
                return Instant.ofEpochMilli(1_700_000_000_000L + r.nextInt(1_000_000_000));
            }
            if (raw == Duration.class) {
                return Duration.ofMillis(r.nextInt(1_000_000));
            }
            if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
                Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
                List<Object> l = new ArrayList<>();
                for (int i = r.nextInt(3); i > 0; i--) {
                    Object v = make(item, depth + 1);
                    l.add(v == null ? make(item, 0) : v);
                }
                return Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>(l) : l;
            }
            if (Map.class.isAssignableFrom(raw)) {
                Type[] kv = ((ParameterizedType) type).getActualTypeArguments();
                Map<Object, Object> m = new LinkedHashMap<>();
                for (int i = r.nextInt(3); i > 0; i--) {
                    m.put(make(kv[0], 0), make(kv[1], depth + 1));
                }
                return m;
            }
            if (raw.isArray()) {
                Object a = java.lang.reflect.Array.newInstance(raw.getComponentType(), 1);
                java.lang.reflect.Array.set(a, 0, make(raw.getComponentType(), 0));
                return a;
            }
            if (raw.isRecord()) {
                RecordComponent[] rc = raw.getRecordComponents();
                Class<?>[] types = new Class<?>[rc.length];
                for (int i = 0; i < rc.length; i++) {
                    types[i] = rc[i].getType();
                }
                for (int attempt = 0; ; attempt++) {
                    Object[] args = new Object[rc.length];
                    for (int i = 0; i < rc.length; i++) {
                        args[i] = make(RecordJson.resolve(rc[i].getGenericType(), type), attempt < 20 ? depth + 1 : 0);
                    }
                    try {
                        Constructor<?> k = raw.getDeclaredConstructor(types);
                        k.setAccessible(true);
                        return k.newInstance(args);
                    } catch (IllegalArgumentException e) {
                        throw new AssertionError("cannot make a " + raw.getName() + " of " + java.util.Arrays.toString(
                                java.util.Arrays.stream(args).map(a -> a == null ? null : a.getClass()).toArray()), e);
                    } catch (ReflectiveOperationException e) {
                        if (attempt > 40) {
                            throw new AssertionError("cannot make a " + raw.getName(), e);
                        }
                    }
                }
            }
            throw new AssertionError("no generator for " + type);
        }
    }
}

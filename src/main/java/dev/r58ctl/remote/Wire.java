package dev.r58ctl.remote;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.r58ctl.RecordJson;
import dev.r58ctl.config.KnownEncoder;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.guard.GuardResult;
import dev.r58ctl.kernel.PreviousBoot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's protocol over an SSH exec channel, one JSON object a line. The board writes
 * {@code {"type": "hello", "event": Hello}} first, then every {@link EngineEvent} as
 * {@code {"type": "<record name>", "event": {...}}} and {@code {"type": "patches", "event": [...]}} when its patch
 * files change; the laptop writes {@link Command}s. stdin's end means the laptop went away.
 */
final class Wire {
    /** 2: snake_case keys (r58ctl's one JSON style); a laptop on 1 is refused in one line. */
    static final int PROTOCOL = 2;
    private static final Map<String, Class<?>> EVENTS = new HashMap<>();

    static {
        for (Class<?> c : EngineEvent.class.getPermittedSubclasses()) {
            EVENTS.put(c.getSimpleName(), c);
        }
    }

    private Wire() {
    }

    /**
     * What the dashboard asks the board synchronously, answered once at connection.
     *
     * @param protocol     {@link #PROTOCOL}
     * @param version      the board's r58ctl version
     * @param bootId       the board's boot id (a new one: it rebooted)
     * @param tickMillis   the board's {@code monitor.interval_ms}
     * @param kernelSource the kernel source the board reads, or why none
     * @param patchDir     where the board's patch files are
     * @param patches      the patch files there
     * @param encoders     per camera, the encoders it may switch to
     * @param previousBoot what the board's previous boot left
     * @param guard        the boot guard's last run, or null
     * @param shared       true when the engine is r58ctl agent's, shared with other front ends: leaving it stops
     *                     nothing (false from an older board, whose engine was the front end's own)
     */
    record Hello(int protocol, String version, String bootId, long tickMillis, String kernelSource, String patchDir,
                 List<String> patches, Map<String, List<KnownEncoder>> encoders, PreviousBoot.Report previousBoot,
                 GuardResult guard, boolean shared) {
    }

    /** A command for the board's engine: an {@code EngineLink} method's name and its arguments. */
    record Command(String cmd, List<Object> args) {
    }

    /** One decoded line: {@code value} is an EngineEvent, a Hello, or the list of patch files. */
    record Message(String type, Object value) {
    }

    static String line(String type, Object value) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(); // the type first, for whoever reads the stream by eye
        m.put("type", type);
        m.put("event", value);
        return RecordJson.line(m);
    }

    static String event(EngineEvent e) {
        return line(e.getClass().getSimpleName(), e);
    }

    static String command(String cmd, Object... args) {
        return RecordJson.line(new Command(cmd, java.util.Arrays.asList(args)));
    }

    /** Reads a command from a front end; its arguments are plain JSON values (strings, booleans, lists). */
    static Command readCommand(String line) throws JsonProcessingException {
        try {
            return RecordJson.read(line, Command.class);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new JsonParseException(null, e.getMessage());
        }
    }

    /** Reads one line from the board; a type this side does not know (a newer board) is skipped as null. */
    static Message read(String line) throws JsonProcessingException {
        try {
            String type = RecordJson.<Typed<Void>>read(line, RecordJson.parameterized(Typed.class, Void.class)).type();
            Class<?> c = switch (type == null ? "" : type) {
                case "hello" -> Hello.class;
                case "patches" -> String[].class;
                case "snapshot" -> AgentSnapshot.class;
                default -> EVENTS.get(type);
            };
            if (c == null) {
                return null;
            }
            Object event = RecordJson.<Typed<?>>read(line, RecordJson.parameterized(Typed.class, c)).event();
            return new Message(type, event instanceof String[] a ? List.of(a) : event);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new JsonParseException(null, e.getMessage());
        }
    }

    /** A line as written: its type, and its event read as {@code E}. */
    private record Typed<E>(String type, E event) {
    }
}

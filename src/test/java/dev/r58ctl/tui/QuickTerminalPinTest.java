package dev.r58ctl.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.terminal.ansi.UnixLikeTTYTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the Lanterna internals {@link QuickTerminal} overrides. QuickTerminal collects the raw-mode settings that
 * Lanterna's constructor asks for one by one and applies them with one stty; it relies on (1) these protected methods
 * existing with these signatures, and (2) the constructor calling save, then canonical mode, echo and Ctrl-C
 * handling, before it returns. A Lanterna upgrade that changes either fails here, not on an operator's terminal.
 */
class QuickTerminalPinTest {
    @Test
    void theOverriddenMethodsExistAsQuickTerminalExpects() throws Exception {
        Class<?> tty = UnixLikeTTYTerminal.class;
        for (Method m : List.of(
                tty.getDeclaredMethod("saveTerminalSettings"),
                tty.getDeclaredMethod("restoreTerminalSettings"),
                tty.getDeclaredMethod("canonicalMode", boolean.class),
                tty.getDeclaredMethod("keyEchoEnabled", boolean.class),
                tty.getDeclaredMethod("keyStrokeSignalsEnabled", boolean.class),
                tty.getDeclaredMethod("runSTTYCommand", String[].class),
                tty.getDeclaredMethod("exec", String[].class))) {
            assertTrue(Modifier.isProtected(m.getModifiers()), m + " is no longer protected");
            assertTrue(!Modifier.isStatic(m.getModifiers()) && !Modifier.isFinal(m.getModifiers()), m + " cannot be overridden");
        }
        assertEquals(String.class, tty.getDeclaredMethod("exec", String[].class).getReturnType());
        assertTrue(UnixTerminal.class.getConstructor(java.io.InputStream.class, java.io.OutputStream.class,
                java.nio.charset.Charset.class, UnixLikeTerminal.CtrlCBehaviour.class) != null);
        // QuickTerminal overrides every one of them (a rename on our side is caught too)
        for (String name : List.of("saveTerminalSettings", "restoreTerminalSettings", "canonicalMode", "keyEchoEnabled",
                "keyStrokeSignalsEnabled")) {
            assertTrue(java.util.Arrays.stream(QuickTerminal.class.getDeclaredMethods()).anyMatch(m -> m.getName().equals(name)),
                    "QuickTerminal no longer overrides " + name);
        }
    }

    @Test
    void theConstructorAsksForRawModeSettingBySettingBeforeItReturns() throws Exception {
        Probe probe = new Probe();
        List<String> inConstructor = List.copyOf(Probe.calls);
        assertEquals(List.of("save", "canonicalMode false", "keyEchoEnabled false", "keyStrokeSignalsEnabled false"),
                inConstructor.stream().filter(c -> !c.startsWith("exec") && !c.startsWith("stty")).toList(),
                "Lanterna's constructor changed the order or the set of settings it asks for");
        assertTrue(inConstructor.stream().noneMatch(c -> c.startsWith("exec") || c.startsWith("stty")),
                "with every setting overridden, nothing runs stty during construction: " + inConstructor);
        probe.close();
    }

    /** A UnixTerminal on pipes whose settings calls are recorded and never reach stty. */
    static final class Probe extends UnixTerminal {
        static final List<String> calls = new ArrayList<>();

        Probe() throws IOException {
            super(new PipedInputStream(new PipedOutputStream()), new ByteArrayOutputStream(), StandardCharsets.UTF_8,
                    CtrlCBehaviour.TRAP);
        }

        @Override
        protected void saveTerminalSettings() {
            calls.add("save");
        }

        @Override
        protected void restoreTerminalSettings() {
            calls.add("restore");
        }

        @Override
        protected void canonicalMode(boolean enabled) {
            calls.add("canonicalMode " + enabled);
        }

        @Override
        protected void keyEchoEnabled(boolean enabled) {
            calls.add("keyEchoEnabled " + enabled);
        }

        @Override
        protected void keyStrokeSignalsEnabled(boolean enabled) {
            calls.add("keyStrokeSignalsEnabled " + enabled);
        }

        @Override
        protected String runSTTYCommand(String... parameters) {
            calls.add("stty " + String.join(" ", parameters));
            return "";
        }

        @Override
        protected String exec(String... cmd) {
            calls.add("exec " + String.join(" ", cmd));
            return "";
        }
    }
}

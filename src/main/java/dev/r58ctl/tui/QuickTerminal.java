package dev.r58ctl.tui;

import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lanterna's {@link UnixTerminal} on this process's stdin and stdout, put in raw mode by one process instead of five:
 * while Lanterna's constructor asks for each setting in turn (no line editing, no echo, Ctrl-C as a key), the words
 * are collected, then one {@code sh} runs {@code stty -g} (the settings to restore, kept here) and one stty with them
 * all as arguments (the shell's text is fixed). Each process the JVM starts costs the start-up 10-20 ms here.
 *
 * <p>Ctrl-C comes as a key (TRAP): Lanterna's own handling called {@code System.exit(1)} from the key reader, which
 * cut every recording; the dashboard quits on it as on q. The dashboard puts the terminal back itself
 * ({@link Terminals#putBack}) and then {@link #release}s it: Lanterna's restore at exit, a shutdown hook that writes
 * to the terminal and runs stty with no time limit, does nothing after that, so a terminal that is gone or frozen
 * cannot hold the JVM's exit. The early screen, closed before anything is printed, keeps Lanterna's restore.
 */
final class QuickTerminal extends UnixTerminal {
    /** False while Lanterna's constructor runs: its settings are collected, not applied one by one. */
    private boolean constructed;
    private List<String> words;
    private String saved;
    /** Set once the terminal is put back or known to be gone: nothing writes to it or runs stty on it after that. */
    private volatile boolean released;

    QuickTerminal() throws IOException {
        super(System.in, System.out, StandardCharsets.UTF_8, CtrlCBehaviour.TRAP);
        synchronized (this) {
            // one process: sh runs stty twice (the settings to restore, then the new ones, as arguments)
            List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                    "stty -g && if [ $# -gt 0 ]; then stty \"$@\"; fi", "sh"));
            command.addAll(words == null ? List.of() : words);
            String out = exec(command.toArray(String[]::new)).trim();
            saved = out.isEmpty() || out.contains(" ") ? null : out; // not a -g line: nothing to restore
            constructed = true;
        }
    }

    @Override
    protected void saveTerminalSettings() {
        // the constructor keeps them, in the same process that applies the new settings
    }

    @Override
    protected void restoreTerminalSettings() throws IOException {
        if (released) {
            return; // before the lock: a size query waiting for a terminal that never answers holds it for seconds
        }
        synchronized (this) {
            if (saved != null) {
                runSTTYCommand(saved);
            }
        }
    }

    /** The settings as they were before the dashboard (one stty process). */
    void restoreSettings() throws IOException {
        restoreTerminalSettings();
    }

    /** From now on Lanterna's restore at exit leaves the terminal alone. */
    void release() {
        released = true;
    }

    @Override
    public void exitPrivateMode() throws IOException {
        if (!released) {
            super.exitPrivateMode();
        }
    }

    @Override
    protected void canonicalMode(boolean enabled) throws IOException {
        apply(enabled ? List.of("icanon") : List.of("-icanon", "min", "1"));
    }

    @Override
    protected void keyEchoEnabled(boolean enabled) throws IOException {
        apply(List.of(enabled ? "echo" : "-echo"));
    }

    @Override
    protected void keyStrokeSignalsEnabled(boolean enabled) throws IOException {
        apply(List.of("intr", enabled ? "^C" : "undef"));
    }

    private void apply(List<String> setting) throws IOException {
        if (released) {
            return; // Lanterna's restore at exit turns Ctrl-C back on: the settings put back hold it already
        }
        if (constructed) {
            runSTTYCommand(setting.toArray(String[]::new));
            return;
        }
        if (words == null) {
            words = new ArrayList<>(); // Lanterna's constructor calls before this class's fields are initialised
        }
        words.addAll(setting);
    }
}

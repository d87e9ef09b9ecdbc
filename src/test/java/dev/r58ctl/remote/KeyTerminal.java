package dev.r58ctl.remote;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Lanterna's virtual terminal with keys from a queue of its own: its {@code readInput} blocks while holding the
 * terminal's lock, which would stop the dashboard's drawing thread for as long as no key comes.
 */
final class KeyTerminal extends DefaultVirtualTerminal {
    private final BlockingQueue<KeyStroke> keys = new LinkedBlockingQueue<>();

    KeyTerminal(TerminalSize size) {
        super(size);
    }

    void press(char c) {
        keys.add(new KeyStroke(c, false, false));
    }

    @Override
    public KeyStroke readInput() {
        try {
            return keys.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public KeyStroke pollInput() {
        return keys.poll();
    }
}

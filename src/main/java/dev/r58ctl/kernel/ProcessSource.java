package dev.r58ctl.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Kernel lines from a command's output: {@code journalctl -k} or {@code dmesg}, run from an argument list.
 * Both print this boot from its start, so a line's index is a stable sequence number.
 */
public final class ProcessSource implements KernelSource {
    private static final Pattern JOURNAL_PREFIX = Pattern.compile("^(\\[\\s*\\d+\\.\\d+\\]) kernel: ");

    private final String name;
    private final String logId;
    private final Process process;
    private final BufferedReader out;
    private long seq;
    private volatile boolean closed;

    private ProcessSource(String name, String logId, List<String> command) throws IOException {
        this.name = name;
        this.logId = logId;
        this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** This boot's kernel log from the journal; follows when asked. */
    public static ProcessSource journal(boolean follow, String bootId) throws IOException {
        return new ProcessSource("journalctl", bootId, follow
                ? List.of("journalctl", "-k", "-b", "0", "-f", "-n", "all", "--no-pager", "-o", "short-monotonic", "--no-hostname")
                : List.of("journalctl", "-k", "-b", "0", "--no-pager", "-o", "short-monotonic", "--no-hostname"));
    }

    /** The previous boot's kernel log from the journal. */
    public static ProcessSource previousBoot() throws IOException {
        return new ProcessSource("journalctl -b -1", "previous-boot",
                List.of("journalctl", "-k", "-b", "-1", "--no-pager", "-o", "short-monotonic", "--no-hostname"));
    }

    /** The kernel ring buffer through dmesg. */
    public static ProcessSource dmesg(boolean follow, String bootId) throws IOException {
        return new ProcessSource("dmesg", bootId, follow
                ? List.of("dmesg", "--nopager", "--follow")
                : List.of("dmesg", "--nopager"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String logId() {
        return logId;
    }

    @Override
    public KernelLine next() throws IOException {
        while (!closed) {
            String raw;
            try {
                raw = out.readLine();
            } catch (IOException e) {
                if (closed) {
                    return null;
                }
                throw e;
            }
            if (raw == null) {
                return null;
            }
            if (raw.startsWith("-- ")) {
                continue; // journalctl's "-- No entries --" and boot separators
            }
            raw = JOURNAL_PREFIX.matcher(raw).replaceFirst("$1 ");
            return KernelText.fromText(raw, ++seq, System.currentTimeMillis());
        }
        return null;
    }

    /** Waits for a dump-mode command to end and returns its exit code (-1 when it did not end in time). */
    public int exitCode(long timeoutMillis) {
        try {
            return process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        closed = true;
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            out.close();
        } catch (IOException | InterruptedException ignored) {
            // the process is gone either way
        }
    }
}

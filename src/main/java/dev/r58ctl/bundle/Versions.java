package dev.r58ctl.bundle;

import dev.r58ctl.host.Exec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the bundle was made on: r58ctl (as the caller reports it), Java, GStreamer, the kernel and the board model.
 * Programs are run from argument lists with a short deadline; whatever cannot be learned is one line saying why,
 * and is also listed as missing.
 */
final class Versions {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final List<String> lines = new ArrayList<>();
    private final List<Map.Entry<String, String>> missing = new ArrayList<>();

    /** Collects every version; {@code program} is r58ctl's own version lines, {@code model} the device-tree file. */
    static Versions collect(List<String> program, Path model) {
        Versions v = new Versions();
        v.lines.add("r58ctl:    " + String.join(" | ", program));
        v.lines.add("java:      " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + ", " + System.getProperty("java.vendor") + ")");
        v.lines.add("gstreamer: " + v.run("GStreamer version", List.of("gst-inspect-1.0", "--version")));
        v.lines.add("kernel:    " + v.run("kernel version", List.of("uname", "-a")));
        v.lines.add("board:     " + v.model(model));
        return v;
    }

    String text() {
        return String.join("\n", lines) + "\n";
    }

    /** What could not be learned: (what, why). */
    List<Map.Entry<String, String>> missing() {
        return missing;
    }

    private String run(String what, List<String> argv) {
        try {
            Exec.Result r = Exec.run(argv, TIMEOUT);
            if (r.exit() == 0 && !r.out().isBlank()) {
                return String.join(" | ", r.out().strip().lines().toList());
            }
            return unknown(what, String.join(" ", argv) + ": exit " + r.exit() + " " + r.firstErrorLine());
        } catch (IOException e) {
            return unknown(what, argv.get(0) + " cannot be run: " + e.getMessage());
        }
    }

    private String model(Path file) {
        try {
            // the device tree's strings end in NUL
            return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).replace("\0", "").strip();
        } catch (IOException e) {
            return unknown("board model", file + " not present (no device tree: not an ARM board)");
        }
    }

    private String unknown(String what, String why) {
        missing.add(Map.entry(what, why));
        return "unknown (" + why + ")";
    }
}

package dev.r58ctl.checklist;

import dev.r58ctl.AtomicFile;
import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Camera;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Test with 2 cameras first", then "enable cameras 3 and 4": sets {@code enabled:} of cameras in the recorder's own
 * configuration file ({@code recorder.config}), changing only those values (comments, order and every other byte
 * stay), and writes it atomically. The first two go in before the deploy, which restarts the recorder with them;
 * cameras 3 and 4 restart the recorder and wait for health. A camera without an {@code enabled:} line in block
 * style is refused with nothing written.
 */
final class CameraSwitch {
    private static final Pattern TOP = Pattern.compile("cameras:\\s*(#.*)?");
    private static final Pattern ENABLED = Pattern.compile("(\\s+enabled:\\s*)(true|false)(\\s*(#.*)?)");

    private CameraSwitch() {
    }

    /** The first two cameras on, the others off. */
    static Evidence first(StepContext ctx) {
        List<Camera> cams = ctx.config.cameras();
        if (cams.size() < 2) {
            return Evidence.failed("only " + cams.size() + " camera(s) configured; the migration plan tests with 2 "
                    + "first");
        }
        Map<String, Boolean> want = new java.util.LinkedHashMap<>();
        for (int i = 0; i < cams.size(); i++) {
            want.put(cams.get(i).id(), i < 2);
        }
        return set(ctx, want, false);
    }

    /** Cameras 3 and 4 on, then a restart. */
    static Evidence rest(StepContext ctx) {
        List<Camera> cams = ctx.config.cameras();
        if (cams.size() < 3) {
            return Evidence.failed("only " + cams.size() + " camera(s) configured: no cameras 3 and 4 to enable");
        }
        Map<String, Boolean> want = new java.util.LinkedHashMap<>();
        cams.subList(2, Math.min(4, cams.size())).forEach(c -> want.put(c.id(), true));
        return set(ctx, want, true);
    }

    private static Evidence set(StepContext ctx, Map<String, Boolean> want, boolean restart) {
        Path file = ctx.config.recorder().config();
        if (file == null || !Files.isRegularFile(file)) {
            return Evidence.failed("recorder.config " + file + " is not a file: r58ctl enables cameras in the "
                    + "recorder's own configuration file");
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            AtomicFile.write(file, edit(file, text, want).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw R58Exception.failed("cannot rewrite " + file + ": " + e.getMessage());
        }
        List<String> on = new ArrayList<>();
        List<String> off = new ArrayList<>();
        want.forEach((id, v) -> (v ? on : off).add(id));
        String what = String.join(", ", on) + " enabled" + (off.isEmpty() ? "" : ", " + String.join(", ", off)
                + " disabled") + " in " + file;
        ctx.listener.progress(what);
        Evidence e = restart ? MigrationSteps.restart(ctx, what) : Evidence.ok(what + "; the deploy restarts the "
                + "recorder with them");
        return e.withCommit(MigrationSteps.head(ctx));
    }

    /** {@code text} with each camera's {@code enabled:} value set; refuses a camera it cannot find a line for. */
    static String edit(Path file, String text, Map<String, Boolean> want) {
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        int top = -1;
        for (int i = 0; i < lines.size() && top < 0; i++) {
            top = TOP.matcher(lines.get(i)).matches() ? i : -1;
        }
        for (Map.Entry<String, Boolean> w : want.entrySet()) {
            int line = enabledLine(lines, top, w.getKey());
            if (line < 0) {
                throw R58Exception.failed(file + ": camera " + w.getKey() + " has no `enabled: true|false` line under "
                        + "cameras: (block style) for r58ctl to set; nothing was changed");
            }
            Matcher m = ENABLED.matcher(lines.get(line));
            m.matches();
            lines.set(line, m.group(1) + w.getValue() + m.group(3));
        }
        return String.join(eol, lines);
    }

    private static int enabledLine(List<String> lines, int top, String camera) {
        if (top < 0) {
            return -1;
        }
        Pattern key = Pattern.compile("(\\s+)" + Pattern.quote(camera) + ":\\s*(#.*)?");
        for (int i = top + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.isBlank() && !l.startsWith(" ") && !l.startsWith("#")) {
                return -1; // the next top-level key: the cameras: section ended
            }
            Matcher k = key.matcher(l);
            if (k.matches()) {
                int indent = k.group(1).length();
                for (int j = i + 1; j < lines.size(); j++) {
                    String b = lines.get(j);
                    if (!b.isBlank() && !b.strip().startsWith("#") && indent(b) <= indent) {
                        return -1;
                    }
                    if (ENABLED.matcher(b).matches()) {
                        return j;
                    }
                }
            }
        }
        return -1;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}

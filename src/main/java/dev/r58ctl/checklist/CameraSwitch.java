package dev.r58ctl.checklist;

import dev.r58ctl.AtomicFile;
import dev.r58ctl.DiskFull;
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

    /**
     * The first two cameras the recorder's file enables stay on, its other enabled ones go off. A camera the file
     * already disables (nothing on that input) is left alone, here and when the rest are enabled again.
     */
    static Evidence first(StepContext ctx) {
        List<Camera> cams = ctx.config.cameras().stream().filter(Camera::enabled).toList();
        if (cams.size() < 2) {
            return Evidence.failed("only " + cams.size() + " camera(s) enabled in the recorder's file; the migration "
                    + "plan tests with 2 first");
        }
        Map<String, Boolean> want = new java.util.LinkedHashMap<>();
        for (int i = 0; i < cams.size(); i++) {
            want.put(cams.get(i).id(), i < 2);
        }
        return set(ctx, want, false);
    }

    /**
     * The cameras the first step turned off (cameras 3 and 4) on again, then a restart. When it turned none off (the
     * file already had only two enabled) or left no record: the two cameras after the first two enabled ones.
     */
    static Evidence rest(StepContext ctx) {
        List<String> ids = turnedOff(ctx.evidenceOf(StepOperation.CAMERAS_FIRST));
        if (ids == null || ids.isEmpty()) {
            List<Camera> cams = ctx.config.cameras();
            List<String> firstTwo = cams.stream().filter(Camera::enabled).limit(2).map(Camera::id).toList();
            ids = cams.stream().map(Camera::id).filter(id -> !firstTwo.contains(id)).limit(2).toList();
        }
        if (ids.isEmpty()) {
            return Evidence.failed("only " + ctx.config.cameras().size() + " camera(s) configured: no cameras 3 and 4 "
                    + "to enable");
        }
        Map<String, Boolean> want = new java.util.LinkedHashMap<>();
        ids.forEach(id -> want.put(id, true));
        return set(ctx, want, true);
    }

    /** The ids the first step's evidence says it disabled ("cam0, cam2 enabled, cam3 disabled in FILE"), or null. */
    static List<String> turnedOff(StepRecord first) {
        if (first == null || first.detail() == null) {
            return null;
        }
        Matcher m = Pattern.compile(" enabled(?:, (.+?) disabled)? in ").matcher(first.detail());
        if (!m.find()) {
            return null;
        }
        return m.group(1) == null ? List.of() : List.of(m.group(1).split(", "));
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
            throw DiskFull.failed(file, e, "cannot rewrite");
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

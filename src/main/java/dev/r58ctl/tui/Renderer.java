package dev.r58ctl.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.r58ctl.engine.CameraView;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.monitor.SourceAnswer;
import dev.r58ctl.monitor.SystemSample;
import dev.r58ctl.pipeline.CameraStats;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Draws the whole dashboard from its state; nothing here changes state or talks to the engine. */
final class Renderer {
    static final int MIN_COLS = 80;
    static final int MIN_ROWS = 24;
    private static final String SPARK = "▁▂▃▄▅▆▇█";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Theme theme;
    private final KernelPane kernelPane;
    private final TestsPane testsPane;
    private final ChecklistPane checklistPane;

    Renderer(Theme theme) {
        this.theme = theme;
        this.kernelPane = new KernelPane(theme);
        this.testsPane = new TestsPane(theme);
        this.checklistPane = new ChecklistPane(theme);
    }

    void draw(TextGraphics g, TerminalSize size, DashboardState s) {
        theme.normal(g);
        g.fill(' ');
        int cols = size.getColumns();
        int rows = size.getRows();
        if (cols < MIN_COLS || rows < MIN_ROWS) {
            theme.bad(g);
            g.putString(0, 0, fit("terminal too small (need 80x24, have " + cols + "x" + rows + ")", cols));
            return;
        }
        int row = 0;
        titleBar(g, cols, s, row++);
        row = linkLines(g, cols, s, row);
        if (s.guardLine != null) {
            theme.alarm(g);
            g.putString(0, row++, pad(fit(" " + s.guardLine + " (c clears)", cols), cols));
        }
        if (s.banner != null) {
            theme.alarm(g);
            String when = LocalTime.ofInstant(Instant.ofEpochMilli(s.bannerMillis), ZoneId.systemDefault()).format(CLOCK);
            g.putString(0, row++, pad(fit(" KERNEL " + s.banner.severity() + " " + when + " (c clears): "
                    + s.banner.title() + " | during: " + s.bannerDuring, cols), cols));
        }
        row = cameras(g, cols, s, row);
        row = system(g, cols, s, row);
        row = testsPane.draw(g, cols, rows, row, s);
        row = checklistPane.draw(g, cols, rows, row, s);
        int bottom = rows - 2;
        kernelPane.draw(g, cols, row, bottom - row, s);
        messageLine(g, cols, s, rows - 2);
        keyBar(g, cols, s, rows - 1);
        if (s.mode == DashboardState.Mode.HELP) {
            Help.draw(g, theme, size);
        } else if (s.mode == DashboardState.Mode.ENCODER) {
            encoderDialog(g, size, s);
        } else if (s.mode == DashboardState.Mode.CONFIRM) {
            Dialog.draw(g, theme, size, (s.confirmUndo ? "UNDO THE LAST ROLLBACK" : "ROLL BACK TO THE NEWEST KNOWN-GOOD MARK"),
                    s.confirmLines, "y: do it    any other key: cancel");
        } else if (s.mode == DashboardState.Mode.PATCH_PICK || s.mode == DashboardState.Mode.PATCH_PREVIEW
                || s.mode == DashboardState.Mode.PATCH_MESSAGE) {
            PatchView.draw(g, theme, size, s);
        } else if (s.mode == DashboardState.Mode.CONFIRM_ENCODER) {
            String e = s.encoderChoices.get(s.encoderSelected);
            var r = s.matrixRow(e);
            Dialog.draw(g, theme, size, e + " IS UNSTABLE ON THIS BOARD", java.util.List.of(
                    r == null || r.why() == null ? "the stability matrix says UNSTABLE" : r.why(),
                    "switching " + s.selectedCamera().id() + " to it may crash the kernel (the Oops of 2025-12-19)"),
                    "y: use it anyway    any other key: keep " + s.selectedCamera().encoder());
        } else if (s.mode == DashboardState.Mode.TEST) {
            Dialog.draw(g, theme, size, s.testTitle, s.testLines.isEmpty() ? java.util.List.of("starting...")
                    : s.testLines, s.testFinished ? "finished; any key closes (r58ctl matrix for the table)"
                    : s.demo ? "running at real time, the kernel log watched; i writes the Oops into it"
                    : "running at real time; the kernel log is watched throughout");
        } else if (s.mode == DashboardState.Mode.CHECKLIST_CONFIRM || s.mode == DashboardState.Mode.CHECKLIST_NOTE
                || s.mode == DashboardState.Mode.CHECKLIST_RUN) {
            ChecklistView.draw(g, theme, size, s);
        } else if (s.mode == DashboardState.Mode.STEPS) {
            Dialog.draw(g, theme, size, s.confirmUndo ? "UNDO IN PROGRESS" : "ROLLBACK IN PROGRESS", s.steps,
                    s.stepsFinished ? "finished; any key closes, u undoes" : "working... (the screen stays live)");
        }
    }

    private void titleBar(TextGraphics g, int cols, DashboardState s, int row) {
        String right = LocalTime.now().format(CLOCK) + "  ? help ";
        if (s.inHistory()) {
            theme.alarm(g); // not live: it must not be mistaken for now
            String left = " " + LookBack.title(s.historyAt, System.currentTimeMillis()) + " | recorded "
                    + LookBack.clock(s.past.sampleMillis()) + " | health " + (s.past.health() == null ? "?"
                    : s.past.health()) + " | [ ] 10s  { } 1min  L live";
            g.putString(0, row, pad(fit(left, cols - right.length()), cols - right.length()) + right);
            return;
        }
        theme.title(g);
        String health = s.streams == null ? "health ?" : "health " + word(s.streams.health().result());
        String source = s.kernelSource.startsWith("file:")
                ? "file " + s.kernelSource.substring(s.kernelSource.lastIndexOf('/') + 1) : s.kernelSource;
        String left = " r58ctl" + (s.demo ? " DEMO" : "") + " | kernel " + source + " | " + health;
        g.putString(0, row, pad(fit(left, cols - right.length()), cols - right.length()) + right);
    }

    /** The remote board's link, when there is something to say: one line, two for what it came back with. */
    private int linkLines(TextGraphics g, int cols, DashboardState s, int row) {
        if (s.link == null) {
            return row;
        }
        if (s.linkDown) {
            theme.alarm(g);
        } else {
            theme.warn(g);
        }
        String hint = s.linkDown ? "" : " (c clears)";
        String text = " " + s.link;
        int cut = text.length() + hint.length() <= cols ? -1 : text.lastIndexOf(" | ", cols - hint.length());
        g.putString(0, row++, pad(fit((cut > 0 ? text.substring(0, cut) : text) + hint, cols), cols));
        if (cut > 0) {
            g.putString(0, row++, pad(fit(" " + text.substring(cut + 3), cols), cols));
        }
        return row;
    }

    private static String word(SourceAnswer r) {
        return !r.reachable() ? "unreachable" : r.ok() ? "ok" : "NOT OK";
    }

    private int cameras(TextGraphics g, int cols, DashboardState s, int row) {
        theme.header(g);
        g.putString(0, row++, fit(String.format(" %-6s %-12s %-10s %-4s %-7s %-9s %5s %6s %5s  %s",
                "CAMERA", "DEVICE", "ENCODER", "NET", "RUN BY", "STATE", "FPS", "KBIT/S", "CPU%", "LAST ERROR"), cols));
        List<CameraView> shown = s.shownCameras();
        for (int i = 0; i < shown.size(); i++) {
            CameraView c = shown.get(i);
            CameraStats st = c.stats();
            boolean sel = i == s.selected && s.focus == DashboardState.Focus.CAMERAS;
            if (sel) {
                theme.selected(g);
            } else if (s.linkDown || s.inHistory()) {
                theme.normal(g); // the board's last word, or a recorded moment: not a live state
            } else if ("FAILED".equals(c.state())) {
                theme.bad(g);
            } else if ("RUNNING".equals(c.state()) || "recording".equals(c.state())) {
                theme.ok(g);
            } else {
                theme.normal(g);
            }
            String line = String.format("%s%-6s %-12s %-10s %-4s %-7s %-9s %5s %6s %5s  %s", sel ? ">" : " ",
                    c.id(), fit(c.device(), 12), c.encoder(), c.transport(), c.runBy(),
                    fit(s.linkDown ? c.state() + "?" : c.state(), 9),
                    st == null ? "-" : String.format("%.1f", st.fps()),
                    st == null ? "-" : String.format("%.0f", st.bitrateKbps()),
                    st == null ? "-" : String.format("%.1f", st.cpuPercent()), c.lastError() == null ? "" : c.lastError());
            g.putString(0, row++, pad(fit(line, cols), cols));
        }
        return row;
    }

    private int system(TextGraphics g, int cols, DashboardState s, int row) {
        theme.header(g);
        SystemSample sys = s.shownSystem();
        if (sys == null) {
            g.putString(0, row++, " sampling...");
            return row;
        }
        StringBuilder cores = new StringBuilder();
        for (int i = 0; i < sys.corePercent().length; i++) {
            cores.append(" c").append(i).append(' ').append(bar(sys.corePercent()[i], 5))
                    .append(String.format("%3.0f%%", sys.corePercent()[i]));
        }
        g.putString(0, row++, fit(String.format(" CPU %5.1f%% %s %s", sys.cpuPercent(), spark(s), cores), cols));
        theme.normal(g);
        String procs = sys.processes().stream().map(p -> p.role() + " " + (p.cpuPercent() == null
                ? (p.pid() < 0 ? "not running" : "-") : String.format("%.1f%%", p.cpuPercent())))
                .collect(Collectors.joining("  "));
        g.putString(0, row++, fit(String.format(" mem %.1f/%.1f GiB  load %.2f  %s", (sys.memTotalBytes()
                - sys.memAvailableBytes()) / 1073741824.0, sys.memTotalBytes() / 1073741824.0,
                sys.loadAverage()[0], procs), cols));
        String temps = sys.temperatures().isEmpty() ? "temp n/a" : sys.temperatures().stream()
                .map(t -> String.format("%s %.0f°C", t.type().replace("-thermal", ""), t.celsius()))
                .collect(Collectors.joining(" "));
        String vpu = sys.vpu().available() ? "VPU " + sys.vpu().cores().values().stream()
                .map(v -> String.format("%.0f%%", v)).collect(Collectors.joining(" ")) : "VPU n/a";
        String streams = s.streams == null || s.inHistory() ? "" : "  recorder " + word(s.streams.recorder().result())
                + "  mediamtx " + word(s.streams.mediamtx().result());
        dev.r58ctl.monitor.DiskFigures shownDisks = s.shownDisks();
        String disks = disks(shownDisks);
        boolean low = shownDisks != null && !shownDisks.worst().equals("ok") && !shownDisks.worst().equals("unknown");
        String line = " " + temps + "  " + vpu + (low ? "" : streams);
        g.putString(0, row, fit(line, cols));
        if (!disks.isEmpty() && line.length() + disks.length() + 2 <= cols) {
            if (low) {
                theme.warn(g); // a disk below the recorder's level is the line's news: the stream words give way
            }
            g.putString(line.length() + 2, row, disks);
            theme.normal(g);
        }
        row++;
        String repo = s.repoProblem != null ? " repo: " + s.repoProblem
                : " repo HEAD " + s.repoHead + (s.repoChanges > 0 ? "  (" + s.repoChanges + " uncommitted)" : "  (clean)")
                + "  good " + (s.repoGood == null ? "none (repo mark-good)" : s.repoGood);
        if (s.repoProblem == null && s.repoGood == null) {
            theme.warn(g);
        }
        g.putString(0, row++, fit(repo, cols));
        theme.normal(g);
        g.putString(0, row++, fit(" matrix " + matrixLine(s), cols));
        return row;
    }

    /** {@code disk 12G rec 3.1G LOW}: free space on the state disk, then each recording disk, levels in words. */
    static String disks(dev.r58ctl.monitor.DiskFigures d) {
        if (d == null) {
            return "";
        }
        StringBuilder b = new StringBuilder("disk ").append(free(d.state()));
        for (dev.r58ctl.monitor.DiskSpace r : d.recordings()) {
            b.append(" rec ").append(free(r));
        }
        return b.toString();
    }

    private static String free(dev.r58ctl.monitor.DiskSpace d) {
        if (d.freeBytes() == null) {
            return "?";
        }
        double g = d.freeBytes() / 1073741824.0;
        String size = g >= 10 ? String.format("%.0fG", g) : g >= 1 ? String.format("%.1fG", g)
                : (d.freeBytes() >> 20) + "M";
        return size + switch (d.level()) {
            case "low" -> " LOW";
            case "below-minimum" -> " BELOW MIN";
            default -> "";
        };
    }

    private static String matrixLine(DashboardState s) {
        if (s.matrix == null) {
            return "reading...";
        }
        // an encoder with settings nobody recorded (the Oops's) is marked, beside the same encoder with known ones
        return s.matrix.rows().stream().map(r -> r.encoder() + (r.settings() == null ? "(?)" : "") + " " + r.status()
                + (r.capacity() == null ? "" : " (" + r.capacity().fits() + "/" + r.capacity().cameras() + " fit)"))
                .collect(Collectors.joining(" | "));
    }

    private String spark(DashboardState s) {
        StringBuilder b = new StringBuilder();
        java.util.List<Double> cpu = new java.util.ArrayList<>();
        s.shownCpu().forEach(cpu::add);
        int skip = Math.max(0, cpu.size() - 20);
        int i = 0;
        for (double v : cpu) {
            if (i++ >= skip) {
                b.append(SPARK.charAt((int) Math.min(7, Math.max(0, v / 100 * 8))));
            }
        }
        return b.toString();
    }

    private static String bar(double percent, int width) {
        int full = (int) Math.round(percent / 100 * width);
        return "█".repeat(Math.max(0, Math.min(width, full))) + "░".repeat(Math.max(0, width - full));
    }

    private void messageLine(TextGraphics g, int cols, DashboardState s, int row) {
        if (s.mode == DashboardState.Mode.FILTER) {
            theme.header(g);
            g.putString(0, row, pad(fit(" filter kernel: " + s.filterInput + "_   (Enter apply, Esc clear)", cols), cols));
            return;
        }
        if (s.messageLevel == EngineEvent.Message.Level.ERROR) {
            theme.bad(g);
        } else if (s.messageLevel == EngineEvent.Message.Level.WARNING) {
            theme.warn(g);
        } else {
            theme.normal(g);
        }
        g.putString(0, row, pad(fit(" " + s.message, cols), cols));
    }

    private void keyBar(TextGraphics g, int cols, DashboardState s, int row) {
        theme.title(g);
        String keys = s.focus == DashboardState.Focus.CAMERAS
                ? " s start x stop r restart e enc t test b rollback" : " j/k scroll g/G top/end";
        // 80 columns hold every letter key; Tab and the demo's i are in the help (?)
        keys += " /filter" + (s.demo ? " i Oops" : " Tab pane") + " ? help q quit";
        g.putString(0, row, pad(fit(keys, cols), cols));
    }

    private void encoderDialog(TextGraphics g, TerminalSize size, DashboardState s) {
        int w = 44;
        int h = s.encoderChoices.size() + 4;
        int x = (size.getColumns() - w) / 2;
        int y = (size.getRows() - h) / 2;
        theme.title(g);
        g.putString(x, y, pad(" encoder for " + s.selectedCamera().id() + " (Enter picks, Esc)", w));
        for (int i = 0; i < s.encoderChoices.size(); i++) {
            if (i == s.encoderSelected) {
                theme.selected(g);
            } else {
                theme.normal(g);
            }
            String e = s.encoderChoices.get(i);
            g.putString(x, y + 1 + i, pad(String.format("  %-12s %s", e, s.matrixStatus(e)), w));
        }
        theme.normal(g);
        g.putString(x, y + 1 + s.encoderChoices.size(), pad("", w));
        g.putString(x, y + 2 + s.encoderChoices.size(), pad("  a running camera restarts with it", w));
        theme.title(g);
        g.putString(x, y + 3 + s.encoderChoices.size(), pad("", w));
    }

    static String fit(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}

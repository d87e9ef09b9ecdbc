package dev.r58ctl.tui;

import dev.r58ctl.engine.CameraView;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.KernelWatch;
import dev.r58ctl.kernel.Severity;
import dev.r58ctl.monitor.StreamSnapshot;
import dev.r58ctl.monitor.SystemSample;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the dashboard shows, changed only on the dashboard's own thread. */
final class DashboardState {
    static final int KERNEL_LINES = 2000;
    static final int SPARK_SAMPLES = 60;

    enum Focus { CAMERAS, KERNEL }

    enum Mode { NORMAL, FILTER, HELP, ENCODER, CONFIRM, CONFIRM_ENCODER, STEPS, TEST, PATCH_PICK, PATCH_PREVIEW,
        PATCH_MESSAGE, CHECKLIST_CONFIRM, CHECKLIST_NOTE, CHECKLIST_RUN, QUIT }

    List<CameraView> cameras = List.of();
    int selected;
    SystemSample system;
    final ArrayDeque<Double> cpuHistory = new ArrayDeque<>();
    StreamSnapshot streams;
    final ArrayDeque<KernelWatch.Classified> kernel = new ArrayDeque<>();
    String kernelSource = "";
    String filter = "";
    String filterInput = "";
    /** Lines scrolled up from the newest; 0 follows the log. */
    int kernelScroll;
    Incident banner;
    /** What the boot guard did in this boot, or null. */
    String guardLine;
    String bannerDuring;
    long bannerMillis;
    /** The remote board's link: "board unreachable since ..." while down, what it said when back; null when none. */
    String link;
    boolean linkDown;
    String message = "";
    EngineEvent.Message.Level messageLevel = EngineEvent.Message.Level.INFO;
    Focus focus = Focus.CAMERAS;
    Mode mode = Mode.NORMAL;
    List<String> encoderChoices = List.of();
    int encoderSelected;
    boolean demo;
    String repoHead;
    String repoGood;
    int repoChanges;
    String repoProblem = "not read yet";
    /** The rollback waiting for y: its plan lines and whether it is an undo. */
    List<String> confirmLines = List.of();
    boolean confirmUndo;
    /** Steps of the rollback in progress, as they happen. */
    final List<String> steps = new ArrayList<>();
    boolean stepsFinished;
    dev.r58ctl.stability.MatrixReport matrix;
    /** The newest stability runs, newest first. */
    List<dev.r58ctl.engine.RecentTest> recentTests = List.of();
    List<java.nio.file.Path> patchFiles = List.of();
    int patchSelected;
    /** The checked patch being previewed, or null while the check runs. */
    dev.r58ctl.engine.EngineEvent.PatchChecked patch;
    int patchScroll;
    String commitMessage = "";
    /** Progress lines of the stability test running from the dashboard. */
    final List<String> testLines = new ArrayList<>();
    String testTitle = "";
    boolean testFinished;

    /** The guided migration as last told, or null with {@link #checklistProblem}. */
    dev.r58ctl.checklist.Snapshot checklist;
    String checklistProblem;
    /** What the operator does for the next step when it is manual. */
    String checklistInstructions;
    /** The step the checklist dialog is about, its progress lines, and how often F was pressed for it. */
    String checklistStep;
    final List<String> checklistLines = new ArrayList<>();
    boolean checklistFinished;
    int forceAsked;
    String noteInput = "";

    /** The moment shown while looking back (epoch ms), or null when live; its recorded figures. */
    Long historyAt;
    PastSource.Moment past;

    boolean inHistory() {
        return historyAt != null;
    }

    /** The figures drawn: the recorded moment's while looking back, else the live ones. */
    dev.r58ctl.monitor.SystemSample shownSystem() {
        return past != null ? past.system() : system;
    }

    List<CameraView> shownCameras() {
        return past != null ? past.cameras() : cameras;
    }

    dev.r58ctl.monitor.DiskFigures shownDisks() {
        return past != null ? past.disks() : disks;
    }

    Iterable<Double> shownCpu() {
        return past != null ? past.cpuBefore() : cpuHistory;
    }

    void addKernel(KernelWatch.Classified line) {
        if (kernel.size() == KERNEL_LINES) {
            kernel.removeFirst();
        }
        kernel.addLast(line);
        if (kernelScroll > 0 && visible(line)) {
            kernelScroll++; // the operator is reading older lines: keep them still
        }
    }

    void addCpu(double percent) {
        if (cpuHistory.size() == SPARK_SAMPLES) {
            cpuHistory.removeFirst();
        }
        cpuHistory.addLast(percent);
    }

    boolean visible(KernelWatch.Classified c) {
        if (filter.isEmpty()) {
            return true;
        }
        String f = filter.toLowerCase(Locale.ROOT);
        Severity s = c.match() == null ? Severity.INFO : c.match().severity();
        return c.line().text().toLowerCase(Locale.ROOT).contains(f) || s.name().toLowerCase(Locale.ROOT).equals(f);
    }

    /** The kernel lines shown: filtered, and while looking back only those read by the moment shown. */
    List<KernelWatch.Classified> filteredKernel() {
        List<KernelWatch.Classified> out = new ArrayList<>();
        Long until = historyAt;
        for (KernelWatch.Classified c : kernel) {
            if (until != null && c.line().receivedMillis() > until) {
                break;
            }
            if (visible(c)) {
                out.add(c);
            }
        }
        return out;
    }

    CameraView selectedCamera() {
        List<CameraView> shown = shownCameras();
        return shown.isEmpty() ? null : shown.get(Math.min(selected, shown.size() - 1));
    }

    /** The matrix row of an encoder element (with its configured settings), or null before the matrix is read. */
    /** Free space on the state and recording disks, or null before the first reading. */
    dev.r58ctl.monitor.DiskFigures disks;

    dev.r58ctl.stability.MatrixRow matrixRow(String encoder) {
        if (matrix == null) {
            return null;
        }
        return matrix.rowFor(encoder);
    }

    String matrixStatus(String encoder) {
        dev.r58ctl.stability.MatrixRow r = matrixRow(encoder);
        return r != null ? r.status().name() : matrix == null ? "?" : "UNTESTED";
    }

    void message(EngineEvent.Message.Level level, String text) {
        this.messageLevel = level;
        this.message = text;
    }
}

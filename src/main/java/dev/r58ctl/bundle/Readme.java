package dev.r58ctl.bundle;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** README.txt of a bundle: what each file is, what is missing and why, and what was left out on purpose. */
final class Readme {
    /** What a file taken from the state directory is, by the first prefix of its name that matches. */
    private static final List<Map.Entry<String, String>> STATE = List.of(
            Map.entry("state/kernel/incidents.jsonl", "the incident journal: every kernel line of warning severity or "
                    + "worse, one JSON object a line, forced to disk as it was read"),
            Map.entry("state/kernel/marks.json", "named kernel-log marks (kmsg mark NAME, stability tests)"),
            Map.entry("state/kernel/", "kernel-log state"),
            Map.entry("state/stability/runs/", "one stability test run: pipeline, settings, CPU series, frames, "
                    + "kernel lines and verdict"),
            Map.entry("state/stability/fix-log-runs.json", "runs already entered in the recorder's fix log"),
            Map.entry("state/stability/", "stability test state"),
            Map.entry("state/checklist/current.json", "the migration checklist: each step's state and evidence"),
            Map.entry("state/checklist/history/", "an earlier checklist run, kept by checklist reset"),
            Map.entry("state/checklist/", "checklist state"),
            Map.entry("state/guard/trial.json", "the armed panic-safe trial: commit under test, commit to return to, "
                    + "boot armed in"),
            Map.entry("state/guard/last.json", "the boot guard's last rollback: why, with the kernel lines"),
            Map.entry("state/guard/", "boot guard and trial records"),
            Map.entry("state/rollback/", "rollback journal: the write-ahead steps of a rollback"),
            Map.entry("state/remote/", "kernel lines kept on this machine by r58ctl --host ... kmsg --follow"),
            Map.entry("state/service/", "the recorder as r58ctl's process manager runs it: output log, pid file"),
            Map.entry("state/patches/", "a patch offered or applied"),
            Map.entry("state/r58ctl.log.", "r58ctl's own log, an older file"),
            Map.entry("state/r58ctl.log", "r58ctl's own log (this run's lines at its end)"));

    private Readme() {
    }

    static String describe(String name) {
        return STATE.stream().filter(e -> name.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse("r58ctl state");
    }

    /** The README's text; {@code entries} are the files added so far, name to what it is. */
    static String text(String header, Map<String, String> entries, List<Bundle.Missing> missing,
                       List<Bundle.Excluded> excluded, long maxFileBytes) {
        StringBuilder sb = new StringBuilder(header).append("\n\nFILES\n");
        int width = entries.keySet().stream().mapToInt(String::length).max().orElse(10);
        sb.append(String.format("%-" + width + "s  %s%n", "README.txt", "this file"));
        entries.forEach((name, what) -> sb.append(String.format("%-" + width + "s  %s%n", name, what)));
        sb.append("\nMISSING (the bundle was written without them)\n");
        sb.append(missing.isEmpty() ? "nothing\n" : missing.stream().map(m -> m.part() + ": " + m.why() + "\n")
                .collect(Collectors.joining()));
        sb.append("\nLEFT OUT ON PURPOSE\n")
                .append("Recordings are never included: the cameras' recording directories are never read, media and\n")
                .append("archive files (").append(StateFiles.MEDIA.stream().sorted().map(e -> "." + e)
                        .collect(Collectors.joining(" "))).append(") are left out,\n")
                .append("and no file over ").append(StateFiles.mib(maxFileBytes)).append(" is taken.\n")
                .append("Configuration: the value of every key whose name contains password, secret, token or key\n")
                .append("(any case) reads <redacted>, by name, so key-int-max does too (the stability runs hold the\n")
                .append("encoder settings); lines are kept, so line numbers match the board's files.\n");
        excluded.forEach(x -> sb.append(x.file()).append(": ").append(x.why()).append('\n'));
        return sb.toString();
    }
}

package dev.r58ctl.stability;

import dev.r58ctl.config.Config;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text of one fix-log entry for stability runs, in the style of the recorder's {@code docs/fix-log.md}: a dated
 * {@code ## YYYY-MM-DD — title} heading, then bold-labelled bullets for context, tests performed (each with its
 * verdict), results, decision and next steps. The decision follows the H.265 migration plan's decision tree.
 */
final class FixLogEntry {
    private static final int KERNEL_LINES = 4;

    private FixLogEntry() {
    }

    /** Lines of the entry (no line endings), for {@code runs} read against {@code report}. */
    static List<String> lines(Config config, LocalDate date, List<TestResult> runs, MatrixReport report) {
        Map<String, List<TestResult>> byKey = new LinkedHashMap<>();
        for (TestResult r : runs) {
            byKey.computeIfAbsent(r.plan().key(), k -> new ArrayList<>()).add(r);
        }
        Set<String> encoders = new LinkedHashSet<>();
        runs.forEach(r -> encoders.add(r.plan().encoder()));
        List<String> out = new ArrayList<>();
        out.add("## " + date + " — Encoder stability tests: " + String.join(", ", encoders) + " (r58ctl)");
        out.add("");
        out.add("- **Context**: The encoder investigation (2025-12-19) holds the H.265 migration until the encoder "
                + "is proven stable: mpph264enc caused a kernel Oops. r58ctl ran the plan's three tests on this board "
                + "(platform " + config.platform().name().toLowerCase() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores), each from a kernel-log mark taken at its "
                + "start, with the kernel log watched throughout, CPU sampled every second, and the pipeline stopped "
                + "at the first kernel trouble.");
        out.add("- **Tests performed**:");
        for (TestResult r : runs) {
            out.add("  - " + performed(r));
        }
        out.add("- **Results**:");
        for (String key : byKey.keySet()) {
            MatrixRow row = report.row(key);
            out.add("  - `" + key + "`: " + row.status() + " — " + row.why()
                    + (row.capacity() == null ? "" : "; capacity in % of all cores: " + row.capacity().arithmetic()));
            for (String line : row.evidence().subList(0, Math.min(KERNEL_LINES, row.evidence().size()))) {
                out.add("    - `" + line.replace("`", "'") + "`");
            }
        }
        out.add("- **Decision**:");
        for (String key : byKey.keySet()) {
            out.add("  - " + decision(report.row(key)));
        }
        out.add("- **Next steps**:");
        for (String key : byKey.keySet()) {
            for (String step : nextSteps(report.row(key))) {
                out.add("  - " + step);
            }
        }
        out.add("- **Evidence**: run results in `" + new RunStore(config).runsDir() + "` ("
                + String.join(", ", runs.stream().map(TestResult::id).toList()) + ").");
        return out;
    }

    private static String performed(TestResult r) {
        TestPlan p = r.plan();
        StringBuilder b = new StringBuilder(p.test().key() + " " + Verification.seconds(p.durationMs())
                .replace(".0 s", " s") + ", `" + p.key() + "`, " + p.resolution() + "@" + p.framerate() + ", "
                + p.bitrateKbps() + " kbit/s");
        if (p.test() == TestKind.PUSH) {
            b.append(", to `").append(p.output()).append("` read back at `").append(p.readUrl()).append('`');
        }
        b.append(": **").append(r.verdict() == Verdict.PASS ? "PASS" : "FAIL (" + r.verdict() + ")").append("** — ");
        List<String> facts = new ArrayList<>();
        if (r.ranMs() > 0) {
            facts.add("ran " + Verification.seconds(r.ranMs()) + " wall-clock");
        }
        if (r.frames() != null && r.frames().found() > 0) {
            facts.add(r.frames().found() + (p.test() == TestKind.PUSH ? " frames read back" : " of "
                    + r.frames().expected() + " frames in the file") + " (" + r.frames().codec() + ")");
        }
        if (r.cpu() != null && r.cpu().system().samples() > 0) {
            facts.add("CPU system avg " + Capacity.pct(r.cpu().system().average()) + " / p95 "
                    + Capacity.pct(r.cpu().system().p95()) + " / max " + Capacity.pct(r.cpu().system().max())
                    + ", pipeline avg " + Capacity.pct(r.cpu().pipeline().average()) + " of a core");
        }
        if (r.kernel() != null && r.kernel().stopLatencyMs() != null) {
            facts.add("stopped " + r.kernel().stopLatencyMs() + " ms after the kernel trouble");
        }
        facts.add(r.passed() ? "no kernel trouble" : r.reason());
        return b.append(String.join("; ", facts)).toString();
    }

    private static String decision(MatrixRow row) {
        String key = "`" + row.key() + "`";
        return switch (row.status()) {
            case STABLE -> key + " is stable on this board: go ahead with the migration (decision tree: STABLE)"
                    + (row.capacity() == null ? "." : row.capacity().fitsAll()
                    ? "; all " + row.capacity().cameras() + " cameras fit under the CPU ceiling."
                    : "; only " + row.capacity().fits() + " cameras fit under the CPU ceiling.");
            case UNSTABLE -> "Do not use " + key + ": " + row.why() + ". Keep x264enc (software) and its camera "
                    + "limit (decision tree: UNSTABLE).";
            default -> "No decision for " + key + " yet: " + row.why() + ".";
        };
    }

    private static List<String> nextSteps(MatrixRow row) {
        String again = "`r58ctl test all --encoder " + row.encoder() + "`";
        return switch (row.status()) {
            case STABLE -> List.of("Apply the migration as a unified diff, deploy, and test with real cameras, two "
                    + "first, then all four.", "Watch `r58ctl kmsg --follow` for 24 hours after the change.");
            case UNSTABLE -> List.of("Document the MPP driver issue with the kernel lines above; look for firmware "
                    + "or driver updates.", "Other settings are a different matrix row: test them with " + again
                    + " `--set NAME=VALUE`.");
            default -> {
                List<String> steps = new ArrayList<>();
                if (row.why().contains("gstreamer1.0-rtsp")) {
                    steps.add("Install Debian package gstreamer1.0-rtsp (rtspclientsink) on the board.");
                }
                steps.add("Run " + again + " and log again.");
                yield steps;
            }
        };
    }
}

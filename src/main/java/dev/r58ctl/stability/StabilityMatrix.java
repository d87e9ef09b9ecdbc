package dev.r58ctl.stability;

import dev.r58ctl.config.Config;
import dev.r58ctl.config.EncoderSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the encoder stability matrix from the configured evidence and the runs on disk. Guarantees: the key is the
 * encoder with its normalised settings, so one element can be STABLE with some settings and UNSTABLE with others; a
 * row with any run that saw kernel trouble (or a board that went down under it) is UNSTABLE for good, with the
 * evidence; STABLE needs the latest encode, soak and push all passed; configured evidence decides only until a run
 * of the same key exists, except that configured instability is never forgotten.
 */
public final class StabilityMatrix {
    private static final int EVIDENCE_LINES = 8;

    private final Config config;
    private List<TestResult> runs;

    public StabilityMatrix(Config config) {
        this.config = config;
    }

    /** The runs to use; default every run in the state directory. */
    public StabilityMatrix runs(List<TestResult> all) {
        this.runs = List.copyOf(all);
        return this;
    }

    public MatrixReport build() {
        List<TestResult> all = runs != null ? runs : new RunStore(config).all();
        Map<String, Config.Evidence> known = new LinkedHashMap<>();
        Map<String, List<TestResult>> byKey = new LinkedHashMap<>();
        for (Config.Evidence e : config.stability().evidence()) {
            String key = EncoderSettings.key(e.encoder(), e.settings());
            known.putIfAbsent(key, e); // a later row for the same key adds nothing the first did not say
            byKey.putIfAbsent(key, new ArrayList<>());
        }
        for (TestResult r : all) {
            if (r.verdict() != Verdict.RUNNING && r.plan() != null) {
                byKey.computeIfAbsent(r.plan().key(), k -> new ArrayList<>()).add(r);
            }
        }
        List<MatrixRow> rows = new ArrayList<>();
        byKey.forEach((key, list) -> rows.add(row(key, known.get(key), list)));
        Map<String, String> configured = new LinkedHashMap<>();
        for (dev.r58ctl.config.KnownEncoder k : dev.r58ctl.config.KnownEncoder.values()) {
            configured.put(k.element(), dev.r58ctl.config.EncoderSettings.key(k.element(),
                    config.encoderSettings(k.element())));
        }
        return new MatrixReport(config.stability().cpuCeiling(), config.cameras().size(), List.copyOf(rows),
                configured);
    }

    private MatrixRow row(String key, Config.Evidence e, List<TestResult> runs) {
        String encoder = e != null ? e.encoder() : runs.get(0).plan().encoder();
        Map<String, Object> settings = e != null ? e.settings() : runs.get(runs.size() - 1).plan().settings();
        Map<String, MatrixRow.TestSummary> tests = new LinkedHashMap<>();
        Map<TestKind, TestResult> latest = new LinkedHashMap<>();
        for (TestKind k : TestKind.values()) {
            for (TestResult r : runs) {
                if (r.plan().test() == k) {
                    latest.put(k, r); // runs are oldest first
                }
            }
            if (latest.containsKey(k)) {
                tests.put(k.key(), MatrixRow.TestSummary.of(latest.get(k)));
            }
        }
        String note = e == null ? null : (e.date() == null ? "" : e.date() + ": ") + e.status()
                + (e.note() == null ? "" : ", " + e.note());
        TestResult crash = null;
        for (TestResult r : runs) {
            if (r.crashEvidence()) {
                crash = r;
            }
        }
        MatrixStatus status;
        String why;
        List<String> evidence = List.of();
        if (crash != null) {
            status = MatrixStatus.UNSTABLE;
            why = crash.plan().test().key() + " " + crash.startedAt() + ": " + crash.reason();
            evidence = crashLines(crash);
        } else if (e != null && e.status().equals("unstable")) {
            status = MatrixStatus.UNSTABLE;
            why = "configured evidence " + note;
            evidence = e.kernel();
        } else if (!runs.isEmpty()) {
            List<String> missing = new ArrayList<>();
            for (TestKind k : TestKind.values()) {
                TestResult r = latest.get(k);
                if (r == null) {
                    missing.add(k.key() + " not run");
                } else if (!r.passed()) {
                    missing.add(k.key() + " " + r.verdict() + ": " + r.reason());
                }
            }
            status = missing.isEmpty() ? MatrixStatus.STABLE : MatrixStatus.PARTIAL;
            why = missing.isEmpty() ? "encode, soak and push passed, no kernel trouble" : String.join("; ", missing);
        } else if (e != null) {
            status = MatrixStatus.valueOf(e.status().toUpperCase());
            why = "configured evidence " + note;
        } else {
            status = MatrixStatus.UNTESTED;
            why = "no runs";
        }
        return new MatrixRow(key, encoder, settings, status, why, tests, evidence, note, capacity(e, latest));
    }

    private static List<String> crashLines(TestResult r) {
        List<String> out = new ArrayList<>();
        if (r.kernel() != null) {
            r.kernel().trouble().forEach(i -> out.addAll(i.lines()));
        }
        if (r.previousBoot() != null) {
            r.previousBoot().trouble().forEach(i -> out.addAll(i.lines()));
        }
        return List.copyOf(out.subList(0, Math.min(EVIDENCE_LINES, out.size())));
    }

    /** From the longest measurement there is: soak, then encode, then push; else the configured figure. */
    private Capacity capacity(Config.Evidence e, Map<TestKind, TestResult> latest) {
        int ceiling = config.stability().cpuCeiling();
        int cameras = config.cameras().size();
        for (TestKind k : List.of(TestKind.SOAK, TestKind.ENCODE, TestKind.PUSH)) {
            TestResult r = latest.get(k);
            if (r != null && r.cpu() != null && r.cpu().pipeline().samples() > 0) {
                return Capacity.of(r.cpu().perStream(), r.id(), r.plan().resolution() + "@" + r.plan().framerate(),
                        ceiling, cameras);
            }
        }
        return e != null && e.cpuPerStream() != null
                ? Capacity.of(e.cpuPerStream(), "evidence", null, ceiling, cameras) : null;
    }
}

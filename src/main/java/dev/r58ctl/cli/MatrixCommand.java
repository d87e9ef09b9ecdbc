package dev.r58ctl.cli;

import dev.r58ctl.stability.Capacity;
import dev.r58ctl.stability.FixLog;
import dev.r58ctl.stability.MatrixReport;
import dev.r58ctl.stability.MatrixRow;
import dev.r58ctl.stability.RunStore;
import dev.r58ctl.stability.StabilityMatrix;
import dev.r58ctl.stability.TestResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl matrix}: the encoder stability matrix, and its entry in the recorder's fix log. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = "The encoder stability matrix: per encoder and settings STABLE, UNSTABLE, PARTIAL or UNTESTED, "
                + "from the configured evidence and every test run, with how many cameras fit under the CPU ceiling. "
                + "--fix-log appends an entry for the runs not logged yet to the recorder's docs/fix-log.md.")
final class MatrixCommand extends BaseCommand {
    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = "--fix-log", description = "Append an entry for the latest runs to the recorder's fix log.")
    boolean fixLog;

    @Override
    public Integer call() {
        List<TestResult> runs = new RunStore(config()).all();
        MatrixReport report = new StabilityMatrix(config()).runs(runs).build();
        FixLog.Appended appended = fixLog ? new FixLog(config()).append(runs, report) : null;
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("matrix", report);
            if (appended != null) {
                doc.put("fix_log", appended);
            }
            printJson(doc);
            return 0;
        }
        PrintWriter o = out();
        o.println("encoder stability matrix (capacity: streams x CPU per stream in % of all cores, ceiling "
                + report.cpuCeiling() + "%, " + report.cameras() + " cameras configured)");
        for (MatrixRow r : report.rows()) {
            o.println();
            o.printf("%-9s %s%n", r.status(), r.key());
            o.println("  why       " + r.why());
            if (r.known() != null && !r.why().startsWith("configured evidence")) {
                o.println("  known     " + r.known());
            }
            for (String t : List.of("encode", "soak", "push")) {
                MatrixRow.TestSummary s = r.tests().get(t);
                if (s != null) {
                    o.printf("  %-9s %s %s: %s%n", t, s.verdict(), s.date(), s.reason());
                }
            }
            r.evidence().forEach(l -> o.println("  kernel    " + l));
            Capacity c = r.capacity();
            o.println("  capacity  " + (c == null ? "unknown (no CPU figure)" : c.arithmetic() + " ("
                    + (c.measuredAt() == null ? "configured evidence" : "measured at " + c.measuredAt() + ", run "
                    + c.source()) + ")"));
        }
        if (appended != null) {
            o.println();
            o.println(appended.runs().isEmpty() ? "fix log: nothing new since the last entry in " + appended.file()
                    : "fix log: entry for " + appended.runs().size() + " run(s) added to " + appended.file());
        }
        return 0;
    }
}

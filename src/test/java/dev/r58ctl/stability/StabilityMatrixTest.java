package dev.r58ctl.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.config.Config;
import dev.r58ctl.config.EncoderSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matrix from the seed's configured evidence plus runs (stored as the test commands store them), keyed by encoder
 * and settings, and the capacity arithmetic with the seed's numbers.
 */
class StabilityMatrixTest {
    @TempDir
    Path dir;

    private static int second;

    /** A stored run as StabilityTest writes it, with only what the matrix reads filled in. */
    static TestResult run(TestKind kind, String encoder, Map<String, Object> settings, Verdict verdict, String reason,
                          double pipelineCpu, List<TroubleIncident> trouble) {
        String started = String.format("2026-01-10T09:%02d:%02dZ", second / 60, second % 60);
        second++;
        TestPlan plan = new TestPlan(kind, encoder, settings, EncoderSettings.key(encoder, settings), settings, "cam1",
                18000, 1920, 1080, 30, 30_000, "videotestsrc ! " + encoder + " ! fakesink", "/x.mkv", null, null);
        CpuStats pipe = CpuStats.of(List.of(pipelineCpu, pipelineCpu));
        CpuReport cpu = new CpuReport(8, CpuStats.of(List.of(20.0)), pipe, CpuStats.round(pipelineCpu / 8), Map.of());
        KernelEvidence k = new KernelEvidence("kmsg", "boot", "m", 10, "WARNING", trouble, null);
        return new TestResult(kind.key() + "-" + second, started, started, verdict, reason, plan, List.of(), 30_000,
                31_000, null, cpu, List.of(), k, List.of(), new RunProcess(1, null, "boot"), null);
    }

    @Test
    void theShippedEvidenceAloneGivesItsFourRows() {
        Config c = StabilityFixtures.load(dir, "");
        MatrixReport m = new StabilityMatrix(c).runs(List.of()).build();
        assertEquals(List.of("x264enc", "mpph264enc", "mpph264enc", "mpph265enc"),
                m.rows().stream().map(MatrixRow::encoder).toList());
        assertEquals(List.of(MatrixStatus.STABLE, MatrixStatus.UNSTABLE, MatrixStatus.STABLE, MatrixStatus.UNTESTED),
                m.rows().stream().map(MatrixRow::status).toList());
        assertEquals("mpph264enc gop=30 profile=baseline qp-init=26 qp-max=51 qp-min=10 rc-mode=cbr", m.rows().get(2).key(),
                "the settings that ran for a week");
        assertEquals(MatrixStatus.STABLE, m.rowFor("mpph264enc").status(), "the configured settings' row");
        MatrixRow oops = m.rows().get(1);
        assertEquals("mpph264enc (settings unknown)", oops.key());
        assertNull(oops.settings());
        assertEquals("Internal error: Oops: 0000000096000005 [#29] SMP", oops.evidence().get(0));
        assertTrue(oops.why().contains("kernel Oops"), oops.why());
        Capacity x264 = m.rows().get(0).capacity();
        assertEquals("evidence", x264.source());
        assertEquals(2, x264.fits());
        assertEquals("2 x 40% = 80% <= 80%: fits (up to 2)", x264.arithmetic(), "the test config has two cameras");
        assertNull(m.rows().get(3).capacity(), "no figure for an untested encoder");
    }

    @Test
    void capacityIsTheSeedsArithmeticUnderAConfigurableCeiling() {
        Capacity x264 = Capacity.of(40, "evidence", null, 80, 4);
        assertEquals("4 x 40% = 160% > 80%: does not fit (2 do)", x264.arithmetic());
        assertFalse(x264.fitsAll());
        assertEquals(2, x264.fits());
        Capacity mpp = Capacity.of(10, "evidence", null, 80, 4);
        assertEquals("4 x 10% = 40% <= 80%: fits (up to 8)", mpp.arithmetic());
        assertTrue(mpp.fitsAll());
        assertEquals(8, mpp.fits(), "the H.265 migration plan: could handle 8+ cameras theoretically");
        assertEquals(1, Capacity.of(40, "e", null, 50, 4).fits());
        assertTrue(Capacity.of(12.5, "e", null, 50, 4).fitsAll(), "4 x 12.5% = 50% is exactly the ceiling");
        assertEquals("4 x 12.5% = 50% <= 50%: fits (up to 4)", Capacity.of(12.5, "e", null, 50, 4).arithmetic());
        assertEquals(800, Capacity.of(0, "e", null, 80, 4).fits(), "a stream too cheap to measure never divides by 0");
    }

    @Test
    void runsUpdateTheirRowAndStabilityBelongsToTheSettings() {
        Config c = StabilityFixtures.load(dir, "");
        Map<String, Object> configured = c.encoderSettings("mpph265enc");
        Map<String, Object> other = new LinkedHashMap<>(configured);
        other.put("rc-mode", "vbr");
        TroubleIncident oops = new TroubleIncident("K12", "CRITICAL", "Internal error: Oops: 0000000096000005 [#29] SMP",
                List.of("Internal error: Oops: 0000000096000005 [#29] SMP", "Code: f100007f fa401a64"));
        List<TestResult> runs = new ArrayList<>(List.of(
                run(TestKind.ENCODE, "mpph265enc", configured, Verdict.PASS, "all 5 checks passed", 16, List.of()),
                run(TestKind.SOAK, "mpph265enc", configured, Verdict.PASS, "all 6 checks passed", 20, List.of()),
                run(TestKind.PUSH, "mpph265enc", configured, Verdict.NOT_RUN,
                        "could not run: rtspclientsink missing (it comes from Debian package gstreamer1.0-rtsp)", 0,
                        List.of()),
                run(TestKind.ENCODE, "mpph265enc", other, Verdict.UNSTABLE, "kernel: 1 kernel incident", 16,
                        List.of(oops))));
        MatrixReport m = new StabilityMatrix(c).runs(runs).build();
        MatrixRow row = m.row(EncoderSettings.key("mpph265enc", configured));
        assertEquals(MatrixStatus.PARTIAL, row.status());
        assertTrue(row.why().startsWith("push NOT_RUN: could not run: rtspclientsink missing"), row.why());
        assertEquals(Verdict.PASS, row.tests().get("soak").verdict());
        assertEquals(2.5, row.capacity().perStream(), "20% of one core on 8 cores");
        assertEquals("2 x 2.5% = 5% <= 80%: fits (up to 32)", row.capacity().arithmetic());
        assertEquals(runs.get(1).id(), row.capacity().source(), "the soak is the longest measurement");
        assertEquals("1920x1080@30", row.capacity().measuredAt());

        MatrixRow vbr = m.row(EncoderSettings.key("mpph265enc", other));
        assertEquals(MatrixStatus.UNSTABLE, vbr.status(), "a row of its own: other settings");
        assertEquals(List.of("Internal error: Oops: 0000000096000005 [#29] SMP", "Code: f100007f fa401a64"),
                vbr.evidence());

        runs.add(run(TestKind.PUSH, "mpph265enc", configured, Verdict.PASS, "all 4 checks passed", 18, List.of()));
        MatrixRow now = new StabilityMatrix(c).runs(runs).build().row(row.key());
        assertEquals(MatrixStatus.STABLE, now.status(), now.why());
        assertEquals(5, m.rows().size(), "four shipped rows plus the vbr settings");

        runs.add(run(TestKind.SOAK, "mpph265enc", configured, Verdict.PASS, "all 6 checks passed", 20, List.of()));
        runs.add(run(TestKind.ENCODE, "x264enc", c.encoderSettings("x264enc"), Verdict.FAIL,
                "frames: 700 of 900 frames", 180, List.of()));
        MatrixReport later = new StabilityMatrix(c).runs(runs).build();
        assertEquals(MatrixStatus.STABLE, later.row(row.key()).status());
        MatrixRow x264 = later.rows().get(0);
        assertEquals(MatrixStatus.PARTIAL, x264.status(), "a run replaces the configured figure: " + x264.why());
        assertTrue(x264.known().startsWith("2025-12-19: stable, in use on the R58"), x264.known());
        assertEquals("2 x 22.5% = 45% <= 80%: fits (up to 3)", x264.capacity().arithmetic(), "measured 180% of 8 cores");
    }
}

package dev.r58ctl.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.config.Config;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.guard.GuardResult;
import dev.r58ctl.guard.GuardStore;
import dev.r58ctl.guard.Trial;
import dev.r58ctl.guard.TrialState;
import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.IncidentListener;
import dev.r58ctl.kernel.KernelLine;
import dev.r58ctl.kernel.KernelText;
import dev.r58ctl.kernel.Severity;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a board's events become for Prometheus, checked by Prometheus's own promtool. */
class MetricsStateTest {
    @TempDir
    Path dir;

    @Test
    void aBoardsEventsRenderAsMetricsPromtoolFindsNothingToSayAbout() throws Exception {
        Config config = MetricsFixtures.config(dir);
        String text = MetricsFixtures.complete(config).render();
        PrometheusTools.Run check = PrometheusTools.promtool(text, "check", "metrics");
        assertEquals("", check.output(), "promtool check metrics on:\n" + text);
        assertEquals(0, check.exit());

        assertTrue(text.contains("\nr58ctl_camera_fps{camera=\"cam0\",encoder=\"mpph264enc\"} 29.97\n"), text);
        assertTrue(text.contains("\nr58ctl_camera_up{camera=\"cam3\",encoder=\"mpph264enc\"} 1\n"), "the recorder's camera");
        assertTrue(text.contains("\nr58ctl_camera_up{camera=\"cam1\",encoder=\"mpph264enc\"} 0\n"), text);
        assertFalse(text.contains("r58ctl_camera_fps{camera=\"cam3\""), "no figure for a pipeline r58ctl does not run");
        assertTrue(text.contains("\nr58ctl_camera_output_bytes_per_second{camera=\"cam0\",encoder=\"mpph264enc\"} 2243800\n"), text);
        assertTrue(text.contains("\nr58ctl_temperature_celsius{zone=\"thermal_zone1\",type=\"bigcore0-thermal\"} 49\n"), text);
        assertTrue(text.contains("\nr58ctl_vpu_load_ratio{core=\"fdbd0000.rkvenc-core\"} 0.375\n"), text);
        assertTrue(text.contains("\nr58ctl_recorder_healthy 1\n"), text);
        assertTrue(text.contains("\nr58ctl_kernel_incidents_total{severity=\"critical\"} 1\n"), "the Oops, once:\n" + text);
        assertTrue(text.contains("\nr58ctl_kernel_incidents_total{severity=\"warning\"} 1\n"), text);
        assertTrue(text.contains("\nr58ctl_kernel_incidents_total{severity=\"error\"} 2\n"), "the driver lines around the warning");
        assertTrue(text.contains("\nr58ctl_kernel_incidents_total{severity=\"info\"} 0\n"), "every severity from the start");
        assertTrue(text.contains("\nr58ctl_trial_armed 1\n"), text);
        assertTrue(text.contains("\nr58ctl_guard_rolled_back 1\n"), text);
        assertTrue(text.contains("\nr58ctl_matrix_verdict{encoder=\"mpph264enc\",settings=\"unknown\",status=\"unstable\"} 1\n"),
                "the Oops of 2025-12-19:\n" + text);
        assertTrue(text.contains("\nr58ctl_matrix_verdict{encoder=\"mpph264enc\",settings=\"unknown\",status=\"stable\"} 0\n"), text);
        long recordingsMin = 10L << 30;
        String recordings = "disk=\"recordings\",path=\"" + dir.resolve("recordings").resolve("cam0") + "\"";
        assertTrue(text.contains("\nr58ctl_disk_min_free_bytes{" + recordings + "} " + recordingsMin + "\n"),
                "the recorder's min_disk_space_gb: 10\n" + text);
        assertTrue(text.contains("\nr58ctl_disk_warning_free_bytes{" + recordings + "} " + (5L << 30) + "\n"), text);
        assertTrue(text.contains("\nr58ctl_disk_free_bytes{disk=\"state\",path=\"" + config.stateDir() + "\"} "), text);
        assertTrue(text.contains("\nr58ctl_build_info{version=\"development\",java_version=\"" + System.getProperty("java.version")
                + "\"} 1\n"), text);
        long cores = text.lines().filter(l -> l.startsWith("r58ctl_cpu_core_usage_ratio{")).count();
        assertEquals(Runtime.getRuntime().availableProcessors(), cores, "a series per core of this machine");
    }

    @Test
    void beforeTheFirstSampleFamiliesWithoutFiguresAreAbsentAndTheSampleAgeGrows() throws Exception {
        AtomicLong now = new AtomicLong(1_765_000_000_000L);
        MetricsState state = new MetricsState(MetricsFixtures.config(dir), now::get);
        now.addAndGet(90_000);
        String text = state.render();
        assertEquals("", PrometheusTools.promtool(text, "check", "metrics").output(), text);
        assertTrue(text.contains("\nr58ctl_sample_age_seconds 90\n"), "a sampler that never sampled shows:\n" + text);
        for (String absent : List.of("r58ctl_camera_up", "r58ctl_cpu_usage_ratio", "r58ctl_disk_free_bytes",
                "r58ctl_recorder_healthy", "r58ctl_matrix_verdict", "r58ctl_kernel_last_incident_timestamp_seconds")) {
            assertFalse(text.contains(absent), absent + " before any figure:\n" + text);
        }
        assertTrue(text.contains("\nr58ctl_kernel_incidents_total{severity=\"critical\"} 0\n"), text);

        EngineEvent.SystemSampled s = MetricsFixtures.sample(MetricsFixtures.config(dir));
        state.accept(s);
        now.set(s.sample().timeMillis() + 2_500);
        assertTrue(state.render().contains("\nr58ctl_sample_age_seconds 2.5\n"), state.render());
    }

    @Test
    void anIncidentIsCountedWhenItOpensNotForEachOfItsLines() throws Exception {
        MetricsState state = new MetricsState(MetricsFixtures.config(dir));
        List<EngineEvent> oops = MetricsFixtures.kernel("oops-rk3588-mpp.txt");
        assertEquals(45, oops.size(), "OPENED, 43 LINE_ADDED and CLOSED");
        oops.forEach(state);
        String text = state.render();
        assertTrue(text.contains("\nr58ctl_kernel_incidents_total{severity=\"critical\"} 1\n"), text);
        Incident incident = ((EngineEvent.KernelIncident) oops.get(0)).incident();
        assertTrue(text.contains("\nr58ctl_kernel_last_incident_timestamp_seconds{severity=\"critical\"} "
                + new BigDecimal(incident.openedMillis()).movePointLeft(3).toPlainString() + "\n"), text);
    }

    @Test
    void anIncidentThatGrowsWorseCountsAgainUnderTheWorseSeverityAndCountersNeverGoDown() throws Exception {
        MetricsState state = new MetricsState(MetricsFixtures.config(dir));
        KernelLine cut = KernelText.fromText("[  10.000001] ------------[ cut here ]------------", 1, 1_765_000_000_000L);
        KernelLine oops = KernelText.fromText("[  10.000002] Internal error: Oops: 0000000096000005 [#29] SMP", 2,
                1_765_000_000_001L);
        Incident warning = new Incident("K1", Severity.WARNING, cut.text(), List.of(cut), 1, 1, 1_765_000_000_000L, 0);
        Incident worse = new Incident("K1", Severity.CRITICAL, cut.text(), List.of(cut, oops), 1, 2, 1_765_000_000_000L, 0);
        state.accept(new EngineEvent.KernelIncident(IncidentListener.Event.OPENED, warning, "idle"));
        state.accept(new EngineEvent.KernelIncident(IncidentListener.Event.LINE_ADDED, worse, "idle"));
        state.accept(new EngineEvent.KernelIncident(IncidentListener.Event.LINE_ADDED, worse, "idle"));
        state.accept(new EngineEvent.KernelIncident(IncidentListener.Event.CLOSED, worse, "idle"));
        String text = state.render();
        assertTrue(text.contains("\nr58ctl_kernel_incidents_total{severity=\"warning\"} 1\n"), text);
        assertTrue(text.contains("\nr58ctl_kernel_incidents_total{severity=\"critical\"} 1\n"), text);
        state.accept(new EngineEvent.KernelIncident(IncidentListener.Event.LINE_ADDED, warning, "idle"));
        assertTrue(state.render().contains("\nr58ctl_kernel_incidents_total{severity=\"warning\"} 1\n"),
                "a line of an incident already closed counts nothing");
    }

    @Test
    void aTornTrialRecordReadsAsUnknownAndAnArmedOneAsArmed() throws Exception {
        Config config = MetricsFixtures.config(dir);
        AtomicLong now = new AtomicLong(1_765_000_000_000L);
        MetricsState state = new MetricsState(config, now::get);
        Path trial = Files.createDirectories(config.stateDir().resolve("guard")).resolve("trial.json");
        GuardStore store = Trial.store(config);
        store.saveTrial(new TrialState("abc", "def", "known-good", "b1", "2026-01-10T09:00:00Z", 3600, 3, List.of("b1"),
                null, null));
        String whole = Files.readString(trial);
        Files.writeString(trial, whole.substring(0, whole.length() / 2)); // a power cut mid-write, without the guard's care
        String torn = state.render();
        assertEquals("", PrometheusTools.promtool(torn, "check", "metrics").output(), torn);
        assertTrue(torn.contains("\nr58ctl_trial_record_readable 0\n"), torn);
        assertFalse(torn.contains("r58ctl_trial_armed "), "unknown is not disarmed:\n" + torn);

        Files.writeString(trial, whole);
        assertFalse(state.render().contains("r58ctl_trial_armed "), "read at most every few seconds, not every scrape");
        now.addAndGet(TrialReading.EVERY_MILLIS);
        String armed = state.render();
        assertTrue(armed.contains("\nr58ctl_trial_armed 1\n"), armed);
        assertTrue(armed.contains("\nr58ctl_trial_armed_timestamp_seconds 1768035600\n"), armed);
        assertTrue(armed.contains("\nr58ctl_trial_record_readable 1\n"), armed);
    }

    @Test
    void theGuardsRollbackIsShownWithItsTime() throws Exception {
        MetricsState state = new MetricsState(MetricsFixtures.config(dir));
        assertTrue(state.render().contains("\nr58ctl_guard_rolled_back 0\n"));
        state.accept(new EngineEvent.GuardActed(new GuardResult("rolled-back", "crash in the trial", "crash", List.of(),
                "b2", "abc", "def", "ok", "healthy", "2026-01-10T09:30:00Z"), "rolled back"));
        String text = state.render();
        assertTrue(text.contains("\nr58ctl_guard_rolled_back 1\n"), text);
        assertTrue(text.contains("\nr58ctl_guard_rollback_timestamp_seconds 1768037400\n"), text);
    }

    @Test
    void scrapesDuringEventsSeeCountersThatOnlyGrow() throws Exception {
        MetricsState state = new MetricsState(MetricsFixtures.config(dir));
        List<EngineEvent> oops = MetricsFixtures.kernel("oops-rk3588-mpp.txt");
        Incident first = ((EngineEvent.KernelIncident) oops.get(0)).incident();
        int incidents = 2_000;
        Thread engine = new Thread(() -> {
            for (int i = 0; i < incidents; i++) {
                Incident each = new Incident("K" + i, first.severity(), first.title(), first.lines(), i, i,
                        first.openedMillis() + i, 0);
                state.accept(new EngineEvent.KernelIncident(IncidentListener.Event.OPENED, each, "idle"));
                state.accept(new EngineEvent.KernelIncident(IncidentListener.Event.CLOSED, each, "idle"));
                state.accept(MetricsFixtures.cameras());
            }
        }, "engine");
        engine.start();
        long seen = 0;
        String prefix = "r58ctl_kernel_incidents_total{severity=\"critical\"} ";
        while (seen < incidents) {
            boolean done = !engine.isAlive(); // before the render: all its events are in what the render reads
            String text = state.render();
            long now = text.lines().filter(l -> l.startsWith(prefix)).mapToLong(l -> Long.parseLong(l.substring(prefix.length())))
                    .findFirst().orElseThrow();
            assertTrue(now >= seen, "went down from " + seen + " to " + now);
            seen = now;
            if (done) {
                assertEquals(incidents, seen, "every incident counted once the engine is done");
            }
        }
        engine.join();
        assertEquals(incidents, seen);
    }
}

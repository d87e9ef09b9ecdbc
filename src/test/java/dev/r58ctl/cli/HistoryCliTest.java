package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.r58ctl.history.BoardSimulation;
import dev.r58ctl.history.HistoryWriter;
import dev.r58ctl.history.MutableClock;
import dev.r58ctl.testsupport.TestConfigs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history} and {@code status --at} on a state directory filled by the real writer, as the agent fills it. */
class HistoryCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2026-12-05T03:00:00Z");

    @TempDir
    Path tmp;
    Path config;
    Path state;

    @BeforeEach
    void setUp() {
        // the file names another state directory: --state-dir must win
        config = TestConfigs.write(tmp, "platform: generic\nstate_dir: " + tmp.resolve("elsewhere")
                + "\nrecorder: {config: null}\n");
        state = tmp.resolve("state");
    }

    /** {@code seconds} samples from {@code start}, an Oops opened and closed at +30 s, another opened at +50 s. */
    private void fill(Instant start, int seconds, Clock real) {
        MutableClock clock = new MutableClock(start);
        BoardSimulation board = new BoardSimulation();
        try (HistoryWriter w = new HistoryWriter(state.resolve("history"), Duration.ofDays(3),
                real == null ? clock : real)) {
            for (int i = 0; i < seconds; i++) {
                long now = start.toEpochMilli() + i * 1000L;
                clock.set(now);
                board.round(now, w);
                if (i == 30) {
                    board.incident(now, 0, w);
                }
                if (i == 50) {
                    board.opened(now, 1, w);
                }
            }
        }
    }

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--state-dir";
        all[1] = state.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.with(config, all);
    }

    @Test
    void textShowsOneLinePerSampleWithIncidentsBetween() {
        fill(T0, 120, null);
        CliRun r = run("history", "--from", T0.toString(), "--to", T0.plusSeconds(59).toString());
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("history ") && lines.get(0).endsWith(state.resolve("history").toString()),
                r.toString());
        assertEquals(60, lines.stream().filter(l -> l.contains(" cpu ")).count(), r.toString());
        String sample = lines.get(1);
        assertTrue(sample.matches(".*cam1 RUN \\d\\d\\.\\dfps \\d+k  cam2 RUN.*cam4 RUN .*"), sample);
        assertTrue(sample.contains("mem ") && sample.contains("°C"), sample);
        List<String> incidents = lines.stream().filter(l -> l.contains("!! kernel")).toList();
        assertEquals(3, incidents.size(), r.toString());
        assertTrue(incidents.get(0).endsWith("!! kernel C K2040 opened: Internal error: Oops: 96000005 [#1] SMP "
                + "(during recording)"), incidents.get(0));
        assertTrue(incidents.get(2).contains("E K2041 opened"), incidents.get(2));
        assertEquals("", r.err());

        CliRun one = run("history", "--from", T0.toString(), "--to", T0.plusSeconds(9).toString(), "--camera", "cam2");
        assertEquals(0, one.exit(), one.toString());
        assertTrue(one.out().contains("cam2 RUN") && !one.out().contains("cam1") && !one.out().contains("cam3"),
                one.toString());
    }

    @Test
    void jsonKeepsEverySampleWithSnakeCaseKeys() throws Exception {
        fill(T0, 120, null);
        CliRun r = run("history", "--from", T0.toString(), "--to", T0.plusSeconds(119).toString(), "--json",
                "--camera", "cam3");
        assertEquals(0, r.exit(), r.toString());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(T0.toString(), doc.get("from").asText());
        assertEquals(120, doc.get("samples").size());
        JsonNode s = doc.get("samples").get(0);
        assertEquals(T0.toEpochMilli(), s.get("time").asLong());
        assertTrue(s.has("mem_available_mib") && s.has("interval_ms"), s.toString());
        assertEquals(1, s.get("cameras").size());
        assertEquals("cam3", s.get("cameras").get(0).get("id").asText());
        assertEquals("r58ctl", s.get("cameras").get(0).get("run_by").asText());
        assertEquals(3, doc.get("incidents").size());
        assertEquals("K2040", doc.get("incidents").get(0).get("id").asText());
        assertEquals(0, doc.get("notes").size());
    }

    @Test
    void aLongRangeIsThinnedInTextOnly() throws Exception {
        fill(T0, 7200, null);
        CliRun r = run("history", "--from", T0.toString(), "--to", T0.plusSeconds(7199).toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("one line per 10 s (--json keeps every sample)"), r.out().substring(0, 300));
        assertEquals(720, r.out().lines().filter(l -> l.contains(" cpu ")).count());
        CliRun j = run("history", "--from", T0.toString(), "--to", T0.plusSeconds(7199).toString(), "--json");
        assertEquals(7200, JSON.readTree(j.out()).get("samples").size());
    }

    @Test
    void sinceReadsTheLastMinutesUpToNow() {
        Instant start = Instant.now().minusSeconds(90);
        fill(start, 60, Clock.systemUTC());
        CliRun r = run("history");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(60, r.out().lines().filter(l -> l.contains(" cpu ")).count(), r.toString());
        CliRun none = run("history", "--since", "10s");
        assertTrue(none.out().contains("no samples in this range (history from "), none.toString());
    }

    @Test
    void aBadTimeIsOneLineExitTwoAndNoHistoryIsSaidSo() throws Exception {
        CliRun bad = run("history", "--from", "half past three");
        assertEquals(2, bad.exit(), bad.toString());
        assertEquals("r58ctl: --from: expected " + TimeArg.FORMATS + ", got \"half past three\"\n", bad.err());
        assertEquals("", bad.out());
        CliRun badAt = run("status", "--at", "25:61");
        assertEquals(2, badAt.exit(), badAt.toString());
        assertTrue(badAt.err().startsWith("r58ctl: --at: expected "), badAt.toString());

        CliRun none = run("history");
        assertEquals(0, none.exit(), none.toString());
        assertEquals("no history under " + state.resolve("history") + ": `r58ctl agent` records it\n", none.out());
        JsonNode doc = JSON.readTree(run("history", "--json").out());
        assertEquals(0, doc.get("samples").size());
        assertEquals(0, doc.get("incidents").size());
        assertTrue(doc.get("notes").get(0).asText().startsWith("no history under "), doc.toString());
    }

    @Test
    void statusAtShowsThePastMomentWithIncidentsOpenThen() throws Exception {
        fill(T0, 120, null);
        DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
        Instant at = T0.plusMillis(60_400);
        CliRun r = run("status", "--at", at.toString());
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals("at " + hms.format(at) + " (from history, sample of " + hms.format(T0.plusSeconds(60)) + ")",
                lines.get(0));
        assertTrue(lines.get(1).matches("cpu +\\d+\\.\\d%  cores( \\d+%){8}  load .*"), lines.get(1));
        assertTrue(r.out().contains("\nhealth      ok\n"), r.out());
        assertTrue(r.out().contains("  camera    cam4   RUNNING by r58ctl  "), r.out());
        assertTrue(r.out().contains("            recordings /mnt/sdcard/recordings: "), r.out());
        assertTrue(r.out().contains("kernel      2 incident(s) in the hour before, 1 open then\n"), r.out());
        assertTrue(r.out().contains("  E K2041 mpp_rkvenc2: wait task timeout (open)\n"), r.out());
        assertFalse(r.out().contains("K2040 Internal error: Oops: 96000005 [#1] SMP (open)"), r.out());

        JsonNode doc = JSON.readTree(run("status", "--at", at.toString(), "--json").out());
        assertEquals(T0.plusSeconds(60).toString(), doc.get("sample_time").asText());
        assertEquals(List.of("K2041"), List.of(doc.get("open_incidents").get(0).asText()));
        assertEquals(8192, doc.get("sample").get("mem_total_mib").asInt());

        CliRun far = run("status", "--at", T0.minus(Duration.ofDays(1)).toString());
        assertEquals(1, far.exit(), far.toString());
        assertTrue(far.err().startsWith("r58ctl: no history sample near ") && far.err().lines().count() == 1,
                far.toString());
        assertEquals("", far.out());
    }
}

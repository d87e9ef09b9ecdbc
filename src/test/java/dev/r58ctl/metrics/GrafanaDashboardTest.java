package dev.r58ctl.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard, the alert rules and the metrics reference name only metrics r58ctl serves, and every metric
 * it serves is in the reference. (PrometheusScrapeTest has a real Prometheus parse each of the dashboard's queries.)
 */
class GrafanaDashboardTest {
    static final Path DASHBOARD = PrometheusTools.ROOT.resolve("docs/grafana/r58ctl-dashboard.json");
    private static final Pattern NAME = Pattern.compile("\\br58ctl_[a-z0-9_]+");

    @TempDir
    Path dir;

    /** Every query of the dashboard: panels' targets and annotations. */
    static List<String> expressions() throws IOException {
        JsonNode d = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> out = new ArrayList<>();
        d.findValues("expr").forEach(e -> out.add(e.asText()));
        return out;
    }

    private Set<String> served() throws Exception {
        String text = MetricsFixtures.complete(MetricsFixtures.config(dir)).render();
        Set<String> names = new TreeSet<>();
        text.lines().filter(l -> l.startsWith("# TYPE ")).forEach(l -> names.add(l.split(" ")[2]));
        return names;
    }

    private static Set<String> named(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    @Test
    void theDashboardIsImportableJsonWhoseQueriesNameServedMetrics() throws Exception {
        JsonNode d = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertEquals("DS_PROMETHEUS", d.get("__inputs").get(0).get("name").asText());
        assertTrue(d.get("panels").size() >= 8, "panels: " + d.get("panels").size());
        assertFalse(d.get("annotations").get("list").findValues("expr").isEmpty(), "kernel incidents as annotations");
        List<String> exprs = expressions();
        Set<String> used = new TreeSet<>();
        exprs.forEach(e -> used.addAll(named(e)));
        for (String family : List.of("r58ctl_camera_fps", "r58ctl_cpu_core_usage_ratio", "r58ctl_temperature_celsius",
                "r58ctl_vpu_load_ratio", "r58ctl_disk_free_bytes", "r58ctl_kernel_incidents_total")) {
            assertTrue(used.contains(family), family + " on the dashboard: " + used);
        }
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(served());
        assertEquals(Set.of(), unknown, "the dashboard names metrics r58ctl does not serve");
    }

    @Test
    void theAlertRulesNameServedMetrics() throws Exception {
        Set<String> unknown = named(Files.readString(PrometheusTools.ROOT.resolve("docs/prometheus/r58ctl.rules.yml")));
        assertTrue(unknown.contains("r58ctl_camera_up"), unknown.toString());
        unknown.removeAll(served());
        assertEquals(Set.of(), unknown, "the rules name metrics r58ctl does not serve");
    }

    @Test
    void theReferenceTableListsEveryServedMetric() throws Exception {
        Set<String> documented = named(Files.readString(PrometheusTools.ROOT.resolve("docs/prometheus.md")));
        Set<String> missing = new TreeSet<>(served());
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "served but not in docs/prometheus.md");
        assertTrue(served().contains("r58ctl_guard_rollback_timestamp_seconds"), "the families a quiet board leaves out too");
    }
}

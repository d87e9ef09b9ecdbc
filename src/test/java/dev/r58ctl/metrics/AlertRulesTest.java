package dev.r58ctl.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert rules shipped in docs/prometheus, checked and unit-tested by promtool. */
class AlertRulesTest {
    @TempDir
    Path dir;

    @Test
    void theRulesAreValid() {
        PrometheusTools.Run run = PrometheusTools.promtool(null, "check", "rules", "docs/prometheus/r58ctl.rules.yml");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("SUCCESS: 9 rules found"), run.output());
    }

    @Test
    void eachAlertFiresWhenItShouldAndOnlyThen() {
        PrometheusTools.Run run = PrometheusTools.promtool(null, "test", "rules", "docs/prometheus/r58ctl.rules.test.yml");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("SUCCESS"), run.output());
    }

    @Test
    void theRuleTestsCatchAThresholdMovedTheWrongWay() throws Exception {
        // the tests are worth something only if a broken rule fails them: lower the fps threshold and run them again
        Path rules = PrometheusTools.ROOT.resolve("docs/prometheus");
        String broken = Files.readString(rules.resolve("r58ctl.rules.yml")).replace("r58ctl_camera_fps < 25", "r58ctl_camera_fps < 15");
        Files.writeString(dir.resolve("r58ctl.rules.yml"), broken);
        Files.copy(rules.resolve("r58ctl.rules.test.yml"), dir.resolve("r58ctl.rules.test.yml"));
        PrometheusTools.Run run = PrometheusTools.promtool(null, "test", "rules", dir.resolve("r58ctl.rules.test.yml").toString());
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("alertname: R58CameraSlow"), run.output());
    }
}

package dev.r58ctl.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.testsupport.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard: section: defaults, values, and file:line:key errors like every other section. */
class GuardConfigTest {
    @TempDir
    Path tmp;

    private String fails(String yaml) {
        R58Exception e = assertThrows(R58Exception.class, () -> TestConfigs.load(tmp, yaml));
        assertEquals(R58Exception.BAD_INPUT, e.exitCode());
        return e.getMessage();
    }

    @Test
    void defaultsAndValues() {
        Config d = TestConfigs.load(tmp, "recorder: {config: null}\n");
        assertEquals(new Config.GuardSettings(2, Duration.ofHours(24)), d.guard());
        assertEquals(Path.of("/proc/sys/kernel/random/boot_id"), d.kernel().bootIdFile());
        Config c = TestConfigs.load(tmp, "recorder: {config: null}\nguard:\n  max_boots: 3\n  window: 90m\n");
        assertEquals(new Config.GuardSettings(3, Duration.ofMinutes(90)), c.guard());
    }

    @Test
    void badValuesNameFileLineAndKey() {
        String file = tmp.resolve("config.yml").toString();
        assertEquals(file + ":3: guard.max_boots: expected a number of boots between 1 and 100, got 0",
                fails("recorder: {config: null}\nguard:\n  max_boots: 0\n"));
        assertEquals(file + ":3: guard.window: expected a duration such as 30s, 5m or 1h, got \"soon\"",
                fails("recorder: {config: null}\nguard:\n  window: soon\n"));
        assertEquals(file + ":3: guard.boot_id_file: unknown key; allowed here: max_boots, window",
                fails("recorder: {config: null}\nguard:\n  boot_id_file: /tmp/x\n"));
    }
}

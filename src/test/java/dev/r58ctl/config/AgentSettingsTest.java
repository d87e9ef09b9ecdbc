package dev.r58ctl.config;

import static dev.r58ctl.config.ConfigFixtures.failure;
import static dev.r58ctl.config.ConfigFixtures.genericCompatible;
import static dev.r58ctl.config.ConfigFixtures.loader;
import static dev.r58ctl.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code agent:} section: r58ctl's own, so strict, with defaults for every key. */
class AgentSettingsTest {
    @TempDir
    Path tmp;

    private ConfigLoader loaderOf(String yaml) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        return loader(write(tmp, "config.yml", yaml), genericCompatible(tmp), home);
    }

    @Test
    void defaults() throws Exception {
        Config c = loaderOf("recorder: {config: null}\nstate_dir: " + tmp.resolve("st") + "\n").load();
        Config.AgentSettings a = c.agent();
        assertEquals(Duration.ofSeconds(1), a.interval());
        assertEquals(Duration.ofHours(48), a.retention());
        assertEquals("127.0.0.1:9258", a.metricsAddress());
        assertTrue(a.socket().isAbsolute());
    }

    @Test
    void valuesAreRead() throws Exception {
        Config c = loaderOf("recorder: {config: null}\nagent: {interval: 2s, retention: 12h, metrics: \"0.0.0.0:9300\","
                + " socket: " + tmp.resolve("a.sock") + "}\n").load();
        assertEquals(Duration.ofSeconds(2), c.agent().interval());
        assertEquals(Duration.ofHours(12), c.agent().retention());
        assertEquals("0.0.0.0", c.agent().metricsHost());
        assertEquals(9300, c.agent().metricsPort());
        assertEquals(tmp.resolve("a.sock"), c.agent().socket());
    }

    @Test
    void metricsOff() throws Exception {
        Config c = loaderOf("recorder: {config: null}\nagent: {metrics: off}\n").load();
        assertFalse(c.agent().metricsEnabled());
        assertEquals("off", c.agent().metricsAddress());
    }

    @Test
    void badValuesNameTheLine() throws Exception {
        String f = failure(loaderOf("recorder: {config: null}\nagent:\n  metrics: localhost\n"));
        assertTrue(f.contains("config.yml:3") && f.contains("HOST:PORT"), f);
        f = failure(loaderOf("recorder: {config: null}\nagent:\n  interval: 10ms\n"));
        assertTrue(f.contains("config.yml:3") && f.contains("interval"), f);
        f = failure(loaderOf("recorder: {config: null}\nagent:\n  retenshun: 1h\n"));
        assertTrue(f.contains("retenshun"), f);
    }
}

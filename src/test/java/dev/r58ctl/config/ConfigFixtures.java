package dev.r58ctl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared helpers: machine-independent loaders, fixture files and exact error assertions. */
final class ConfigFixtures {
    /** A device tree compatible list as an R58 (RK3588) board has it. */
    static final String R58_COMPATIBLE = "mekotronics,r58\0rockchip,rk3588\0";

    /** Where the shipped example points recorder.config; tests that load it need it absent. */
    static final Path PRODUCTION_RECORDER_CONFIG = Path.of("/opt/preke-r58-recorder/config.yml");

    private ConfigFixtures() {
    }

    /** A compatible file that makes platform detection say r58. */
    static Path r58Compatible(Path dir) {
        return write(dir, "compatible-r58", R58_COMPATIBLE);
    }

    /** A compatible file that does not exist: platform detection says generic. */
    static Path genericCompatible(Path dir) {
        return dir.resolve("no-such-compatible");
    }

    static Path write(Path dir, String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = ConfigFixtures.class.getResourceAsStream(name)) {
            assertNotNull(in, "missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorder's own file, as in production. */
    static String recorderConfig() {
        return resource("/config/recorder-config.yml");
    }

    /** The 1-based number of the only line of {@code text} equal to {@code line}. */
    static int lineOf(String text, String line) {
        String[] lines = text.split("\n", -1);
        int found = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals(line)) {
                assertEquals(-1, found, "line occurs twice: " + line);
                found = i + 1;
            }
        }
        if (found < 0) {
            throw new AssertionError("no line " + line);
        }
        return found;
    }

    /** Replaces the only line equal to {@code line}. */
    static String replaceLine(String text, String line, String replacement) {
        int n = lineOf(text, line);
        String[] lines = text.split("\n", -1);
        lines[n - 1] = replacement;
        return String.join("\n", lines);
    }

    static ConfigLoader loader(Path file, Path compatible, Path home) {
        return new ConfigLoader().file(file).compatibleFile(compatible).home(home);
    }

    /** Loading must fail as bad input with one line: returns that line. */
    static String failure(ConfigLoader loader) {
        R58Exception e = assertThrows(R58Exception.class, loader::load);
        assertEquals(R58Exception.BAD_INPUT, e.exitCode(), "exit code of: " + e.getMessage());
        assertEquals(2, e.exitCode());
        assertNotNull(e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"),
                "message must be one line: " + e.getMessage());
        return e.getMessage();
    }

    static void assertFailure(String expected, ConfigLoader loader) {
        assertEquals(expected, failure(loader));
    }
}

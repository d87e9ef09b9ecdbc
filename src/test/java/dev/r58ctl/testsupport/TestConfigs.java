package dev.r58ctl.testsupport;

import dev.r58ctl.config.Config;
import dev.r58ctl.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a configuration file into a test's directory and loads it the way the command line does. */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static Path write(Path dir, String yaml) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("config.yml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads {@code yaml} with platform detection pointed at nothing (generic unless the file says r58). */
    public static Config load(Path dir, String yaml) {
        return new ConfigLoader().file(write(dir, yaml)).compatibleFile(dir.resolve("no-device-tree"))
                .home(dir).load();
    }

    /** A generic-platform configuration with a state directory inside {@code dir} and the given cameras section. */
    public static Config generic(Path dir, String cameras) {
        return load(dir, "platform: generic\nstate_dir: " + dir.resolve("state") + "\nrecorder: {config: null}\n"
                + "cameras:\n" + cameras);
    }
}

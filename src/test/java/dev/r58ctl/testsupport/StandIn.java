package dev.r58ctl.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The stand-in recorder service (a small Python HTTP server with /health) and free ports for it. */
public final class StandIn {
    public static final String PYTHON = "/usr/bin/python3";

    private StandIn() {
    }

    /** Copies the stand-in script into {@code dir} and returns its path. */
    public static Path script(Path dir) {
        try (InputStream in = StandIn.class.getResourceAsStream("/dev/r58ctl/demo/recorder_standin.py")) {
            Files.createDirectories(dir);
            Path p = dir.resolve("recorder_standin.py");
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The argument list that runs the stand-in on {@code port}. */
    public static List<String> command(Path dir, int port, String... extra) {
        List<String> argv = new java.util.ArrayList<>(List.of(PYTHON, script(dir).toString(), String.valueOf(port)));
        argv.addAll(List.of(extra));
        return argv;
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.r58ctl.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real RTSP server on loopback: the demo's mediamtx_standin.py (gst-rtsp-server through Debian's python3-gi and
 * gir1.2-gst-rtsp-server-1.0). It accepts an RTSP RECORD publish, e.g. from rtspclientsink, at
 * {@code rtsp://127.0.0.1:PORT/publish/NAME}, or at {@code rtsp://127.0.0.1:PORT/NAME} as MediaMTX does, and serves
 * what is published, H.264 or H.265, at {@code rtsp://127.0.0.1:PORT/read/NAME}. Reading a NAME nobody publishes is refused (404, or 503 before the
 * publisher's first packet and after it left).
 */
public final class RtspTestServer implements AutoCloseable {
    private static final Path PYTHON = Path.of("/usr/bin/python3"); // the python3 on PATH may lack gi
    private static final Duration READY = Duration.ofSeconds(10);
    private final Process process;
    private final int port;
    private final Path log;

    private RtspTestServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the server on a free port, its output going to {@code dir/rtsp-server.log}; waits for READY. */
    public static RtspTestServer start(Path dir) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("src/main/resources/dev/r58ctl/demo/mediamtx_standin.py");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException(script + " missing");
        }
        if (!Files.isExecutable(PYTHON)) {
            throw new IllegalStateException(PYTHON + " missing: install python3-gi and gir1.2-gst-rtsp-server-1.0");
        }
        int port = NginxRtmp.freePort();
        Files.createDirectories(dir);
        Path log = dir.resolve("rtsp-server.log");
        Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RtspTestServer server = new RtspTestServer(p, port, log);
        if (!server.awaitLine("READY " + port, READY)) {
            server.close();
            throw new IllegalStateException("mediamtx_standin.py did not print READY " + port + " within "
                    + READY.toSeconds() + " s (exit " + (p.isAlive() ? "none" : p.exitValue()) + "): " + server.log());
        }
        return server;
    }

    public int port() {
        return port;
    }

    /** Where rtspclientsink publishes {@code name} (RTSP ANNOUNCE + RECORD). */
    public String publishUrl(String name) {
        return "rtsp://127.0.0.1:" + port + "/publish/" + name;
    }

    /** The read-back address as a {@code mediamtx.read_url} template: publishers use the MediaMTX form. */
    public String readUrlTemplate() {
        return "rtsp://127.0.0.1:" + port + "/read/{path}";
    }

    /** Where a reader plays what is published as {@code name}. */
    public String readUrl(String name) {
        return "rtsp://127.0.0.1:" + port + "/read/" + name;
    }

    /**
     * Waits until the server has received the first RTP packet published as {@code name}; before that a read of
     * {@link #readUrl} is refused. False after the timeout.
     */
    public boolean awaitPublishing(String name, Duration timeout) throws IOException, InterruptedException {
        return awaitLine("PUBLISHING " + name + " ", timeout);
    }

    /** Everything the script printed (one line per publish, read and refusal, plus GStreamer's warnings). */
    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private boolean awaitLine(String prefix, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().lines().anyMatch(l -> l.startsWith(prefix))) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}

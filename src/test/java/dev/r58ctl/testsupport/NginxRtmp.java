package dev.r58ctl.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real RTMP server on loopback: nginx with Debian's libnginx-mod-rtmp, run from a config in a temporary
 * directory (installed by scripts/setup). Publishing to {@code rtmp://127.0.0.1:PORT/live/NAME} and reading the
 * same URL back both work.
 */
public final class NginxRtmp implements AutoCloseable {
    private static final Path MODULE = Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so");
    private final Process process;
    private final int port;
    private final Path dir;

    private NginxRtmp(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    public static NginxRtmp start(Path dir) throws IOException, InterruptedException {
        if (!Files.exists(MODULE)) {
            throw new IllegalStateException(MODULE + " missing: run scripts/setup (libnginx-mod-rtmp)");
        }
        int port = freePort();
        Files.createDirectories(dir);
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, String.join("\n",
                "load_module " + MODULE + ";",
                "daemon off;",
                "master_process off;",
                "worker_processes 1;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + " info;",
                "events { worker_connections 64; }",
                "rtmp { server { listen 127.0.0.1:" + port + "; application live { live on; record off; } } }",
                ""));
        Process p = new ProcessBuilder("nginx", "-c", conf.toString(), "-p", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("nginx exited: " + Files.readString(dir.resolve("stdout.log"))
                        + (Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : ""));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new NginxRtmp(p, port, dir);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("nginx did not listen on " + port + " within 10 s");
    }

    public int port() {
        return port;
    }

    public String url(String name) {
        return "rtmp://127.0.0.1:" + port + "/live/" + name;
    }

    public String log() throws IOException {
        Path log = dir.resolve("error.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}

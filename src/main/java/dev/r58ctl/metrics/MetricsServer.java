package dev.r58ctl.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /metrics} for Prometheus at the configured {@code agent.metrics} address (127.0.0.1:9258 unless
 * the operator chose to bind beyond loopback), a small page at {@code /}, and 404 elsewhere. It uses the JDK's HTTP
 * server with no executor: requests are answered on its one dispatcher thread, a daemon, and the metrics are rendered
 * only when someone asks. (That dispatcher returns from its selector once a second even when nobody scrapes: the
 * JDK's {@code select(1000)}, no work done, about one context switch a second.)
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
    private static final byte[] INDEX = ("<!DOCTYPE html>\n<html><head><title>r58ctl</title></head><body>\n"
            + "<h1>r58ctl</h1>\n<p><a href=\"/metrics\">Metrics</a> for Prometheus.</p>\n</body></html>\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_FOUND = "not found: r58ctl serves /metrics\n".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final MetricsState state;
    private final String address;
    /** The server's threads are made in this group (they inherit the starter's), so close() can join them. */
    private final ThreadGroup threads = new ThreadGroup("r58ctl-metrics");

    private MetricsServer(HttpServer server, MetricsState state, String address) {
        this.server = server;
        this.state = state;
        this.address = address;
    }

    /**
     * Binds and starts serving.
     *
     * @param settings the {@code agent:} section; its metrics must be enabled ({@link Config.AgentSettings#metricsEnabled()}),
     *                 port 0 picks a free port ({@link #port()} tells which)
     * @param state    what to serve
     * @throws R58Exception (exit 1) in one line when the address cannot be bound, e.g.
     *                      {@code cannot serve metrics on 127.0.0.1:9258: address already in use}
     */
    public static MetricsServer start(Config.AgentSettings settings, MetricsState state) {
        if (!settings.metricsEnabled()) {
            throw new IllegalArgumentException("metrics are off in the configuration (agent.metrics: off)");
        }
        String address = settings.metricsAddress();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.metricsHost(), settings.metricsPort()), 8);
        } catch (BindException e) {
            throw R58Exception.failed("cannot serve metrics on " + address + ": " + reason(e));
        } catch (IOException | RuntimeException e) {
            throw R58Exception.failed("cannot serve metrics on " + address + ": " + reason(e));
        }
        MetricsServer m = new MetricsServer(server, state, address);
        server.createContext("/", m::handle);
        server.setExecutor(null); // answered on the dispatcher thread itself: one thread in all
        // the dispatcher thread takes its daemon flag from the thread that starts the server: start it from a daemon
        Thread starter = new Thread(m.threads, server::start, "r58ctl-metrics-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(0);
            throw R58Exception.failed("cannot serve metrics on " + address + ": interrupted while starting");
        }
        LOG.info("metrics served on http://{}:{}/metrics", settings.metricsHost(), m.port());
        return m;
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int paren = m.indexOf(" (");
        m = paren > 0 ? m.substring(0, paren) : m; // "Address already in use (Bind failed)"
        return m.toLowerCase(Locale.ROOT);
    }

    /** The port served: the configured one, or the one picked for port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String method = x.getRequestMethod();
            boolean head = "HEAD".equals(method);
            String path = x.getRequestURI().getPath();
            if (!head && !"GET".equals(method)) {
                x.getResponseHeaders().set("Allow", "GET, HEAD");
                send(x, 405, "text/plain; charset=utf-8", "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8), false);
            } else if ("/metrics".equals(path)) {
                byte[] body;
                try {
                    body = state.render().getBytes(StandardCharsets.UTF_8);
                } catch (RuntimeException e) {
                    LOG.error("metrics: rendering failed", e);
                    send(x, 500, "text/plain; charset=utf-8", "rendering failed; see r58ctl.log\n"
                            .getBytes(StandardCharsets.UTF_8), head);
                    return;
                }
                send(x, 200, Exposition.CONTENT_TYPE, body, head);
            } else if ("/".equals(path)) {
                send(x, 200, "text/html; charset=utf-8", INDEX, head);
            } else {
                send(x, 404, "text/plain; charset=utf-8", NOT_FOUND, head);
            }
        }
    }

    private static void send(HttpExchange x, int status, String type, byte[] body, boolean head) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        if (head) {
            x.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            x.sendResponseHeaders(status, -1);
            return;
        }
        x.sendResponseHeaders(status, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops serving, closes the port and waits for the server's thread to end. */
    @Override
    public void close() {
        server.stop(0);
        Thread[] left = new Thread[8];
        int n = threads.enumerate(left);
        for (int i = 0; i < n; i++) {
            if (left[i] != Thread.currentThread()) {
                try {
                    left[i].join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        LOG.info("metrics no longer served on {}", address);
    }

    /** The server's threads still alive (none after {@link #close()}). */
    int liveThreads() {
        return threads.activeCount();
    }
}

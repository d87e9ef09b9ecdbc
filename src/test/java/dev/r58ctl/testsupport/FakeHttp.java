package dev.r58ctl.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A real HTTP server on 127.0.0.1 with a free port, answering each path with what the test set. Handlers run on
 * their own threads, so one held on a latch does not hold up the others.
 */
public final class FakeHttp implements AutoCloseable {
    /** One answer. */
    public record Reply(int code, String contentType, String body) {
        public static Reply json(String body) {
            return new Reply(200, "application/json", body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-http");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Supplier<Reply>> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    public FakeHttp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public FakeHttp on(String path, Supplier<Reply> reply) {
        routes.put(path, reply);
        return this;
    }

    public FakeHttp json(String path, String body) {
        return on(path, () -> Reply.json(body));
    }

    public FakeHttp reply(String path, int code, String contentType, String body) {
        return on(path, () -> new Reply(code, contentType, body));
    }

    /** Answers {@code path} only once {@code release} is counted down (or after 30 s, so no test hangs). */
    public FakeHttp held(String path, CountDownLatch release, Reply reply) {
        return on(path, () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return reply;
        });
    }

    /** Requests that reached {@code path} (counted when the request arrives, before the answer). */
    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Supplier<Reply> route = routes.get(path);
        Reply reply = route == null ? new Reply(404, "application/json", "{\"detail\":\"Not Found\"}") : route.get();
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(reply.code(), bytes.length == 0 ? -1 : bytes.length);
            out.write(bytes);
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer to
        }
    }

    /** A loopback URL on a port where nothing listens: the port was free a moment ago and is closed again. */
    public static String refusedUrl(String path) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort() + path;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

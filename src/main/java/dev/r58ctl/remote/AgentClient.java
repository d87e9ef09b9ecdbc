package dev.r58ctl.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A front end's way to r58ctl agent on this machine: attach to its engine (the dashboard), or ask it for what it last
 * measured (status). Each answers null when no agent answers on {@code agent.socket}, so the front end measures
 * in-process instead, saying so in one line. {@code R58CTL_NO_AGENT=1} in the environment (or a command's
 * {@code --no-agent}) skips the agent.
 */
public final class AgentClient {
    /** The environment variable that keeps front ends in-process. */
    public static final String NO_AGENT_ENV = "R58CTL_NO_AGENT";
    /** The one line a front end says when it measures in-process because no agent answered. */
    public static final String NOT_RUNNING = "r58ctl agent is not running: measuring here";
    private static final Logger LOG = LoggerFactory.getLogger(AgentClient.class);
    private static final Duration ANSWER = Duration.ofSeconds(10);

    private AgentClient() {
    }

    /** True when the environment asks for in-process engines. */
    public static boolean disabledByEnvironment() {
        String v = System.getenv(NO_AGENT_ENV);
        return v != null && !v.isEmpty() && !v.equals("0");
    }

    /** The agent's engine, attached (its hello arrived), or null when no agent answers on the socket. */
    public static RemoteEngine attach(Config config) {
        Path socket = config.agent().socket();
        RemoteEngine engine = new RemoteEngine(AgentChannel.opener(socket), " (r58ctl agent)", "r58ctl agent",
                KmsgJournal.none(), line -> LOG.info("{}", line));
        try {
            return engine.start();
        } catch (R58Exception e) {
            LOG.info("not attached to the agent: {}", e.getMessage());
            return null;
        }
    }

    /** What the agent last measured, or null when no agent answers (or it does not answer within 10 s). */
    public static AgentSnapshot snapshot(Path socket) {
        SocketChannel ch;
        try {
            ch = SocketStreams.connect(socket);
        } catch (IOException | RuntimeException e) {
            LOG.info("no agent on {}: {}", socket, e.getMessage());
            return null;
        }
        CompletableFuture<AgentSnapshot> answer = CompletableFuture.supplyAsync(() -> read(ch));
        try {
            SocketStreams.out(ch).write((Wire.command("snapshot") + "\n").getBytes(StandardCharsets.UTF_8));
            return answer.get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | java.util.concurrent.ExecutionException | TimeoutException e) {
            LOG.warn("the agent on {} gave no snapshot: {}", socket, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            try {
                ch.close();
            } catch (IOException e) {
                // done with it
            }
        }
    }

    /** Reads the hello, the picture and the events that pass meanwhile until the snapshot arrives. */
    private static AgentSnapshot read(SocketChannel ch) {
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(SocketStreams.in(ch), StandardCharsets.UTF_8),
                    1 << 16);
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                // inside a JSON string every quote is escaped: only the answer's own type matches
                if (line.contains("\"type\":\"snapshot\"")) {
                    return (AgentSnapshot) Wire.read(line).value();
                }
                if (line.contains("\"type\":\"hello\"") && ((Wire.Hello) Wire.read(line).value()).protocol()
                        != Wire.PROTOCOL) {
                    throw new IllegalStateException("the agent speaks another protocol");
                }
            }
            throw new IllegalStateException("the agent closed the connection");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable answer: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }
}

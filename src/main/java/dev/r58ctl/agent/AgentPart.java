package dev.r58ctl.agent;

import dev.r58ctl.engine.EngineEvent;
import java.util.function.Consumer;

/**
 * Something that lives as long as the agent and hears every event of its engine: the history writer, the metrics
 * server. Parts are given events from the moment the control socket is bound (before the engine starts, so they hear
 * its first sample and the kernel lines read at start), are called on engine threads (return quickly), and are
 * closed, last first, before the engine is.
 */
public interface AgentPart extends Consumer<EngineEvent>, AutoCloseable {
    /** Makes and starts a part; called once the control socket is bound. A failure is logged, the agent goes on. */
    @FunctionalInterface
    interface Factory {
        AgentPart start(dev.r58ctl.config.Config config) throws Exception;
    }

    /** A name for the log. */
    default String name() {
        return getClass().getSimpleName();
    }

    @Override
    void close();

    /** A part made of an event consumer and a resource closed after it (e.g. a metrics state and its server). */
    static AgentPart of(String name, Consumer<EngineEvent> events, AutoCloseable resource) {
        return new AgentPart() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void accept(EngineEvent e) {
                events.accept(e);
            }

            @Override
            public void close() {
                try {
                    if (resource != null) {
                        resource.close();
                    }
                } catch (Exception e) {
                    org.slf4j.LoggerFactory.getLogger(AgentPart.class).warn("closing {}: {}", name, e.toString());
                }
            }
        };
    }
}

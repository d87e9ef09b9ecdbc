package dev.r58ctl.demo;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.host.ProcessService;
import dev.r58ctl.host.ServiceControl;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's two stand-ins, started and stopped together: the recorder service (unhealthy at the migration commit
 * until rolled back) and the RTSP side of MediaMTX (mediamtx_standin.py), where the push test publishes and reads
 * its stream back. Without the latter (python3-gi or gir1.2-gst-rtsp-server-1.0 missing) the demo still runs; the
 * push test then fails, saying nothing answered.
 */
public final class DemoServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoServices.class);
    private static final String PYTHON = "/usr/bin/python3"; // the python3 on PATH may lack gi

    private final ServiceControl recorder;
    private final ProcessService mediamtx;

    private DemoServices(ServiceControl recorder, ProcessService mediamtx) {
        this.recorder = recorder;
        this.mediamtx = mediamtx;
    }

    /** Starts both for a configuration made by {@link DemoSandbox#prepare}. */
    public static DemoServices start(Config c) {
        Path base = c.stateDir().getParent(); // state_dir is ${DEMO}/state
        ProcessService mediamtx = new ProcessService("mediamtx-standin", List.of(PYTHON,
                base.resolve(DemoSandbox.MEDIAMTX_SCRIPT).toString(), Integer.toString(c.mediamtx().rtspPort())),
                base, c.stateDir().resolve("service"));
        try {
            mediamtx.start();
        } catch (R58Exception e) {
            LOG.warn("the demo's MediaMTX stand-in did not start (push tests will fail): {}", e.getMessage());
        }
        ServiceControl recorder = ServiceControl.of(c);
        recorder.start();
        return new DemoServices(recorder, mediamtx);
    }

    @Override
    public void close() {
        try {
            mediamtx.stop();
        } catch (R58Exception e) {
            LOG.warn("stopping the MediaMTX stand-in: {}", e.getMessage());
        }
        recorder.stop();
    }
}

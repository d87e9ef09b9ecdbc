package dev.r58ctl.cli;

import dev.r58ctl.config.Config;
import dev.r58ctl.host.HealthCheck;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl health}: asks recorder.health_url; exit 0 healthy, 1 not. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Ask the recorder's health URL. Healthy: HTTP 2xx within recorder.health_timeout_ms and, when "
                + "the body is JSON with a status field, \"healthy\" or \"ok\". Exit 0 healthy, 1 not.")
final class HealthCommand extends BaseCommand {
    @Option(names = "--wait", description = "Ask again until healthy, for up to recorder.health_timeout_ms.")
    boolean waitHealthy;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        Config.RecorderSettings r = config().recorder();
        Duration timeout = Duration.ofMillis(r.healthTimeoutMs());
        HealthCheck check = new HealthCheck(r.healthUrl(), timeout);
        HealthCheck.Result result = waitHealthy ? check.waitHealthy(timeout, Duration.ofMillis(500)) : check.check();
        if (json) {
            printJson(result);
        } else {
            out().println((result.healthy() ? "healthy: " : "NOT healthy: ") + result.detail() + " (" + result.url()
                    + ", " + result.elapsedMs() + " ms)");
        }
        return result.healthy() ? 0 : 1;
    }
}

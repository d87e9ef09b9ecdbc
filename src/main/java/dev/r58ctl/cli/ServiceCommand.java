package dev.r58ctl.cli;

import dev.r58ctl.host.ServiceControl;
import dev.r58ctl.host.ServiceState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code r58ctl service status|start|stop|restart}: the recorder service through the configured manager
 * (systemd, or a plain process kept by r58ctl). Exit 0 when it ends up as asked, 1 when not.
 */
@Command(name = "service", mixinStandardHelpOptions = true,
        description = "Status, start, stop or restart the recorder service (recorder.service_manager).")
final class ServiceCommand extends BaseCommand {

    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return 0;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Whether the service runs. Exit 0 when running, 1 when not.")
    int status(@Option(names = "--json", description = "Print one JSON document.") boolean json) {
        ServiceState s = control().status();
        if (json) {
            printJson(s);
        } else {
            out().println(s.name() + ": " + s.state() + " (" + s.detail() + ")");
        }
        return s.running() ? 0 : 1;
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start the service.")
    int start() {
        ServiceControl c = control();
        c.start();
        return report(c);
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the service.")
    int stop() {
        ServiceControl c = control();
        c.stop();
        ServiceState s = c.status();
        out().println(s.name() + ": " + s.state() + " (" + s.detail() + ")");
        return s.running() ? 1 : 0;
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, description = "Stop, then start the service.")
    int restart() {
        ServiceControl c = control();
        c.restart();
        return report(c);
    }

    private int report(ServiceControl c) {
        ServiceState s = c.status();
        out().println(s.name() + ": " + s.state() + " (" + s.detail() + ")");
        return s.running() ? 0 : 1;
    }

    private ServiceControl control() {
        return ServiceControl.of(config());
    }
}

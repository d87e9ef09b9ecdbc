package dev.r58ctl.guard;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.r58ctl.config.Config;
import dev.r58ctl.host.ServiceSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the boot guard acts on, recorded in {@code trial.json} when the trial is armed, so that the guard works from
 * its own record when r58ctl's configuration (or the recorder's file it reads) cannot be read at boot. A record
 * written by an older r58ctl has none of it: every field is null and {@link #complete()} is false.
 *
 * @param repo                  the recorder's checkout (recorder.repo)
 * @param service               the recorder's service (recorder.service)
 * @param serviceManager        systemd or process (recorder.service_manager)
 * @param serviceCommand        the argument list the process manager runs (recorder.service_command)
 * @param serviceDir            where the process manager keeps its log and pid file ({@code <state_dir>/service})
 * @param serviceWorkDir        where the process runs
 * @param healthUrl             recorder.health_url
 * @param healthTimeoutMs       recorder.health_timeout_ms
 * @param kernelLogSource       kernel_log.source
 * @param kernelLogPreviousBoot kernel_log.previous_boot
 * @param kernelLogBootIdFile   kernel_log.boot_id_file
 * @param kernelLogPatterns     kernel_log.patterns, the extra classifier patterns
 */
public record TrialSetup(@JsonProperty("repo") String repo,
                         @JsonProperty("service") String service,
                         @JsonProperty("service_manager") String serviceManager,
                         @JsonProperty("service_command") List<String> serviceCommand,
                         @JsonProperty("service_dir") String serviceDir,
                         @JsonProperty("service_work_dir") String serviceWorkDir,
                         @JsonProperty("health_url") String healthUrl,
                         @JsonProperty("health_timeout_ms") Long healthTimeoutMs,
                         @JsonProperty("kernel_log_source") String kernelLogSource,
                         @JsonProperty("kernel_log_previous_boot") String kernelLogPreviousBoot,
                         @JsonProperty("kernel_log_boot_id_file") String kernelLogBootIdFile,
                         @JsonProperty("kernel_log_patterns") List<Config.PatternSetting> kernelLogPatterns) {

    /** The setup of a record that has none (an older r58ctl's). */
    static final TrialSetup NONE = new TrialSetup(null, null, null, null, null, null, null, null, null, null, null,
            null);

    /** The configuration's settings, as arming records them. */
    public static TrialSetup of(Config c) {
        Config.RecorderSettings r = c.recorder();
        ServiceSpec s = ServiceSpec.of(c);
        Config.KernelLogSettings k = c.kernel();
        return new TrialSetup(r.repo().toString(), s.name(), s.manager(), s.command(), text(s.dir()),
                text(s.workDir()), r.healthUrl(), (long) r.healthTimeoutMs(), k.source(), k.previousBoot(),
                text(k.bootIdFile()), k.patterns());
    }

    private static String text(Path p) {
        return p == null ? null : p.toString();
    }

    /** True when the record holds everything the guard needs; false for a record of an older r58ctl. */
    public boolean complete() {
        return repo != null && service != null && serviceManager != null && healthUrl != null
                && healthTimeoutMs != null && kernelLogSource != null && kernelLogPreviousBoot != null
                && kernelLogBootIdFile != null;
    }

    public Path repoPath() {
        return Path.of(repo);
    }

    public ServiceSpec serviceSpec() {
        return new ServiceSpec(service, serviceManager, serviceCommand,
                serviceWorkDir == null ? null : Path.of(serviceWorkDir), serviceDir == null ? null : Path.of(serviceDir));
    }

    public Duration healthTimeout() {
        return Duration.ofMillis(healthTimeoutMs);
    }

    public Config.KernelLogSettings kernelLog() {
        return new Config.KernelLogSettings(kernelLogSource, kernelLogPreviousBoot, Path.of(kernelLogBootIdFile),
                kernelLogPatterns == null ? List.of() : List.copyOf(kernelLogPatterns));
    }
}

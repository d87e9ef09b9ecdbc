package dev.r58ctl.guard;

import dev.r58ctl.config.Config;
import dev.r58ctl.kernel.KernelLog;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the boot guard did in this boot, so that {@code status}, the checklist and the dashboard say it first: a
 * rollback the guard made at boot is the most important thing an operator arriving after a crash must learn.
 */
public final class GuardNotice {
    private static final Logger LOG = LoggerFactory.getLogger(GuardNotice.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private GuardNotice() {
    }

    /** The guard's rollback recorded in this boot, if it made one; never throws (a notice is not worth a failure). */
    public static Optional<GuardResult> thisBoot(Config config) {
        try {
            Optional<GuardResult> last = Trial.store(config).last();
            if (last.isEmpty() || !"rolled-back".equals(last.get().action())) {
                return Optional.empty();
            }
            String boot = new KernelLog(config).bootId();
            return boot != null && boot.equals(last.get().boot()) ? last : Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("cannot read the boot guard's last result: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** One line: when, why and what the guard did. */
    public static String line(GuardResult r) {
        String when;
        try {
            when = LocalDateTime.ofInstant(Instant.parse(r.time()), ZoneId.systemDefault()).format(WHEN);
        } catch (RuntimeException e) {
            when = String.valueOf(r.time());
        }
        return "BOOT GUARD at " + when + ": " + r.summary();
    }
}

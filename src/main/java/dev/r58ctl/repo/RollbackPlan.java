package dev.r58ctl.repo;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.r58ctl.host.ServiceSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rollback will do, worked out before anything is changed, and kept as the first record of its journal
 * so that an interrupted run can be finished or undone from it alone.
 *
 * @param id          the journal id, also the name of the backup refs
 * @param kind        {@code rollback}, {@code undo} (back to the state before an earlier one) or {@code abandon}
 *                    (an interrupted one that had not changed the repository yet)
 * @param branch      the branch HEAD is on (it moves with the reset), or null when detached
 * @param from        the commit HEAD is at now
 * @param to          the commit HEAD will be at
 * @param uncommitted the uncommitted changes, as {@code state: path}
 * @param restoreWip  saved uncommitted work to put back after the reset (undo only), or null
 * @param undoes      the journal id an undo undoes, or null
 * @param service     the service stopped and started around the reset, or null when it is left alone
 * @param serviceManager systemd or process: with the three after it, how to run {@code service}, so that a finish
 *                    or an undo controls the service this rollback did, whatever the configuration says by then;
 *                    null in a journal of an older r58ctl (and when the service is left alone)
 * @param serviceCommand the process manager's argument list (empty for systemd)
 * @param serviceWorkDir where the process runs, or null
 * @param serviceDir  where the process manager keeps its log and pid file, or null
 */
public record RollbackPlan(String id, String kind, String repo, String branch, String from, String fromSummary,
                           String to, String toSummary, String backupRef, String wipRef, List<String> uncommitted,
                           String restoreWip, String undoes, String service, String healthUrl, long healthTimeoutMs,
                           @JsonProperty("service_manager") String serviceManager,
                           @JsonProperty("service_command") List<String> serviceCommand,
                           @JsonProperty("service_work_dir") String serviceWorkDir,
                           @JsonProperty("service_dir") String serviceDir) {

    /** A plan that says nothing about how to run its service (as an older r58ctl's journal). */
    public RollbackPlan(String id, String kind, String repo, String branch, String from, String fromSummary,
                        String to, String toSummary, String backupRef, String wipRef, List<String> uncommitted,
                        String restoreWip, String undoes, String service, String healthUrl, long healthTimeoutMs) {
        this(id, kind, repo, branch, from, fromSummary, to, toSummary, backupRef, wipRef, uncommitted, restoreWip,
                undoes, service, healthUrl, healthTimeoutMs, null, null, null, null);
    }

    /** How to run the service, as recorded; null when the plan does not say (left alone, or an older journal). */
    public ServiceSpec serviceSpec() {
        if (service == null || serviceManager == null) {
            return null;
        }
        return new ServiceSpec(service, serviceManager, serviceCommand,
                serviceWorkDir == null ? null : Path.of(serviceWorkDir), serviceDir == null ? null : Path.of(serviceDir));
    }

    public boolean restarts() {
        return service != null;
    }

    /** True when HEAD is already there, nothing is uncommitted and there is nothing to put back. */
    public boolean nothingToDo() {
        return from.equals(to) && uncommitted.isEmpty() && restoreWip == null && !kind.equals("abandon");
    }

    /** The steps in order; each is written to the journal before it starts and after it is done. */
    public List<String> steps() {
        List<String> steps = new ArrayList<>();
        if (!kind.equals("abandon")) {
            steps.add("backup-head");
            steps.add("backup-wip");
            if (restarts()) {
                steps.add("stop-service");
            }
            steps.add("reset");
            if (restoreWip != null) {
                steps.add("restore-wip");
            }
        }
        if (restarts()) {
            steps.add("start-service");
            if (healthUrl != null) {
                steps.add("health");
            }
        }
        return steps;
    }

    /** The plan in the operator's words: from, to, what is backed up, what happens to the service, how to undo. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        String what = switch (kind) {
            case "undo" -> "undo of rollback " + undoes;
            case "abandon" -> "closing interrupted rollback " + undoes + " (the repository was not changed yet)";
            default -> "rollback";
        };
        out.add(what + " in " + repo + (branch == null ? " (detached HEAD)" : " on branch " + branch) + ":");
        if (kind.equals("abandon")) {
            out.add("  nothing to reset");
        } else {
            out.add("  from      " + fromSummary);
            out.add("  to        " + toSummary);
            out.add("  back up   HEAD as " + backupRef);
            if (uncommitted.isEmpty()) {
                out.add("            (no uncommitted changes)");
            } else {
                out.add("            " + uncommitted.size() + " uncommitted change" + (uncommitted.size() == 1 ? "" : "s")
                        + " as " + wipRef + ":");
                uncommitted.stream().limit(10).forEach(c -> out.add("              " + c));
                if (uncommitted.size() > 10) {
                    out.add("              ... and " + (uncommitted.size() - 10) + " more");
                }
            }
            if (restoreWip != null) {
                out.add("  restore   the uncommitted changes saved by " + undoes);
            }
            out.add("  untouched untracked and ignored files (recordings)");
        }
        if (restarts()) {
            out.add("  service   " + (kind.equals("abandon") ? "" : "stop " + service + ", reset, ") + "start " + service
                    + (healthUrl == null ? "" : ", wait up to " + healthTimeoutMs / 1000.0 + " s for " + healthUrl));
        } else {
            out.add("  service   left alone");
        }
        if (!kind.equals("abandon")) {
            out.add("  undo with r58ctl rollback --undo");
        }
        return out;
    }
}

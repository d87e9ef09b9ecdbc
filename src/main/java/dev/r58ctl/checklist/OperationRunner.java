package dev.r58ctl.checklist;

import dev.r58ctl.R58Exception;
import dev.r58ctl.stability.TestKind;

/** Runs one operation of the vocabulary for its step. */
final class OperationRunner {
    private OperationRunner() {
    }

    static Evidence run(StepOperation op, StepContext ctx) {
        return switch (op) {
            case TEST_ENCODE -> TestSteps.test(ctx, TestKind.ENCODE);
            case TEST_SOAK -> TestSteps.test(ctx, TestKind.SOAK);
            case TEST_PUSH -> TestSteps.test(ctx, TestKind.PUSH);
            case VERIFY_OUTPUT -> TestSteps.verifyOutput(ctx);
            case CPU_REPORT -> TestSteps.cpuReport(ctx);
            case KERNEL_CLEAN -> KernelCheck.clean(ctx);
            case SYSTEM_STABLE -> KernelCheck.systemStable(ctx);
            case PATCH_APPLY -> MigrationSteps.apply(ctx);
            case PATCH_COMMIT -> MigrationSteps.commit(ctx);
            case TRIAL_ARM -> MigrationSteps.armTrial(ctx);
            case DEPLOY -> MigrationSteps.deploy(ctx);
            case CAMERAS_FIRST -> CameraSwitch.first(ctx);
            case CAMERAS_REST -> CameraSwitch.rest(ctx);
            case WATCH -> WatchStep.watch(ctx, ctx.config.checklist().watch());
            case MONITOR -> WatchStep.monitor(ctx);
            case FIX_LOG -> UnstableSteps.fixLog(ctx);
            case KEEP_CONFIG -> UnstableSteps.keepConfig(ctx);
            case SHOW_CAPACITY -> UnstableSteps.capacity(ctx);
            case VERIFY_STREAM -> throw R58Exception.failed("verify-stream is confirmed by the operator");
        };
    }

    /** What the operator is asked to do for a manual step. */
    static String instructions(dev.r58ctl.config.Config config, String operation) {
        if (StepOperation.VERIFY_STREAM.key().equals(operation)) {
            // the command as this operator must type it: with --config when the file is not one r58ctl finds itself
            java.nio.file.Path file = config.file();
            String with = file == null || dev.r58ctl.config.ConfigLoader.SEARCH_PATH.contains(file) ? ""
                    : " --config " + file;
            String browser = config.checklist().browserUrl();
            String play = "play " + config.mediamtx().readUrlFor(config.stability().pushPath()) + " with gst-play-1.0";
            return (browser == null ? play : "open " + browser + " in a browser") + " while `r58ctl" + with
                    + " test push --encoder " + config.checklist().targetEncoder() + " --duration 60s` runs, and "
                    + "check the picture moves" + (browser == null ? "" : " (or " + play + ")");
        }
        return null;
    }
}

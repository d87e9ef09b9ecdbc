package dev.r58ctl.cli;

import picocli.CommandLine.Command;

/** {@code r58ctl pipeline}: the cameras' GStreamer pipelines. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Show, check and run camera pipelines.",
        subcommands = {PipelineShowCommand.class, PipelinePreflightCommand.class, PipelineRunCommand.class})
final class PipelineCommand {
}

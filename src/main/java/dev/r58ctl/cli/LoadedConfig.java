package dev.r58ctl.cli;

import dev.r58ctl.config.Config;
import java.nio.file.Path;

/**
 * The configuration for the incident path (guard boot, rollback --finish and --undo), which must act on its own
 * records when the configuration cannot be read.
 *
 * @param config   the configuration, or null when it cannot be read
 * @param problem  why it cannot be read, one line, or null
 * @param stateDir the state directory in effect: the configuration's, else --state-dir, else the default
 */
record LoadedConfig(Config config, String problem, Path stateDir) {
}

package dev.r58ctl.config;

import dev.r58ctl.R58Exception;

/** A configuration error that knows its {@link ConfigProblem}, so a lenient reader can keep it as a note instead. */
public final class ConfigError extends R58Exception {
    private final transient ConfigProblem problem;

    ConfigError(ConfigProblem problem) {
        super(BAD_INPUT, problem.text());
        this.problem = problem;
    }

    public ConfigProblem problem() {
        return problem;
    }
}

package dev.r58ctl.cli;

import dev.r58ctl.Json;
import dev.r58ctl.Logging;
import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.config.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every leaf command needs: the configuration and the two output streams. */
abstract class BaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    protected Config config() {
        return ((RootCommand) spec.root().userObject()).config();
    }

    /**
     * The configuration for a command that uses the cameras: when the recorder's file gave none (missing, not YAML,
     * unreadable), says so in one line on stderr first, naming where and where the cameras come from instead.
     */
    protected Config cameraConfig() {
        Config c = config();
        String warning = c.cameraList().warningLine();
        if (warning != null) {
            err().println("r58ctl: warning: " + warning);
        }
        return c;
    }

    /**
     * The configuration if it can be read; else why not, with the state directory from --state-dir or the default,
     * and logging sent there all the same.
     */
    protected LoadedConfig configIfReadable() {
        RootCommand root = (RootCommand) spec.root().userObject();
        try {
            Config c = root.config();
            return new LoadedConfig(c, null, c.stateDir());
        } catch (RuntimeException e) {
            String why = e instanceof R58Exception ? e.getMessage() : e.toString();
            Path dir = root.stateDir != null ? root.stateDir : ConfigLoader.defaultStateDir();
            Logging.toFile(dir);
            if (e instanceof R58Exception) {
                LoggerFactory.getLogger(BaseCommand.class).warn("the configuration cannot be read: {}", why);
            } else {
                LoggerFactory.getLogger(BaseCommand.class).warn("the configuration cannot be read", e);
            }
            return new LoadedConfig(null, why, dir);
        }
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected void printJson(Object value) {
        out().println(Json.write(value));
    }

    /** The recorder's checkout named by {@code recorder.repo}; close it when done. */
    protected dev.r58ctl.repo.RepoView openRepo() {
        return dev.r58ctl.repo.RepoView.open(config().recorder().repo());
    }

    /** Where rollback journals are kept. */
    protected java.nio.file.Path journalDir() {
        return config().stateDir().resolve("rollback");
    }
}

package dev.r58ctl.kernel;

import dev.r58ctl.config.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel log as configuration (or a trial record) describes it: the classifier with any extra patterns, the
 * source, the incident journal and marks under {@code <state_dir>/kernel/}, and the previous boot. One place that
 * front ends and tests build the parts from.
 */
public final class KernelLog {
    /** Journal size before it rotates, and how many files are kept. */
    public static final long JOURNAL_MAX_BYTES = 4L << 20;
    public static final int JOURNAL_FILES = 3;

    private final Config.KernelLogSettings settings;
    private final Path dir;
    private final KernelClassifier classifier;
    private final KernelSources sources;

    public KernelLog(Config config) {
        this(config.kernel(), config.stateDir());
    }

    /**
     * The kernel log from plain settings, for the boot guard acting on its trial record without a configuration:
     * the incident journal and marks are under {@code stateDir/kernel}.
     */
    public KernelLog(Config.KernelLogSettings settings, Path stateDir) {
        this.settings = settings;
        this.dir = stateDir.resolve("kernel");
        this.classifier = settings.patterns().isEmpty() ? KernelClassifier.defaults()
                : KernelClassifier.withExtra(extra(settings.patterns()));
        this.sources = new KernelSources(settings.bootIdFile());
    }

    private static List<KernelPattern> extra(List<Config.PatternSetting> patterns) {
        List<KernelPattern> out = new ArrayList<>();
        for (Config.PatternSetting p : patterns) {
            Severity s = Severity.parse(p.severity());
            out.add(p.regex() == null ? KernelPattern.literal(p.id(), s, p.literal(), p.label())
                    : KernelPattern.regex(p.id(), s, p.literal(), p.regex(), p.label()));
        }
        return out;
    }

    public KernelClassifier classifier() {
        return classifier;
    }

    public String bootId() {
        return sources.bootId();
    }

    public Path dir() {
        return dir;
    }

    /** Opens the configured source; follow mode blocks for new lines. */
    public KernelSource open(boolean follow) {
        return sources.open(settings.source(), follow);
    }

    public IncidentJournal journal() {
        try {
            return new IncidentJournal(dir, JOURNAL_MAX_BYTES, JOURNAL_FILES);
        } catch (IOException e) {
            throw dev.r58ctl.DiskFull.failed(dir, e, "cannot open the incident journal");
        }
    }

    public KernelMarks marks() {
        return new KernelMarks(dir);
    }

    /**
     * A watch over the configured source, journaling into the state directory; a followed one has the journal's
     * writer built ahead of the first trouble ({@link IncidentJournal#prepareWriter}).
     */
    public KernelWatch watch(boolean follow) {
        IncidentJournal journal = journal();
        if (follow) {
            journal.prepareWriter();
        }
        return new KernelWatch(open(follow), classifier, journal);
    }

    public PreviousBoot.Report previousBoot() {
        return previousBootReader().read(settings.previousBoot());
    }

    /** Every line the previous boot left, unclassified (for an evidence bundle). */
    public PreviousBoot.Lines previousBootLines() {
        return previousBootReader().fetch(settings.previousBoot());
    }

    private PreviousBoot previousBootReader() {
        return new PreviousBoot(classifier, Path.of("/sys/fs/pstore"));
    }
}

package dev.r58ctl.remote;

import dev.r58ctl.DiskFull;
import dev.r58ctl.R58Exception;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.kernel.KernelLine;
import dev.r58ctl.kernel.Severity;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.slf4j.LoggerFactory;

/**
 * The board's kernel lines kept on this machine ({@code STATE_DIR/remote/HOST-kmsg.log}), each written and flushed
 * as it arrives, so the last lines before a panic survive the board. Lines read as {@code kmsg --follow} prints them;
 * incidents and the link's ups and downs are {@code #} lines.
 */
final class KmsgJournal implements AutoCloseable {
    private final Writer w;

    private KmsgJournal(Writer w) {
        this.w = w;
    }

    /** Where the kernel lines of this board are kept on this machine. */
    static Path file(Path stateDir, RemoteTarget target) {
        return stateDir.resolve("remote").resolve(target.fileName() + "-kmsg.log");
    }

    /** Opens the journal for appending and writes {@code # r58ctl WHAT from TARGET at TIME}. */
    static Writer open(Path stateDir, RemoteTarget target, String what) {
        Path file = file(stateDir, target);
        try {
            Files.createDirectories(file.getParent());
            BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            w.write("# r58ctl " + what + " from " + target + " at " + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)
                    + "\n");
            w.flush();
            return w;
        } catch (IOException e) {
            throw new R58Exception(DiskFull.is(e) ? R58Exception.FAILED : R58Exception.BAD_INPUT,
                    DiskFull.message(file, e, "cannot write the kmsg journal"));
        }
    }

    /** A journal that keeps nothing: the agent on this machine journals its kernel lines itself. */
    static KmsgJournal none() {
        return new KmsgJournal(Writer.nullWriter());
    }

    static KmsgJournal dashboard(Path stateDir, RemoteTarget target) {
        return new KmsgJournal(open(stateDir, target, "dashboard"));
    }

    void line(EngineEvent.KernelLineRead k) {
        KernelLine l = k.line().line();
        Severity s = k.line().match() == null ? Severity.INFO : k.line().match().severity();
        String ts = l.monotonicMicros() < 0 ? "" : String.format("[%5d.%06d] ", l.monotonicMicros() / 1_000_000,
                l.monotonicMicros() % 1_000_000);
        write((s == Severity.INFO ? ' ' : s.letter()) + " " + ts + l.text());
    }

    void incident(EngineEvent.KernelIncident i) {
        write("# incident " + i.incident().id() + " " + i.event() + " " + i.incident().severity() + ": "
                + i.incident().title() + " (during: " + i.during() + ")");
    }

    void note(String text) {
        write("# " + text);
    }

    private synchronized void write(String line) {
        try {
            w.write(line + "\n");
            w.flush();
        } catch (IOException e) {
            LoggerFactory.getLogger(KmsgJournal.class).warn("cannot write the kmsg journal: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        try {
            w.close();
        } catch (IOException e) {
            // every line was flushed as it came
        }
    }
}

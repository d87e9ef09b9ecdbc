package dev.r58ctl.monitor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this process's threads whose names start with a prefix. GStreamer names each streaming thread
 * after its element and pad ({@code cam1_src:src}), and threads an encoder starts inherit that name, so the
 * threads of one camera's pipeline are those named after its elements.
 */
public final class ThreadCpu {
    /** Clock ticks per second of /proc's utime and stime; 100 on every Linux architecture in use. */
    public static final int TICKS_PER_SECOND = 100;
    private static final int COMM_MAX = 15;

    private final Path taskDir;

    public ThreadCpu() {
        this(Path.of("/proc/self/task"));
    }

    public ThreadCpu(Path taskDir) {
        this.taskDir = taskDir;
    }

    /** User plus system ticks of the live threads whose name starts with {@code prefix}. */
    public long ticks(String prefix) {
        return ticks(prefix, java.util.Map.of());
    }

    /**
     * A counter from now on: a thread that exists now counts only the ticks it uses after this call. GStreamer hands
     * the streaming threads of a pipeline that ended to the next one (its task pool), renamed but with the ticks of
     * their whole life, which would otherwise show as seconds of CPU in a moment.
     */
    public Since since() {
        java.util.Map<String, Long> before = new java.util.HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(taskDir)) {
            for (Path task : tasks) {
                try {
                    before.put(task.getFileName().toString(), ticksOf(Files.readString(task.resolve("stat"))));
                } catch (IOException e) {
                    // ended meanwhile: a new thread with its id starts from nothing anyway
                }
            }
        } catch (IOException e) {
            // no /proc: ticks() finds nothing either
        }
        return new Since(java.util.Map.copyOf(before));
    }

    /** Ticks of the threads named {@code prefix...} since {@link #since} was called. */
    public final class Since {
        private final java.util.Map<String, Long> before;

        private Since(java.util.Map<String, Long> before) {
            this.before = before;
        }

        public long ticks(String prefix) {
            return ThreadCpu.this.ticks(prefix, before);
        }
    }

    private long ticks(String prefix, java.util.Map<String, Long> before) {
        String match = prefix.length() > COMM_MAX ? prefix.substring(0, COMM_MAX) : prefix;
        long total = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(taskDir)) {
            for (Path task : tasks) {
                try {
                    String comm = Files.readString(task.resolve("comm")).trim();
                    if (comm.startsWith(match)) {
                        long t = ticksOf(Files.readString(task.resolve("stat")));
                        total += Math.max(0, t - before.getOrDefault(task.getFileName().toString(), 0L));
                    }
                } catch (IOException e) {
                    // the thread ended between listing and reading: it no longer counts
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    /** utime + stime from a /proc stat line; the name field may hold spaces, so count from its closing ')'. */
    static long ticksOf(String stat) {
        int close = stat.lastIndexOf(')');
        String[] f = stat.substring(close + 2).split(" ");
        // after ')': state(0) ppid(1) ... utime is field 14 of the whole line, i.e. index 11 here
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}

package dev.r58ctl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A full disk in the operator's words. Every write path turns "No space left on device" (ENOSPC, however Java or
 * JGit wraps it) into the one line {@code no space left on DEVICE (PATH)}, DEVICE being what {@code df} shows for
 * the path ({@code /dev/mmcblk1p1 on /mnt/sdcard}), so that a full SD card reads the same wherever it is met.
 */
public final class DiskFull {
    private static final String ENOSPC = "No space left on device";
    /** GStreamer's words for it (GST_RESOURCE_ERROR_NO_SPACE_LEFT, a filesink or a muxer writing a recording). */
    private static final String GST_NO_SPACE = "No space left on the resource";
    /** Below this much room a write that failed without saying why is put down to a full disk. */
    private static final long NEARLY_FULL = 64 << 10;

    /** The exception of a full disk: its message is the one line. */
    public static final class Full extends R58Exception {
        Full(Path path, Throwable cause) {
            super(FAILED, line(path), cause);
        }
    }

    private DiskFull() {
    }

    /** True when {@code e}, or anything it wraps, is the kernel's ENOSPC (or a {@link Full} already). */
    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Full) {
                return true;
            }
            if (says(t instanceof FileSystemException f ? f.getReason() : t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** True when an error message (Java's, or GStreamer's from a bus) is a full disk's. */
    public static boolean says(String message) {
        return message != null && (message.contains(ENOSPC) || message.contains(GST_NO_SPACE));
    }

    /**
     * {@link #is(Throwable)}, or a failure that does not say why on a disk with (almost) no room left: JGit reports a
     * ref it could not write as {@code IO_FAILURE}, without the errno.
     */
    public static boolean is(Throwable e, Path path) {
        if (is(e)) {
            return true;
        }
        Path at = existing(path);
        return at != null && at.toFile().getTotalSpace() > 0 && at.toFile().getUsableSpace() < NEARLY_FULL;
    }

    /**
     * The line for a full disk met where no caller said which file: the file the exception names, else the device
     * alone. For the command line's last resort; every write path names its file itself.
     */
    public static String line(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Full) {
                return t.getMessage();
            }
            if (t instanceof FileSystemException f && f.getFile() != null) {
                return line(Path.of(f.getFile()));
            }
        }
        return "no space left on device";
    }

    /** {@code no space left on DEVICE (PATH)}. */
    public static String line(Path path) {
        return "no space left on " + device(path) + " (" + path.toAbsolutePath() + ")";
    }

    /**
     * The one line for a failed write of {@code path}: the full-disk line when the disk is full, else
     * {@code PATH: WHAT: reason}.
     */
    public static String message(Path path, Throwable e, String what) {
        if (is(e)) {
            return line(path);
        }
        String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return path + ": " + what + ": " + (why == null ? e.toString() : why);
    }

    /** {@link #message} as the exception front ends print in one line (exit 1: the board is wrong). */
    public static R58Exception failed(Path path, Throwable e, String what) {
        return is(e) ? new Full(path, e) : new R58Exception(R58Exception.FAILED, message(path, e, what), e);
    }

    /** The exception of a full disk at {@code path}. */
    public static R58Exception full(Path path, Throwable cause) {
        return new Full(path, cause);
    }

    /**
     * The disk {@code path} is on, as an operator knows it: the mount's source and mount point from
     * /proc/self/mountinfo ({@code /dev/mmcblk1p1 on /mnt/sdcard}), else the file store's name, else the path.
     */
    public static String device(Path path) {
        Path at = existing(path);
        if (at == null) {
            return path.toString();
        }
        try {
            Mount m = mountOf(at.toRealPath());
            if (m != null) {
                return m.source() + " on " + m.point();
            }
        } catch (IOException | RuntimeException e) {
            // no /proc (not Linux) or an unreadable line: the file store's name below
        }
        try {
            return Files.getFileStore(at).name();
        } catch (IOException | RuntimeException e) {
            return at.toString();
        }
    }

    /** The mount point {@code path} is under, or null when it cannot be told. */
    public static Path mountPoint(Path path) {
        Path at = existing(path);
        try {
            Mount m = at == null ? null : mountOf(at.toRealPath());
            return m == null ? null : Path.of(m.point());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The nearest part of {@code path} that exists (a file to be written usually does not yet). */
    public static Path existing(Path path) {
        Path p = path.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }

    private record Mount(String point, String source) {
    }

    /** The last mount (a later mount hides an earlier one) whose point is the longest prefix of {@code real}. */
    private static Mount mountOf(Path real) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8);
        Mount best = null;
        int bestLength = -1;
        for (String line : lines) {
            // ID PARENT MAJ:MIN ROOT POINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPER-OPTIONS
            String[] f = line.split(" ");
            int dash = line.indexOf(" - ");
            if (f.length < 5 || dash < 0) {
                continue;
            }
            String[] tail = line.substring(dash + 3).split(" ");
            String point = unescape(f[4]);
            if (real.startsWith(point) && point.length() >= bestLength) {
                best = new Mount(point, tail.length > 1 ? unescape(tail[1]) : tail[0]);
                bestLength = point.length();
            }
        }
        return best;
    }

    /** mountinfo writes space, tab, newline and backslash as octal escapes ({@code \040}). */
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean octal = c == '\\' && i + 3 < s.length()
                    && s.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '7');
            if (octal) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}

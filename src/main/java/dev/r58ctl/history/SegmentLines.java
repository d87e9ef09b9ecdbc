package dev.r58ctl.history;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The complete lines of one segment file, read leniently: a file cut by a power failure (no gzip trailer, a deflate
 * block or a line half written) gives every line before the cut and nothing else, silently; a file that is not gzip,
 * or whose data is damaged, gives what came before the damage and a note saying so.
 */
final class SegmentLines {
    private SegmentLines() {
    }

    /** What one file gave: its complete lines, and a note when it was damaged (null when whole or merely torn). */
    record Result(List<byte[]> lines, String note) {
    }

    static Result read(Path file) {
        List<byte[]> lines = new ArrayList<>();
        byte[] pending = new byte[4096];
        int used = 0;
        byte[] buf = new byte[16384];
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 16384),
                16384)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        int len = i - start;
                        byte[] line = new byte[used + len];
                        System.arraycopy(pending, 0, line, 0, used);
                        System.arraycopy(buf, start, line, used, len);
                        lines.add(line);
                        used = 0;
                        start = i + 1;
                    }
                }
                int rest = n - start;
                if (used + rest > pending.length) {
                    pending = Arrays.copyOf(pending, Math.max(pending.length * 2, used + rest));
                }
                System.arraycopy(buf, start, pending, used, rest);
                used += rest;
            }
            return new Result(lines, null);
        } catch (EOFException torn) {
            return new Result(lines, null); // cut short (a power failure, or the run still writing): what came before
        } catch (ZipException damaged) {
            String why = lines.isEmpty() && damaged.getMessage() != null && damaged.getMessage().contains("GZIP")
                    ? "not a gzip file" : "damaged after " + lines.size() + " record(s): " + damaged.getMessage();
            return new Result(lines, file + " skipped in part: " + why);
        } catch (IOException e) {
            return new Result(lines, file + " could not be read: " + e.getMessage());
        }
    }
}

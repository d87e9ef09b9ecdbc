package dev.r58ctl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** A bundle read back with commons-compress: entry name below the top-level directory, to text. */
final class BundleArchive {
    private BundleArchive() {
    }

    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        String root = file.getFileName().toString().replaceFirst("\\.tar\\.gz$", "") + "/";
        try (InputStream in = new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(file)))) {
            TarArchiveInputStream tar = (TarArchiveInputStream) in;
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (!e.getName().startsWith(root)) {
                    throw new IOException("entry outside " + root + ": " + e.getName());
                }
                out.put(e.getName().substring(root.length()), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}

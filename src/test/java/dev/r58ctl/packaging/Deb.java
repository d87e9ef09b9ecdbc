package dev.r58ctl.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The package built by {@code mvn package} (scripts/package), read with dpkg-deb. */
record Deb(Path file, String version) {
    /** One entry of {@code dpkg-deb -c}. */
    record Entry(String mode, String owner, long size) {
    }

    /** target/r58ctl_VERSION_all.deb for the version Maven passes in (r58ctl.version), else the newest there. */
    static Deb built() {
        String v = System.getProperty("r58ctl.version");
        Path target = Path.of("target").toAbsolutePath();
        if (v != null) {
            String debVersion = PackageFiles.debianVersion(v);
            return new Deb(target.resolve("r58ctl_" + debVersion + "_all.deb"), debVersion);
        }
        try (Stream<Path> s = Files.list(target)) {
            Path newest = s.filter(p -> p.getFileName().toString().matches("r58ctl_.*_all\\.deb"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new AssertionError("no target/r58ctl_*_all.deb: run scripts/package"));
            String name = newest.getFileName().toString();
            return new Deb(newest, name.substring("r58ctl_".length(), name.length() - "_all.deb".length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Path (as {@code ./usr/bin/r58ctl}) to mode, owner and size, from {@code dpkg-deb -c}. */
    Map<String, Entry> contents() {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (String line : Proc.run("dpkg-deb", "-c", file.toString()).ok().out().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+", 6);
            out.put(f[5], new Entry(f[0], f[1], Long.parseLong(f[2])));
        }
        return out;
    }

    String field(String name) {
        return Proc.run("dpkg-deb", "-f", file.toString(), name).ok().out().trim();
    }

    /** The data files under {@code dir}, as installed. */
    Path extract(Path dir) {
        Proc.run("dpkg-deb", "-x", file.toString(), dir.toString()).ok();
        return dir;
    }

    /** The control files (control, conffiles, md5sums, maintainer scripts) under {@code dir}. */
    Path control(Path dir) {
        Proc.run("dpkg-deb", "-e", file.toString(), dir.toString()).ok();
        return dir;
    }
}

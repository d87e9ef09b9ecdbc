package dev.r58ctl.packaging;

import dev.r58ctl.cli.Cli;
import java.io.File;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.CRC32;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the Debian package's generated files under one directory laid out like the installed system, for jdeb to
 * pack: the man page, bash and zsh completion (both from the picocli model), and the changelog and copyright.
 * Run by Maven in prepare-package with the runtime class path: {@code DIR VERSION COMMIT BUILD-DATE CONTROL-FILE
 * LOCAL-REPOSITORY}.
 */
public final class PackageFiles {
    public static final String MAN_PAGE = "usr/share/man/man1/r58ctl.1.gz";
    public static final String BASH_COMPLETION = "usr/share/bash-completion/completions/r58ctl";
    public static final String ZSH_COMPLETION = "usr/share/zsh/vendor-completions/_r58ctl";
    public static final String CHANGELOG = "usr/share/doc/r58ctl/changelog.gz";
    public static final String COPYRIGHT = "usr/share/doc/r58ctl/copyright";
    /** The function picocli's completion script registers for r58ctl. */
    public static final String COMPLETION_FUNCTION = "_complete_r58ctl";

    private PackageFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            throw new IllegalArgumentException(
                    "usage: PackageFiles DIR VERSION COMMIT BUILD-DATE CONTROL-FILE LOCAL-REPOSITORY");
        }
        Path dir = Path.of(args[0]);
        String version = args[1];
        String commit = args[2];
        ZonedDateTime built = buildDate(args[3]);
        String maintainer = field(Files.readString(Path.of(args[4])), "Maintainer");
        deleteTree(dir);

        CommandLine cl = commandLine();
        gzip(dir.resolve(MAN_PAGE), ManPage.render(cl.getCommandSpec(), version, built.toLocalDate()));
        String bash = bash(cl);
        write(dir.resolve(BASH_COMPLETION), bash);
        write(dir.resolve(ZSH_COMPLETION), zsh(bash));
        gzip(dir.resolve(CHANGELOG), changelog(debianVersion(version), commit, maintainer, built));
        write(dir.resolve(COPYRIGHT), copyright(maintainer, built.getYear(), bundled(Path.of(args[5]))));
    }

    /** The command line exactly as the launcher builds it. */
    public static CommandLine commandLine() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return Cli.commandLine(sink, sink);
    }

    /** picocli's bash completion script, without the #! line: bash-completion sources it, nothing runs it. */
    public static String bash(CommandLine cl) {
        return AutoComplete.bash("r58ctl", cl).replaceFirst("^#!.*\n", "");
    }

    /**
     * zsh loads files named {@code _NAME} from its fpath as completion functions when their first line says which
     * command they complete. This one runs picocli's script through bashcompinit (the script sets that up), which
     * rebinds r58ctl to the bash function, and answers the completion that loaded it.
     */
    static String zsh(String bash) {
        return "#compdef r58ctl\n"
                + "# r58ctl completion for zsh: picocli's bash completion script, run through zsh's bashcompinit.\n"
                + "# zsh has no compopt, and the script's alias for it comes too late for this file: no-op.\n"
                + "(( ${+functions[compopt]} )) || compopt() { return 0; }\n"
                + bash
                + "\n# This file was loaded by the first completion of r58ctl: answer that one too.\n"
                + "_bash_complete -F " + COMPLETION_FUNCTION + " -o default\n";
    }

    /** The Debian version jdeb gives the package: a snapshot sorts before its release. */
    static String debianVersion(String version) {
        return version.replace("-SNAPSHOT", "~SNAPSHOT").replace('-', '~');
    }

    static String changelog(String version, String commit, String maintainer, ZonedDateTime built) {
        return "r58ctl (" + version + ") unstable; urgency=medium\n\n"
                + "  * r58ctl " + version + ", built from git commit " + commit + ".\n\n"
                + " -- " + maintainer + "  "
                + DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT).format(built) + "\n";
    }

    static String copyright(String maintainer, int year, List<String> bundled) {
        StringBuilder s = new StringBuilder();
        s.append("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n");
        s.append("Upstream-Name: r58ctl\n");
        s.append("Upstream-Contact: ").append(maintainer).append('\n');
        s.append("Comment: /usr/share/r58ctl/r58ctl.jar bundles these libraries, with the licences their\n");
        s.append(" POMs declare:\n .\n");
        for (String b : bundled) {
            s.append("  ").append(b).append('\n');
        }
        s.append("\nFiles: *\n");
        s.append("Copyright: ").append(year).append(" the r58ctl authors\n");
        s.append("License: Apache-2.0\n");
        s.append(" On Debian systems, the full text of the Apache License, Version 2.0 is in\n");
        s.append(" /usr/share/common-licenses/Apache-2.0 (and in LICENSE in r58ctl's sources).\n");
        return s.toString();
    }

    /**
     * {@code group:artifact version (licence)} for each library jar on the class path (Maven's runtime class path,
     * so exactly what the shaded jar bundles), from its POM in the local repository, or its parents' POMs.
     */
    static List<String> bundled(Path repository) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        Path repo = repository.toAbsolutePath().normalize();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry).toAbsolutePath().normalize();
            if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
                continue;
            }
            if (!jar.startsWith(repo) || repo.relativize(jar).getNameCount() < 4) {
                out.add(jar.getFileName() + " (licence unknown: not in the local repository)");
                continue;
            }
            Path versionDir = jar.getParent();
            Path artifactDir = versionDir.getParent();
            String group = repo.relativize(artifactDir.getParent()).toString().replace(File.separatorChar, '.');
            String artifact = artifactDir.getFileName().toString();
            String version = versionDir.getFileName().toString();
            String licence = licence(repo, group, artifact, version, 0);
            out.add(group + ":" + artifact + " " + version + " (" + (licence == null ? "licence not declared" : licence)
                    + ")");
        }
        return new ArrayList<>(out);
    }

    /** The licences a POM declares, else those of its parent, and so on. */
    private static String licence(Path repo, String group, String artifact, String version, int depth)
            throws IOException {
        Path pom = repo.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + ".pom");
        if (depth > 10 || !Files.isRegularFile(pom)) {
            return null;
        }
        String xml = Files.readString(pom).replaceAll("(?s)<!--.*?-->", "");
        Matcher block = Pattern.compile("<licenses>(.*?)</licenses>", Pattern.DOTALL).matcher(xml);
        if (block.find()) {
            List<String> names = new ArrayList<>();
            Matcher n = Pattern.compile("<name>\\s*(.*?)\\s*</name>", Pattern.DOTALL).matcher(block.group(1));
            while (n.find()) {
                names.add(n.group(1).replaceAll("\\s+", " "));
            }
            if (!names.isEmpty()) {
                return String.join(" or ", names);
            }
        }
        Matcher parent = Pattern.compile("<parent>(.*?)</parent>", Pattern.DOTALL).matcher(xml);
        if (!parent.find()) {
            return null;
        }
        String p = parent.group(1);
        return licence(repo, tag(p, "groupId"), tag(p, "artifactId"), tag(p, "version"), depth + 1);
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">\\s*(.*?)\\s*</" + name + ">", Pattern.DOTALL).matcher(xml);
        return m.find() ? m.group(1) : "";
    }

    private static ZonedDateTime buildDate(String s) {
        try {
            return Instant.parse(s).atZone(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
        }
    }

    static String field(String control, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ":\\s*(.+)$").matcher(control);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + name + " field in the control file");
        }
        return m.group(1).trim();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /**
     * gzip -9n: best compression, flagged as such in the header, and no name or time in it, as Debian wants for
     * man pages and docs (GZIPOutputStream cannot set the header's compression flag).
     */
    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, 3});
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        for (long v : new long[] {crc.getValue(), data.length & 0xffffffffL}) {
            for (int i = 0; i < 4; i++) {
                out.write((int) (v >>> (8 * i)) & 0xff);
            }
        }
        return out.toByteArray();
    }

    private static void gzip(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, gzip(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}

package dev.r58ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.packaging.ManPage;
import dev.r58ctl.packaging.PackageFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What an operator reads speaks the operator's language: the document behind the migration is "the H.265 migration
 * plan (December 2025)" and the incident "the mpph264enc Oops of 2025-12-19", never "the seed". Scanned: README.md,
 * docs/, config.yml, scripts/, src/main/resources, the man page as generated, and every string literal under
 * src/main/java (help texts, messages, the dashboard's words).
 */
class ProductTextTest {
    private static final Pattern WORD = Pattern.compile("(?i)\\bseed\\b");

    @Test
    void noProductTextSaysSeed() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), Path.of("config.yml")));
        files.addAll(tree(Path.of("docs")));
        files.addAll(tree(Path.of("scripts")));
        files.addAll(tree(Path.of("src/main/resources")));
        for (Path f : files) {
            scanLines(f.toString(), Files.readString(f, StandardCharsets.UTF_8), found);
        }
        scanLines("man page r58ctl(1)", ManPage.render(PackageFiles.commandLine().getCommandSpec(), "1",
                LocalDate.of(2026, 1, 2)), found);
        for (Path f : tree(Path.of("src/main/java"))) {
            if (f.toString().endsWith(".java")) {
                for (JavaStrings.Literal l : JavaStrings.of(Files.readString(f))) {
                    scanLiteral(f.toString(), l, found);
                }
            }
        }
        assertTrue(files.size() > 10, "the scan found the project's files: " + files);
        assertEquals(List.of(), found, "say \"the H.265 migration plan (December 2025)\" or \"the mpph264enc Oops of "
                + "2025-12-19\" instead");
    }

    /** The scanner sees literals (and text blocks) and skips comments, so the test above can fail. */
    @Test
    void literalsAreFoundAndCommentsSkipped() {
        String src = "/** the seed's words */\nclass A {\n  // seed\n  String a = \"from the \\\"seed\\\"\";\n"
                + "  char q = '\"';\n  String b = \"\"\"\n    Seed text\n    \"\"\";\n  String c = \"plain\";\n}\n";
        List<String> found = new ArrayList<>();
        for (JavaStrings.Literal l : JavaStrings.of(src)) {
            scanLiteral("A.java", l, found);
        }
        assertEquals(List.of("A.java:4: from the \\\"seed\\\"", "A.java:6: \n    Seed text\n    "), found);
        assertEquals(List.of(), hits("seeds seeded linseed"), "a word, not part of one");
    }

    private static List<String> hits(String text) {
        List<String> found = new ArrayList<>();
        scanLines("x", text, found);
        return found;
    }

    private static void scanLines(String where, String text, List<String> found) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (WORD.matcher(lines[i]).find()) {
                found.add(where + ":" + (i + 1) + ": " + lines[i].strip());
            }
        }
    }

    private static void scanLiteral(String where, JavaStrings.Literal l, List<String> found) {
        if (WORD.matcher(l.text()).find()) {
            found.add(where + ":" + l.line() + ": " + l.text());
        }
    }

    static List<Path> tree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}

package dev.r58ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md and docs/*.md leads somewhere: the file exists and, for {@code file#anchor} or
 * {@code #anchor}, a heading of that file has that anchor (GitHub's rule: lower case, punctuation dropped, spaces
 * to hyphens). Links in code blocks and web addresses are not checked.
 */
class DocLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
        ProductTextTest.tree(Path.of("docs")).stream().filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : docs) {
            List<String> lines = Files.readAllLines(doc);
            boolean code = false;
            for (int i = 0; i < lines.size(); i++) {
                code ^= lines.get(i).startsWith("```");
                Matcher m = LINK.matcher(lines.get(i));
                while (!code && m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-z]+:.*")) {
                        continue; // https:, mailto:
                    }
                    checked++;
                    String problem = problem(doc, target);
                    if (problem != null) {
                        broken.add(doc + ":" + (i + 1) + ": " + target + ": " + problem);
                    }
                }
            }
        }
        assertTrue(checked > 0, "README.md links to docs/");
        assertEquals(List.of(), broken);
    }

    @Test
    void anchorsFollowGithubsRule() {
        assertEquals("incidents-when-the-board-oopsed", anchor("Incidents: when the board oopsed"));
        assertEquals("from-a-laptop---host", anchor("From a laptop: `--host`"));
        assertEquals("start-up-and-footprint", anchor("Start-up and footprint"));
    }

    private static String problem(Path doc, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? doc : doc.toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (hash < 0) {
            return null;
        }
        if (!resolved.toString().endsWith(".md")) {
            return "an anchor into a file that is not Markdown";
        }
        return anchors(resolved).contains(target.substring(hash + 1)) ? null : "no such heading";
    }

    private static Set<String> anchors(Path md) throws IOException {
        Set<String> out = new HashSet<>();
        boolean code = false;
        for (String line : Files.readAllLines(md)) {
            code ^= line.startsWith("```");
            if (!code && line.startsWith("#")) {
                String base = anchor(line.replaceFirst("^#+\\s*", ""));
                String a = base;
                for (int k = 1; !out.add(a); k++) {
                    a = base + "-" + k;
                }
            }
        }
        return out;
    }

    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}

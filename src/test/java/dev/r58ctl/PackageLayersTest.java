package dev.r58ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The structure shows itself: packages depend on each other without a circle, the root package is the bottom layer,
 * the launcher the top, and the front ends (cli, tui) sit above the engine, which never reaches up to them. Read from
 * the sources' imports and fully qualified names, so a new dependency is checked the day it is written.
 */
class PackageLayersTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/r58ctl");
    private static final Pattern QUALIFIED = Pattern.compile("dev\\.r58ctl\\.(?:([a-z]+)\\.)?[A-Z]");
    private static final String ROOT = "(root)";

    /** Package to the packages its sources name. */
    static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = SOURCES.relativize(f.getParent());
                String pkg = rel.toString().isEmpty() ? ROOT : rel.toString().replace('/', '.');
                Set<String> to = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = QUALIFIED.matcher(Files.readString(f));
                while (m.find()) {
                    String target = m.group(1) == null ? ROOT : m.group(1);
                    if (!target.equals(pkg)) {
                        to.add(target);
                    }
                }
            }
        }
        return deps;
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> deps = graph();
        List<String> cycles = new ArrayList<>();
        for (String start : deps.keySet()) {
            List<String> path = pathBack(deps, start);
            if (path != null) {
                cycles.add(String.join(" -> ", path));
            }
        }
        assertEquals(List.of(), cycles, "package cycles");
    }

    @Test
    void layers() throws IOException {
        Map<String, Set<String>> deps = graph();
        assertTrue(deps.size() > 15, "the sources were found: " + deps.keySet());
        assertEquals(Set.of(), deps.get(ROOT), "the root package is the bottom layer");
        assertEquals(Set.of(ROOT), deps.get("config"), "configuration depends on nothing but the root package");
        deps.forEach((pkg, to) -> {
            assertTrue(!to.contains("launcher"), pkg + " depends on the launcher, the top layer");
            if (!Set.of("launcher", "packaging").contains(pkg)) {
                assertTrue(!to.contains("cli"), pkg + " depends on the command line, a front end");
            }
            if (!Set.of("launcher", "cli", "remote").contains(pkg)) {
                assertTrue(!to.contains("tui"), pkg + " depends on the dashboard, a front end");
            }
        });
    }

    /** A path from {@code start} back to itself, or null. */
    private static List<String> pathBack(Map<String, Set<String>> deps, String start) {
        Deque<List<String>> todo = new ArrayDeque<>();
        todo.add(List.of(start));
        Set<String> seen = new TreeSet<>();
        while (!todo.isEmpty()) {
            List<String> path = todo.poll();
            for (String next : deps.getOrDefault(path.get(path.size() - 1), Set.of())) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                if (next.equals(start)) {
                    return longer;
                }
                if (seen.add(next)) {
                    todo.add(longer);
                }
            }
        }
        return null;
    }
}

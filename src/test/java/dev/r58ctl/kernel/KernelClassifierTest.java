package dev.r58ctl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.R58Exception;
import dev.r58ctl.kernel.KernelClassifier.Match;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Exact severities for trouble, nothing for chatter, and the prefilter never changes an answer. */
class KernelClassifierTest {
    private static final KernelClassifier CLASSIFIER = KernelClassifier.defaults();

    static Stream<KernelFixtures.Expected> lava() {
        return KernelFixtures.expectations("lava-patterns.txt").stream();
    }

    static Stream<KernelFixtures.Expected> trouble() {
        return KernelFixtures.expectations("trouble-lines.txt").stream();
    }

    private static void assertClassified(KernelFixtures.Expected e) {
        Match m = CLASSIFIER.classify(e.text());
        if (e.id() == null) {
            assertNull(m, "must stay ordinary: " + e.text());
        } else {
            assertNotNull(m, "not classified: " + e.text());
            assertEquals(e.id(), m.patternId(), e.text());
            assertEquals(e.severity(), m.severity(), e.text());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lava")
    void everyLavaPatternIsCaught(KernelFixtures.Expected e) {
        assertClassified(e);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trouble")
    void kernelAndDriverTrouble(KernelFixtures.Expected e) {
        assertClassified(e);
    }

    @Test
    void theLavaFixtureCoversEveryLavaPattern() {
        Set<String> covered = new HashSet<>();
        lava().forEach(e -> covered.add(e.id()));
        for (String id : List.of("cut-here", "unhandled-fault", "kcsan", "kasan", "kfence", "oops-any", "warning",
                "kernel-bug", "bug", "invalid-opcode", "panic", "board-reset", "stack-dump")) {
            assertTrue(covered.contains(id), "no LAVA example for " + id);
        }
    }

    @Test
    void bootAndRuntimeChatterIsOrdinary() {
        List<KernelLine> chatter = KernelFixtures.kernelLines("chatter-rk3588.txt");
        assertTrue(chatter.size() >= 500, "chatter has " + chatter.size() + " lines");
        long driverLines = chatter.stream().filter(l -> l.text().matches(".*(mpp|rkvenc|vepu|iommu).*")).count();
        assertTrue(driverLines >= 50, "only " + driverLines + " media driver lines");
        for (KernelLine line : chatter) {
            assertTrue(line.monotonicMicros() >= 0, "no timestamp: " + line);
            assertNull(CLASSIFIER.classify(line.text()), "false positive: " + line.text());
        }
    }

    @Test
    void theSeedsLinesAsTheOperatorSawThem() {
        List<KernelLine> seed = KernelFixtures.kernelLines("seed-syslogd-broadcast.txt");
        assertEquals(new Match("oops", Severity.CRITICAL, "kernel Oops"), CLASSIFIER.classify(seed.get(1).text()));
        for (int i : new int[] {0, 2, 3, 4, 5, 6}) {
            assertNull(CLASSIFIER.classify(seed.get(i).text()), seed.get(i).text());
        }
    }

    @Test
    void everyLineOfTheFullOopsReportIsRightAlone() {
        List<KernelLine> oops = KernelFixtures.kernelLines("oops-rk3588-mpp.txt");
        List<String> classified = new ArrayList<>();
        for (KernelLine line : oops) {
            Match m = CLASSIFIER.classify(line.text());
            if (m != null) {
                classified.add(m.patternId() + "/" + m.severity());
            }
        }
        // The header lines, the trace heading: the frames, registers and Code: are ordinary alone.
        assertEquals(List.of("unable-to-handle/CRITICAL", "oops/CRITICAL", "call-trace/WARNING"), classified);
    }

    @Test
    void theScannerAgreesWithAPlainSearchForEveryLiteral() {
        // Brute force: a pattern's literal occurs, then its regex decides; the most severe wins.
        List<KernelPattern> table = CLASSIFIER.patterns();
        List<String> texts = new ArrayList<>();
        List<String> literals = table.stream().flatMap(p -> p.literals().stream()).toList();
        for (String literal : literals) {
            texts.add(literal);
            texts.add("x " + literal + " y");
            texts.add(literal.substring(0, literal.length() - 1));
        }
        Random random = new Random(58);
        String alphabet = "BUG: Oops-[ cut here ]mpp_rkvenc rk_iommu fault reset timing: Kernel panic - stall rcu_sched detected";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(60);
            for (int j = 0; j < len; j++) {
                sb.append(random.nextInt(4) == 0
                        ? literals.get(random.nextInt(literals.size()))
                        : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            texts.add(sb.toString());
        }
        for (String text : texts) {
            assertEquals(bruteForce(table, text), CLASSIFIER.classify(text), text);
        }
    }

    private static Match bruteForce(List<KernelPattern> table, String text) {
        KernelPattern best = null;
        for (KernelPattern p : table) {
            boolean hit = p.literals().stream().anyMatch(text::contains)
                    && (p.regex() == null || Pattern.compile(p.regex()).matcher(text).find());
            if (hit && (best == null || p.severity().compareTo(best.severity()) > 0)) {
                best = p;
            }
        }
        return best == null ? null : new Match(best.id(), best.severity(), best.label());
    }

    @Test
    void literalAlternativesAreAnyOf() {
        KernelClassifier c = new KernelClassifier(List.of(
                KernelPattern.literal("either", Severity.ERROR, "alpha|beta", "either word")));
        assertEquals(List.of("alpha", "beta"), c.patterns().get(0).literals());
        assertEquals("either", c.classify("x beta y").patternId());
        assertEquals("either", c.classify("alpha").patternId());
        assertNull(c.classify("alph bet"));
    }

    @Test
    void theMostSevereMatchWinsWhateverTheOrder() {
        assertEquals("oops", CLASSIFIER.classify("Call trace: WARNING: then Internal error: Oops").patternId());
        assertEquals(Severity.CRITICAL, CLASSIFIER.classify("mpp_rkvenc2 timeout, then Kernel panic - not syncing").severity());
    }

    @Test
    void extraPatternsAddAndReplace() {
        KernelClassifier c = KernelClassifier.withExtra(List.of(
                KernelPattern.literal("hdmirx-lost", Severity.WARNING, "signal not lock", "HDMI input lost lock"),
                KernelPattern.literal("rk-iommu", Severity.CRITICAL, "Page fault at", "IOMMU page fault (site policy)"),
                KernelPattern.literal("caf\u00e9", Severity.ERROR, "caf\u00e9 \u00e9chou\u00e9", "non-ASCII literal")));
        assertEquals(new Match("hdmirx-lost", Severity.WARNING, "HDMI input lost lock"), c.classify(
                "rk_hdmirx fdee0000.hdmirx-controller: hdmirx_wait_lock_and_get_timing signal not lock, tmds_clk_ratio:0"));
        assertEquals(Severity.CRITICAL, c.classify("rk_iommu fdbdf000.iommu: Page fault at 0x00000000ff6a0000 of type read").severity());
        assertEquals("caf\u00e9", c.classify("le caf\u00e9 \u00e9chou\u00e9 ici").patternId());
        assertNull(c.classify("le caf\u00e8 \u00e9chou\u00e9 ici"), "look-alike non-ASCII characters are checked");
        assertEquals(KernelPatterns.DEFAULTS.size() + 2, c.patterns().size());
        assertEquals("rk-iommu", c.patterns().get(KernelPatterns.DEFAULTS.indexOf(
                KernelPatterns.DEFAULTS.stream().filter(p -> p.id().equals("rk-iommu")).findFirst().orElseThrow())).id());
        assertNull(CLASSIFIER.classify("hdmirx_wait_lock_and_get_timing signal not lock"), "defaults are unchanged");
    }

    @Test
    void badPatternsFailWithTheirId() {
        R58Exception e = assertThrows(R58Exception.class,
                () -> KernelPattern.regex("broken", Severity.ERROR, "mpp", "mpp(", "x"));
        assertTrue(e.getMessage().startsWith("kernel pattern broken: bad regex: "), e.getMessage());
        assertEquals(R58Exception.BAD_INPUT, e.exitCode());
        assertThrows(R58Exception.class, () -> KernelPattern.literal("empty", Severity.ERROR, "", "x"));
        assertThrows(R58Exception.class, () -> KernelPattern.literal("empty-alternative", Severity.ERROR, "a||b", "x"));
        assertThrows(R58Exception.class, () -> KernelPattern.literal("trailing-bar", Severity.ERROR, "a|", "x"));
        assertThrows(R58Exception.class, () -> KernelPattern.literal(" ", Severity.ERROR, "a", "x"));
        assertThrows(R58Exception.class, () -> KernelPattern.literal("x", null, "a", "x"));
        R58Exception twice = assertThrows(R58Exception.class, () -> KernelClassifier.withExtra(List.of(
                KernelPattern.literal("a", Severity.ERROR, "a", "x"), KernelPattern.literal("a", Severity.ERROR, "b", "x"))));
        assertEquals("kernel pattern a is defined twice", twice.getMessage());
    }

    @Test
    void patternIdsAreUniqueAndEachLiteralIsInItsRegexMatches() {
        Set<String> ids = new HashSet<>();
        for (KernelPattern p : KernelPatterns.DEFAULTS) {
            assertTrue(ids.add(p.id()), "duplicate id " + p.id());
        }
        // every expected match in the fixtures contains its pattern's literal (the prefilter relies on it)
        Stream.concat(lava(), trouble()).filter(e -> e.id() != null).forEach(e -> {
            KernelPattern p = KernelPatterns.DEFAULTS.stream().filter(x -> x.id().equals(e.id())).findFirst().orElseThrow();
            assertTrue(p.literals().stream().anyMatch(e.text()::contains), e.toString());
        });
    }
}

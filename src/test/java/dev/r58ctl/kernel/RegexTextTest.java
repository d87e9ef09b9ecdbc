package dev.r58ctl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the classifier reads from a regex before running it holds for every match, and checking a regex the
 * cheap way first answers exactly as java.util.regex does.
 */
class RegexTextTest {
    @Test
    void theTextsARegexRequires() {
        assertEquals("mpp", RegexText.literalPrefix(KernelPatterns.driverError("mpp")));
        assertEquals("rk", RegexText.literalPrefix(KernelPatterns.driverError("rk[_-]iommu")));
        assertEquals(List.of("rk", "iommu"), RegexText.requiredRuns(KernelPatterns.driverError("rk[_-]iommu")));
        assertEquals(List.of("INFO: task ", " blocked for more than ", " seconds"),
                RegexText.requiredRuns("INFO: task .+ blocked for more than \\d+ seconds"));
        assertEquals(List.of("a", "c", "e", "h"), RegexText.requiredRuns("ab?c(d)e+f*g{2,12}h"));
        assertEquals(List.of("rcu_", " ", "detected ", "stall"),
                RegexText.requiredRuns("rcu_\\w+ (?:self-)?detected (?:expedited )?stall"));
        assertEquals(List.of(), RegexText.requiredRuns("[]a]x"), "a class with a literal ] first: not followed");
        // nothing known: an alternative, flags, quoting, long escapes, nested classes, a back-reference
        for (String re : List.of("ab|cd", "(?i)abc", "ab(?i)cd", "\\Qab|c\\E", "\\x41bc", "\\p{Lu}ab", "\\u0041bc",
                "[a[b]c]x", "(a)b\\1", "(?<n>a)b\\k<n>", "ab(?-i)c")) {
            assertEquals(List.of(), RegexText.requiredRuns(re), re);
            assertNull(RegexText.lazyTail(re), re);
        }
    }

    @Test
    void theTailAfterTheFirstLazyAnything() {
        assertEquals(KernelPatterns.ERROR_WORD, RegexText.lazyTail(KernelPatterns.driverError("mpp")));
        assertEquals("b.*?c", RegexText.lazyTail("a.*?b.*?c"));
        assertNull(RegexText.lazyTail("a(.*?)b"), "inside a group");
        assertNull(RegexText.lazyTail("a[.*?]b"), "inside a class");
        assertNull(RegexText.lazyTail("a\\.*?b"), "an escaped dot");
        assertNull(RegexText.lazyTail("ab.*?"), "nothing after it");
        assertNull(RegexText.lazyTail("a.*?\\Gb"));
    }

    @Test
    void checkingCheaplyFirstAnswersAsTheRegexDoes() {
        List<String> regexes = new ArrayList<>();
        KernelPatterns.DEFAULTS.stream().filter(p -> p.regex() != null).forEach(p -> regexes.add(p.regex()));
        regexes.addAll(List.of("a.*?b", "ab.*?(?<=b x)c", "x+.*?\\bfail(?! to)", "rk.*?(?<!timing: )timeout",
                "a.*?^b", "a.*?b$", "(a|b).*?c", "[ab]+.*?[cd]", "mpp.*?mpp", "mpp.*?", ".*?fail", "a?.*?b"));
        RegexChecks checks = new RegexChecks(regexes);
        String[] pieces = {"mpp", "_rkvenc2", "rk_iommu", "rk-iommu", "hantro", "vepu", " ", "fail", "failed",
            " to get leakage", " to initialize power model", "timing: ", "timeout", "default", "x", "a", "b", "c",
            "d", "\r", "\u0085", "é", "Oops", " -", ":", "BUG: ", "soft lockup", "INFO: task ", " blocked for more than ",
            "12", " seconds", "rcu_sched", "detected ", "stall", "U-Boot SPL 20", "Stack:", "  "};
        Random random = new Random(7);
        int matched = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            int[] memo = checks.newMemo();
            // in rank order as the classifier asks, all sharing one memo
            for (int r = 0; r < regexes.size(); r++) {
                boolean expected = Pattern.compile(regexes.get(r)).matcher(text).find();
                assertEquals(expected, checks.matches(r, text, memo), () -> regexes + " on " + text);
                if (expected) {
                    matched++;
                }
            }
        }
        assertTrue(matched > 10_000, "matched " + matched);
    }
}

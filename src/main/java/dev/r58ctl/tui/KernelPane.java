package dev.r58ctl.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.r58ctl.kernel.KernelWatch;
import dev.r58ctl.kernel.Severity;
import java.util.List;

/** The live kernel log: newest at the bottom, a severity letter on every line, scrollable and filterable. */
final class KernelPane {
    private final Theme theme;

    KernelPane(Theme theme) {
        this.theme = theme;
    }

    void draw(TextGraphics g, int cols, int top, int height, DashboardState s) {
        if (height < 2) {
            return;
        }
        List<KernelWatch.Classified> lines = s.filteredKernel();
        int body = height - 1;
        int maxScroll = Math.max(0, lines.size() - body);
        s.kernelScroll = Math.min(s.kernelScroll, maxScroll);
        int end = lines.size() - s.kernelScroll;
        int start = Math.max(0, end - body);
        theme.header(g);
        String head = " KERNEL LOG" + (s.filter.isEmpty() ? "" : "  filter \"" + s.filter + "\"")
                + "  " + lines.size() + " lines" + (s.kernelScroll > 0 ? "  (scrolled: G follows)" : "  (following)")
                + (s.focus == DashboardState.Focus.KERNEL ? "  [focus]" : "");
        g.putString(0, top, Renderer.pad(Renderer.fit(head, cols), cols));
        for (int i = start, row = top + 1; i < end; i++, row++) {
            KernelWatch.Classified c = lines.get(i);
            Severity sev = c.match() == null ? Severity.INFO : c.match().severity();
            theme.severity(g, sev);
            long us = c.line().monotonicMicros();
            String ts = us < 0 ? "" : String.format("%6d.%03d ", us / 1_000_000, us / 1000 % 1000);
            String letter = sev == Severity.INFO ? " " : String.valueOf(sev.letter());
            g.putString(0, row, Renderer.pad(Renderer.fit(letter + " " + ts + c.line().text(), cols), cols));
        }
        theme.normal(g);
    }
}

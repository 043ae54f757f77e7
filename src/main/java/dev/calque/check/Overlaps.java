package dev.calque.check;

import dev.calque.model.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * One finding per passage. Where a Calque rule and a stock LanguageTool rule flag overlapping text,
 * Calque's wins (stock rules misread MT artifacts: "Poutine" gets a spelling suggestion "Routine").
 * Where one finding's span lies inside another's, the more severe is kept, then the wider.
 */
final class Overlaps {
    private Overlaps() {
    }

    /** @param rank lower is more specific: wins a tie between findings of equal severity and span */
    static List<Finding> resolve(List<Finding> findings, ToIntFunction<Finding> rank) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::end, Comparator.reverseOrder()));
        List<Finding> kept = new ArrayList<>();
        for (Finding f : sorted) {
            boolean drop = false;
            for (Iterator<Finding> it = kept.iterator(); it.hasNext() && !drop; ) {
                Finding k = it.next();
                if (!overlaps(k, f)) continue;
                boolean kOwn = Finding.CALQUE.equals(k.origin());
                boolean fOwn = Finding.CALQUE.equals(f.origin());
                if (kOwn != fOwn) {
                    if (kOwn) drop = true; else it.remove();
                } else if (contains(k, f) || contains(f, k)) {
                    if (better(k, f, rank)) drop = true; else it.remove();
                }
            }
            if (!drop) kept.add(f);
        }
        kept.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        return kept;
    }

    private static boolean overlaps(Finding a, Finding b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    private static boolean contains(Finding a, Finding b) {
        return a.start() <= b.start() && b.end() <= a.end();
    }

    /** Whether {@code a} is the one to keep over {@code b}. */
    private static boolean better(Finding a, Finding b, ToIntFunction<Finding> rank) {
        if (a.severity() != b.severity()) return a.severity().compareTo(b.severity()) > 0;
        int la = a.end() - a.start();
        int lb = b.end() - b.start();
        if (la != lb) return la > lb;
        return rank.applyAsInt(a) <= rank.applyAsInt(b);
    }
}

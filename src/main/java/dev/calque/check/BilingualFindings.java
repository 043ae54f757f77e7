package dev.calque.check;

import dev.calque.model.Finding;
import dev.calque.model.Severity;
import dev.calque.model.Article;
import dev.calque.model.Texts;
import dev.calque.bilingual.BilingualArticle;
import dev.calque.model.Finding;
import dev.calque.bilingual.Link;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts together what the monolingual rules and the rules that read the original found in one
 * translation. Every finding names the original's sentence its own sentence is aligned with. Where a
 * finding of each kind covers the same passage (they overlap by half the longer one or more), one is
 * kept, the one that explains more: the more severe, or on a tie the specific monolingual rule's
 * (which says what the artifact is), its message completed by what the original shows. A monolingual
 * finding whose passage the original writes the same way says so ("The original says “Poutine”.").
 * Stock LanguageTool findings give way to either, as they give way to Calque's rules.
 */
final class BilingualFindings {
    private BilingualFindings() {
    }

    static List<Finding> combine(List<Finding> mono, List<Finding> bi, BilingualArticle b) {
        String original = b.original().text();
        List<Finding> out = new ArrayList<>();
        List<Finding> pending = new ArrayList<>(bi);
        for (Finding m : mono) {
            Link l = b.alignment().sentenceAt(m.start());
            Finding f = m;
            if (l != null && l.hasSource()) {
                String src = l.source().of(original);
                f = f.withSource(src, l.source().start(), l.source().end(), l.segmentId());
                if (Finding.CALQUE.equals(m.origin()) && m.passage().strip().length() >= 3
                        && src.contains(m.passage().strip())) {
                    f = f.withMessage(m.message() + " The original says “" + m.passage().strip() + "”.");
                }
            } else if (l != null && l.segmentId() != null) {
                f = f.withSource("", l.source().start(), l.source().end(), l.segmentId());
            }
            Finding same = null;
            for (Finding x : pending) if (samePassage(x, f)) same = x;
            if (same == null) {
                out.add(f);
                continue;
            }
            pending.remove(same);
            boolean monoOwn = Finding.CALQUE.equals(f.origin());
            if (!monoOwn || same.severity().compareTo(f.severity()) > 0) {
                out.add(monoOwn ? same.withMessage(same.message() + " " + f.message()) : same);
            } else {
                out.add(f.withSource(same.sourcePassage(), same.sourceStart(), same.sourceEnd(), same.segmentId())
                        .withMessage(f.message() + " " + same.message()));
            }
        }
        out.addAll(pending);
        out.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        return out;
    }

    private static boolean samePassage(Finding a, Finding b) {
        int overlap = Math.min(a.end(), b.end()) - Math.max(a.start(), b.start());
        return overlap > 0 && 2 * overlap >= Math.max(a.end() - a.start(), b.end() - b.start());
    }
}

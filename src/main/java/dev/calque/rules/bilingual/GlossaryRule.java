package dev.calque.rules.bilingual;

import dev.calque.model.BilingualSegment;
import dev.calque.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule kind {@code glossary}: the run's glossary against each segment. {@code check: required} flags a
 * segment whose original has a glossary term while its translation has none of the required
 * translations and no forbidden one in their place (the match covers the segment: the term is what is
 * absent); {@code forbidden} flags a forbidden target term used where the original has the entry's
 * source term.
 */
public record GlossaryRule(RuleInfo info, List<BilingualExample> examples, Check check, String template)
        implements BilingualRule {
    public enum Check { REQUIRED, FORBIDDEN }

    public GlossaryRule {
        examples = List.copyOf(examples);
    }

    @Override
    public List<SegmentMatch> check(BilingualSegment segment, Glossary glossary) {
        List<SegmentMatch> out = new ArrayList<>();
        String source = segment.source();
        String target = segment.target();
        if (target.isEmpty()) return out;
        int n = 0;
        for (Glossary.Entry e : glossary.entries()) {
            // a glossary from a pull request may hold 400,000 terms: each is looked for in the segment, so the
            // article's deadline is polled here, not only between rules (it was passed by 70 s before)
            if ((++n & 255) == 0) dev.calque.model.Deadline.check();
            String term = null;
            int[] where = null;
            for (String s : e.sources()) {
                List<int[]> found = Glossary.occurrences(s, source);
                if (!found.isEmpty()) {
                    where = found.get(0);
                    term = source.substring(where[0], where[1]);
                    break;
                }
            }
            if (term == null) continue;
            if (check == Check.REQUIRED) {
                if (e.required().isEmpty() || e.required().stream().anyMatch(r -> Glossary.contains(target, r))) continue;
                // a forbidden term in its place is the finding that explains more: the forbidden check makes it
                if (e.forbidden().stream().anyMatch(f -> Glossary.contains(target, f))) continue;
                out.add(new SegmentMatch(0, target.length(), fill(term, String.join("” or “", e.required()), null, e),
                        e.required(), where[0], where[1]));
            } else {
                for (String f : e.forbidden()) {
                    for (int[] at : Glossary.occurrences(f, target)) {
                        out.add(new SegmentMatch(at[0], at[1], fill(term, String.join("” or “", e.required()),
                                target.substring(at[0], at[1]), e), e.required(), where[0], where[1]));
                    }
                }
            }
        }
        return out;
    }

    private String fill(String term, String required, String match, Glossary.Entry e) {
        String m = template.replace("{term}", term).replace("{required}", required.isEmpty() ? "another term" : required)
                .replace("{match}", match == null ? "" : match);
        String note = e.note().isEmpty() ? "" : "Glossary note: " + e.note() + (e.note().matches(".*[.!?]$") ? "" : ".");
        return m.replace("{note}", note).strip();
    }
}

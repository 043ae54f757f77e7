package dev.calque.check;

import dev.calque.model.Finding;
import dev.calque.model.Severity;
import dev.calque.model.Article;
import dev.calque.model.Texts;
import dev.calque.model.Article;
import dev.calque.model.Texts;
import dev.calque.model.BilingualFile;
import dev.calque.model.BilingualSegment;
import dev.calque.rules.RuleInfo;
import dev.calque.rules.bilingual.BilingualRule;
import dev.calque.rules.bilingual.Glossary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the bilingual rules ({@code rules/bilingual/}) over the segments of an article read from a
 * bilingual file, and turns their matches into findings at the article's offsets. Stateless after
 * construction: shared by every checker thread.
 */
final class BilingualCheck {
    private final Map<String, BilingualRule> rules = new LinkedHashMap<>();
    private final Glossary glossary;

    BilingualCheck(List<BilingualRule> rules, Glossary glossary, Set<String> disabled) {
        for (BilingualRule r : rules) if (!disabled.contains(r.info().id())) this.rules.put(r.info().id(), r);
        this.glossary = glossary;
    }

    RuleInfo info(String id) {
        BilingualRule r = rules.get(id);
        return r == null ? null : r.info();
    }

    /** Changes whenever a bilingual rule or the glossary does (part of the checker's cache key). */
    String key() {
        StringBuilder b = new StringBuilder();
        for (BilingualRule r : rules.values()) b.append(r.info()).append(r.examples());
        return Integer.toHexString(b.toString().hashCode()) + "/" + Integer.toHexString(glossary.entries().hashCode());
    }

    List<BilingualRule> rules() {
        return List.copyOf(rules.values());
    }

    /** What a bilingual rule found, split by span: a passage of the text, or a whole segment. */
    record Found(List<Finding> passages, List<Finding> segments) {
    }

    Found check(Article article, Map<String, Severity> overrides) {
        List<Finding> passages = new ArrayList<>();
        List<Finding> segments = new ArrayList<>();
        BilingualFile file = article.bilingual();
        if (file == null || rules.isEmpty()) return new Found(passages, segments);
        String text = article.text();
        Texts.LineIndex lines = new Texts.LineIndex(text);
        int[] starts = file.starts();
        int[] sourceStarts = file.sourceStarts();
        for (int i = 0; i < file.segments().size(); i++) {
            BilingualSegment s = file.segments().get(i);
            int base = starts[i];
            if (base + s.target().length() > text.length()) break; // the text was cut to the size limit
            for (BilingualRule r : rules.values()) {
                for (BilingualRule.SegmentMatch m : r.check(s, glossary)) {
                    int from = m.sourceStart() < 0 ? 0 : m.sourceStart();
                    int to = m.sourceStart() < 0 ? s.source().length() : m.sourceEnd();
                    Finding f = toFinding(r.info(), m, s, base, text, lines, overrides)
                            .withSource(s.source().substring(from, to), sourceStarts[i] + from, sourceStarts[i] + to, s.id());
                    boolean whole = m.start() == 0 && m.end() == s.target().length();
                    (whole ? segments : passages).add(f);
                }
            }
        }
        return new Found(passages, segments);
    }

    /** Every finding of a bilingual file's article names its segment (a finding of a bilingual rule already does). */
    static List<Finding> withSegmentIds(Article article, List<Finding> findings) {
        BilingualFile file = article.bilingual();
        if (file == null) return findings;
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (f.segmentId() == null) {
                String id = file.segments().get(file.segmentAt(f.start())).id();
                f = f.withSource(f.sourcePassage(), f.sourceStart(), f.sourceEnd(), id);
            }
            out.add(f);
        }
        return out;
    }

    /** Matches of one rule in one segment, as findings in the segment's own text: for rule examples. */
    List<Finding> checkSegment(String ruleId, BilingualSegment s, Glossary g) {
        BilingualRule r = rules.get(ruleId);
        if (r == null) return List.of();
        List<Finding> out = new ArrayList<>();
        Texts.LineIndex lines = new Texts.LineIndex(s.target());
        for (BilingualRule.SegmentMatch m : r.check(s, g)) {
            out.add(toFinding(r.info(), m, s, 0, s.target(), lines, Map.of()));
        }
        return out;
    }

    private static Finding toFinding(RuleInfo info, BilingualRule.SegmentMatch m, BilingualSegment s, int base,
                                     String text, Texts.LineIndex lines, Map<String, Severity> overrides) {
        int start = base + m.start();
        int end = base + m.end();
        return new Finding(info.id(), info.name(), info.category(), overrides.getOrDefault(info.id(), info.severity()),
                m.message(), m.suggestions(), start, end, lines.line(start), lines.column(start), lines.line(end),
                lines.column(end), text.substring(start, end), s.target(), base, Finding.CALQUE);
    }
}

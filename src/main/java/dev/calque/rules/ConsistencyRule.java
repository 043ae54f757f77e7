package dev.calque.rules;

import dev.calque.check.Deadline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One spelling per article: when two variants of the same name both occur, the rarer one (or, on a
 * tie, the one that appears later) is flagged with the other as the suggestion.
 */
public final class ConsistencyRule extends TextRule {
    private final List<Pattern> patterns = new ArrayList<>();
    private final String template;

    ConsistencyRule(RuleInfo info, List<List<String>> groups, String template) {
        super(info);
        this.template = template;
        for (List<String> g : groups) {
            StringBuilder alt = new StringBuilder();
            g.stream().sorted((a, b) -> b.length() - a.length()).forEach(v -> {
                if (alt.length() > 0) alt.append('|');
                alt.append(Pattern.quote(v));
            });
            patterns.add(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alt + ")(?![\\p{L}\\p{N}])"));
        }
    }

    @Override
    protected List<Hit> find(Doc doc) {
        List<Hit> hits = new ArrayList<>();
        for (Pattern p : patterns) {
            Map<String, List<int[]>> seen = new LinkedHashMap<>(); // insertion order = first occurrence
            Matcher m = p.matcher(Deadline.guard(doc.text));
            while (m.find()) seen.computeIfAbsent(m.group(), k -> new ArrayList<>()).add(new int[] {m.start(), m.end()});
            if (seen.size() < 2) continue;
            String dominant = null;
            for (var e : seen.entrySet()) {
                if (dominant == null || e.getValue().size() > seen.get(dominant).size()) dominant = e.getKey();
            }
            int count = seen.get(dominant).size();
            for (var e : seen.entrySet()) {
                if (e.getKey().equals(dominant)) continue;
                String note = "“" + dominant + "” appears " + (count == 1 ? "once" : count + " times") + " in this article";
                for (int[] span : e.getValue()) {
                    hits.add(new Hit(span[0], span[1], fill(template, e.getKey(), dominant, note), List.of(dominant)));
                }
            }
        }
        return hits;
    }
}

package dev.calque.rules;

import dev.calque.model.Deadline;
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
    /**
     * The {@code consistency} kind.
     *
     * @param variants groups of spellings of one name
     * @param table    a file beside the rule file, one group a line, variants separated by {@code |} or tabs
     */
    public record Keys(List<List<String>> variants, String table) {
    }

    /** The kind, as {@link RuleKinds} registers it. */
    static final RuleKind<Keys> KIND = RuleKind.generic("consistency", Keys.class, ConsistencyRule::build);

    /** Decodes a {@code consistency} rule. */
    private static TextRule build(Keys k, RuleDefinition rule) {
        List<List<String>> groups = new ArrayList<>();
        if (k.variants() != null) groups.addAll(k.variants());
        if (k.table() != null) {
            for (RuleDefinition.TableLine line : rule.table(k.table())) {
                List<String> g = List.of(line.text().split("\\s*[\\t|]\\s*"));
                if (g.size() >= 2) groups.add(g);
            }
        }
        if (groups.isEmpty()) throw rule.fail("needs 'variants' or 'table'");
        return new ConsistencyRule(rule.info(), groups, rule.template());
    }

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

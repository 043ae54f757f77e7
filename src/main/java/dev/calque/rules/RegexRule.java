package dev.calque.rules;

import dev.calque.model.Deadline;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression over the raw text of each paragraph, for what token patterns cannot see:
 * typography, spacing, stray full stops, page furniture. {@code unless} patterns veto a match they
 * overlap (as LanguageTool's antipatterns do); {@code scope} says where in the article a match counts.
 */
public final class RegexRule extends TextRule {

    /** Where a match counts. */
    public enum Scope {
        /** anywhere in a paragraph */
        ANYWHERE,
        /** only when the pattern matches a whole paragraph */
        PARAGRAPH,
        /** only a whole paragraph among the first two or the last two of the article */
        EDGE,
        /** anywhere in a paragraph, except the first two and the last two */
        BODY
    }

    /**
     * The {@code regex} kind.
     *
     * @param pattern    the Java regular expression
     * @param group      which group is the flagged span (default 0, the whole match)
     * @param unless     patterns that veto a match they overlap
     * @param suggest    suggestion templates, with {@code $1}... for the groups
     * @param scope      {@code anywhere} (default), {@code paragraph}, {@code edge} or {@code body}
     * @param ignoreCase whether case is ignored
     */
    public record Keys(String pattern, Integer group, List<String> unless, List<String> suggest, String scope,
                       Boolean ignoreCase) {
    }

    /** The kind, as {@link RuleKinds} registers it. */
    static final RuleKind<Keys> KIND = RuleKind.of("regex", Keys.class, RegexRule::build);

    /** Decodes a {@code regex} rule. */
    private static TextRule build(Keys k, RuleDefinition rule) {
        if (k.pattern() == null) throw rule.fail("needs 'pattern'");
        boolean ignoreCase = Boolean.TRUE.equals(k.ignoreCase());
        Pattern p = rule.pattern(k.pattern(), ignoreCase);
        List<Pattern> unless = new ArrayList<>();
        if (k.unless() != null) for (String u : k.unless()) unless.add(rule.pattern(u, ignoreCase));
        int group = k.group() == null ? 0 : k.group();
        if (group > p.matcher("").groupCount()) throw rule.fail("'group' " + group + " is not in the pattern");
        Scope scope;
        try {
            scope = Scope.valueOf((k.scope() == null ? "anywhere" : k.scope()).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw rule.fail("'scope' must be anywhere, paragraph, edge or body");
        }
        return new RegexRule(rule.info(), p, group, unless, k.suggest() == null ? List.of() : k.suggest(), scope,
                rule.template());
    }

    private final Pattern pattern;
    private final int group;
    private final List<Pattern> unless;
    private final List<String> suggest;
    private final Scope scope;
    private final String template;

    RegexRule(RuleInfo info, Pattern pattern, int group, List<Pattern> unless, List<String> suggest, Scope scope,
              String template) {
        super(info);
        this.pattern = pattern;
        this.group = group;
        this.unless = List.copyOf(unless);
        this.suggest = List.copyOf(suggest);
        this.scope = scope;
        this.template = template;
    }

    @Override
    protected List<Hit> find(Doc doc) {
        List<Hit> hits = new ArrayList<>();
        int n = doc.paragraphs.size();
        for (int i = 0; i < n; i++) {
            int[] para = doc.paragraphs.get(i);
            boolean edge = i < 2 || i >= n - 2;
            if (scope == Scope.EDGE && !edge) continue;
            if (scope == Scope.BODY && edge) continue;
            String text = doc.text.substring(para[0], para[1]);
            Matcher m = pattern.matcher(Deadline.guard(text));
            if (scope == Scope.PARAGRAPH || scope == Scope.EDGE) {
                if (m.matches()) add(doc, text, para[0], m, hits);
            } else {
                while (m.find()) {
                    if (m.end() == m.start()) continue;
                    add(doc, text, para[0], m, hits);
                }
            }
        }
        return hits;
    }

    private void add(Doc doc, String para, int offset, Matcher m, List<Hit> hits) {
        int s = m.start(group);
        int e = m.end(group);
        if (s < 0 || e <= s) return;
        for (Pattern u : unless) {
            Matcher um = u.matcher(Deadline.guard(para));
            while (um.find()) {
                if (um.start() < e && s < um.end()) return;
                if (um.start() >= e) break;
            }
        }
        List<String> suggestions = new ArrayList<>();
        for (String t : suggest) suggestions.add(expand(t, m));
        String flagged = para.substring(s, e);
        hits.add(new Hit(offset + s, offset + e,
                fill(template, flagged, suggestions.isEmpty() ? "" : suggestions.get(0), null), suggestions));
    }

    /** Replaces $1..$9 in a suggestion template with the match's groups. */
    private static String expand(String template, Matcher m) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                int g = template.charAt(++i) - '0';
                String v = g <= m.groupCount() ? m.group(g) : null;
                if (v != null) sb.append(v);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

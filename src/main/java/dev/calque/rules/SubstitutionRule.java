package dev.calque.rules;

import dev.calque.model.Deadline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phrase table: each listed phrase, standing as whole words, is flagged with its replacement.
 * Source-language name forms and fixed calques live in tables of this kind.
 */
public final class SubstitutionRule extends TextRule {

    /** One row of the table. */
    public record Entry(String found, String suggestion, String note) {
    }

    /**
     * The {@code substitution} kind.
     *
     * @param swap       phrases and their replacements, inline
     * @param table      a TSV file beside the rule file: {@code found<TAB>suggestion[<TAB>note]}
     * @param ignoreCase whether case is ignored when matching
     */
    public record Keys(Map<String, String> swap, String table, Boolean ignoreCase) {
    }

    /** The kind, as {@link RuleKinds} registers it. */
    static final RuleKind<Keys> KIND = RuleKind.of("substitution", Keys.class, SubstitutionRule::build);

    /** Decodes a {@code substitution} rule. */
    private static TextRule build(Keys k, RuleDefinition rule) {
        List<Entry> rows = new ArrayList<>();
        if (k.swap() != null) k.swap().forEach((found, suggestion) -> rows.add(new Entry(found, suggestion, null)));
        if (k.table() != null) {
            for (RuleDefinition.TableLine line : rule.table(k.table())) {
                String[] cols = line.text().split("\t");
                if (cols.length < 2 || cols[0].isBlank()) {
                    throw new RuleFileException(line.file(), line.number(), "expected 'found<TAB>suggestion[<TAB>note]'");
                }
                rows.add(new Entry(cols[0].strip(), cols[1].strip(), cols.length > 2 ? cols[2].strip() : null));
            }
        }
        if (rows.isEmpty()) throw rule.fail("needs 'swap' or 'table'");
        return new SubstitutionRule(rule.info(), rows, Boolean.TRUE.equals(k.ignoreCase()), rule.template());
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Pattern pattern;
    private final boolean ignoreCase;
    private final String template;

    SubstitutionRule(RuleInfo info, List<Entry> rows, boolean ignoreCase, String template) {
        super(info);
        this.ignoreCase = ignoreCase;
        this.template = template;
        for (Entry e : rows) entries.put(key(e.found()), e);
        List<String> phrases = new ArrayList<>(entries.values().stream().map(Entry::found).toList());
        phrases.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alt = new StringBuilder();
        for (String p : phrases) {
            if (alt.length() > 0) alt.append('|');
            alt.append(Pattern.quote(p).replace(" ", "\\E\\s+\\Q"));
        }
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        this.pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alt + ")(?![\\p{L}\\p{N}])", flags);
    }

    private String key(String s) {
        String k = s.replaceAll("\\s+", " ");
        return ignoreCase ? k.toLowerCase(Locale.ROOT) : k;
    }

    @Override
    protected List<Hit> find(Doc doc) {
        List<Hit> hits = new ArrayList<>();
        Matcher m = pattern.matcher(Deadline.guard(doc.text));
        while (m.find()) {
            Entry e = entries.get(key(m.group()));
            if (e == null) continue;
            hits.add(new Hit(m.start(), m.end(), fill(template, m.group(), e.suggestion(), e.note()),
                    e.suggestion() == null || e.suggestion().isEmpty() ? List.of() : List.of(e.suggestion())));
        }
        return hits;
    }
}

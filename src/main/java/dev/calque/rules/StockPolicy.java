package dev.calque.rules;

import dev.calque.model.MqmCategory;
import dev.calque.model.Severity;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.languagetool.rules.Rule;

/**
 * How LanguageTool's stock rules are labelled and which are switched off, from the
 * {@code languagetool:} sections of rule files: {@code types} maps LanguageTool's ITS issue types onto
 * MQM (the defaults are in {@code rules/en/languagetool.yml}), {@code rules} single rules.
 */
public final class StockPolicy {

    /** The {@code languagetool:} section of a rule file. */
    public record Spec(List<String> disable, Map<String, Label> rules, Map<String, Label> types,
                       List<String> ignoreCapitalized, List<String> ignoreOtherVariants, List<String> enable,
                       List<String> reportOtherVariants, List<String> transliteratedFrom) {
    }

    /**
     * How LanguageTool's English spellers word a match on a word that another English variety spells so
     * ("Possible spelling mistake. 'favour' is British English."): the speller's own verdict, read from
     * its message since LanguageTool keeps it in a package-private class. {@code CapitalizedWordsLeftOutTest}
     * fails if a LanguageTool upgrade changes the wording.
     */
    private static final java.util.regex.Pattern OTHER_VARIANT =
            java.util.regex.Pattern.compile("'[^']+' is (?:[A-Z][a-z]+ )+English\\.");

    /** Category and severity to give a stock rule or a whole ITS issue type. */
    public record Label(String category, Severity severity) {
    }

    private final Set<String> disabled = new HashSet<>();
    private final Set<String> ignoreCapitalized = new HashSet<>();
    private final Set<String> ignoreOtherVariants = new HashSet<>();
    private final Set<String> transliteratedFrom = new HashSet<>();
    private final Map<String, Label> byRule = new HashMap<>();
    private final Map<String, Label> byType = new HashMap<>();

    void merge(Spec spec) {
        if (spec.disable() != null) disabled.addAll(spec.disable());
        if (spec.ignoreCapitalized() != null) ignoreCapitalized.addAll(spec.ignoreCapitalized());
        if (spec.ignoreOtherVariants() != null) ignoreOtherVariants.addAll(spec.ignoreOtherVariants());
        if (spec.transliteratedFrom() != null) transliteratedFrom.addAll(spec.transliteratedFrom());
        // a later file (an opt-in folder) can undo what an earlier one (the bundled rules) switched off
        if (spec.enable() != null) spec.enable().forEach(disabled::remove);
        if (spec.reportOtherVariants() != null) spec.reportOtherVariants().forEach(ignoreOtherVariants::remove);
        if (spec.rules() != null) byRule.putAll(spec.rules());
        if (spec.types() != null) {
            spec.types().forEach((k, v) -> byType.put(k.toLowerCase(Locale.ROOT), v));
        }
    }

    public Set<String> disabled() {
        return Set.copyOf(disabled);
    }

    /**
     * Whether a stock rule's match on this passage is dropped: rules listed under
     * {@code ignoreCapitalized} (the spelling rules) say nothing about capitalized words, which in news
     * are overwhelmingly names the dictionary does not know.
     */
    public boolean ignores(String ruleId, String passage) {
        return !passage.isEmpty() && Character.isUpperCase(passage.charAt(0)) && ignoreCapitalized.contains(ruleId);
    }

    /**
     * Whether a spelling match is dropped because the speller itself says the word is spelled so in another
     * English variety ({@code ignoreOtherVariants}): "favour" in en-US text is a house-style choice of the
     * translator, not a translation artifact, and professional human translations are full of them.
     */
    public boolean ignoresOtherVariant(String ruleId, String message) {
        return ignoreOtherVariants.contains(ruleId) && message != null && OTHER_VARIANT.matcher(message).find();
    }

    /**
     * Whether translations from this language (an ISO 639-1 code) render every name from another script
     * ({@code transliteratedFrom}): the speller's capitalized words are then reported without the original
     * too, as beside it, where the original never has them.
     */
    public boolean transliterates(String sourceLanguage) {
        return sourceLanguage != null && transliteratedFrom.contains(sourceLanguage);
    }

    /** Whether a stock rule is listed under {@code ignoreCapitalized}. */
    public boolean ignoresCapitalized(String ruleId) {
        return ignoreCapitalized.contains(ruleId);
    }

    /** The metadata Calque reports for a stock LanguageTool rule. */
    public RuleInfo describe(Rule rule) {
        String type = rule.getLocQualityIssueType().toString().toLowerCase(Locale.ROOT);
        Label base = byType.getOrDefault(type, new Label(MqmCategory.ITS_FALLBACK, Severity.MINOR));
        Label own = byRule.get(rule.getId());
        String category = own != null && own.category() != null ? own.category() : base.category();
        Severity severity = own != null && own.severity() != null ? own.severity() : base.severity();
        return new RuleInfo(rule.getId(), rule.getDescription(), category,
                severity == null ? Severity.MINOR : severity, rule.getDescription(), "languagetool",
                "languagetool", List.of());
    }
}

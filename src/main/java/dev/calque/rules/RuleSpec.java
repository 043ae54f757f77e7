package dev.calque.rules;

import dev.calque.check.Severity;
import java.util.List;
import java.util.Map;

/**
 * One rule of a YAML rule file, as a tuner writes it. Which fields apply depends on {@code kind};
 * see {@code rules/README.md} for the reference.
 */
public record RuleSpec(
        String id,
        String name,
        String kind,
        String category,
        Severity severity,
        String message,
        // substitution and consistency
        String table,
        Map<String, String> swap,
        List<List<String>> variants,
        Boolean ignoreCase,
        // regex
        String pattern,
        Integer group,
        List<String> unless,
        List<String> suggest,
        String scope,
        // fragment
        Integer maxTokens,
        // untranslated
        String language,
        Integer minWords,
        Double minConfidence,
        List<Example> examples) {

    /** An example: {@code flag} (with a {@code <marker>}) or {@code clean}, and the expected suggestion. */
    public record Example(String flag, String clean, String correction) {
    }

    /**
     * A whole YAML rule file: a list of rules, and optionally how stock LanguageTool rules are treated,
     * and rules that read the original ({@code bilingual:}, loaded by {@code dev.calque.bilingual.SourceRules}).
     */
    public record File(List<RuleSpec> rules, StockPolicy.Spec languagetool,
                       com.fasterxml.jackson.databind.JsonNode bilingual) {
    }

    public List<RuleExample> ruleExamples() {
        if (examples == null) return List.of();
        return examples.stream()
                .map(e -> e.flag() != null ? new RuleExample(e.flag(), true, e.correction())
                        : new RuleExample(e.clean() == null ? "" : e.clean(), false, null))
                .toList();
    }

    public boolean caseInsensitive() {
        return Boolean.TRUE.equals(ignoreCase);
    }
}

package dev.calque.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calque.model.Severity;
import java.util.List;

/**
 * The keys every YAML rule has, whatever its kind; the kind's own keys are read into its
 * {@link RuleKind#keys() record}. See {@code rules/README.md} for the reference.
 */
public record RuleSpec(
        String id,
        String name,
        String kind,
        String category,
        Severity severity,
        String message,
        List<Example> examples) {

    /** The keys of this record, as a rule file writes them. */
    static final List<String> KEYS = keysOf(RuleSpec.class);

    /** An example: {@code flag} (with a {@code <marker>}) or {@code clean}, and the expected suggestion. */
    public record Example(String flag, String clean, String correction) {
    }

    /**
     * A whole YAML rule file: a list of rules, and optionally how stock LanguageTool rules are treated.
     * The rules are read as trees first: which keys a rule may carry depends on its kind.
     */
    public record File(List<JsonNode> rules, StockPolicy.Spec languagetool) {
    }

    public List<RuleExample> ruleExamples() {
        if (examples == null) return List.of();
        return examples.stream()
                .map(e -> e.flag() != null ? new RuleExample(e.flag(), true, e.correction())
                        : new RuleExample(e.clean() == null ? "" : e.clean(), false, null))
                .toList();
    }

    /** A record's component names: the keys a rule file may give for it. */
    static List<String> keysOf(Class<? extends Record> type) {
        return java.util.Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
    }
}

package dev.calque.rules;

import dev.calque.model.MqmCategory;
import dev.calque.model.Severity;
import java.util.List;

/**
 * What a rule declares about itself, whatever its format: reports, {@code calque rules list} and
 * the example tests all read it from here.
 *
 * @param id          rule id
 * @param name        short human name
 * @param category    MQM category path
 * @param severity    default severity
 * @param explanation why a match is suspect, for an editor
 * @param kind        how it is implemented: {@code xml}, a table mechanism name, or {@code languagetool}
 * @param source      the file it was loaded from (or {@code languagetool} for stock rules)
 * @param examples    the examples it carries
 */
public record RuleInfo(String id, String name, String category, Severity severity, String explanation,
                       String kind, String source, List<RuleExample> examples) {

    public RuleInfo {
        examples = List.copyOf(examples);
    }

    public String dimension() {
        return MqmCategory.dimensionOf(category);
    }

    public boolean isStock() {
        return "languagetool".equals(kind);
    }
}

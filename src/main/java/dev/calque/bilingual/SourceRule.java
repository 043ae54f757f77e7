package dev.calque.bilingual;

import dev.calque.rules.RuleInfo;
import java.util.List;

/**
 * A rule that reads the original beside the translation. Its findings are {@link Hit}s: a span of the
 * translation, the alignment link it lies in, and the explanation; the checker makes findings of them.
 */
public interface SourceRule {

    RuleInfo info();

    /** The rule's examples, each with the original it is checked against. */
    List<SourceExample> examples();

    List<Hit> find(BilingualArticle article, ConventionTable languages);

    /**
     * One suspect passage.
     *
     * @param start       offset in the translation's text
     * @param end         end offset (exclusive), after {@code start}
     * @param link        the alignment link the passage belongs to (its source side is the original's passage)
     * @param message     the explanation, with what the original says
     * @param suggestions what to write instead (may be empty)
     */
    record Hit(int start, int end, Link link, String message, List<String> suggestions) {
        public Hit {
            suggestions = List.copyOf(suggestions);
        }
    }

    /**
     * An example a rule carries: the original, and the translation marked as for any rule (a
     * {@code <marker>} around the span it must flag, or none for one it must leave alone).
     */
    record SourceExample(String source, dev.calque.rules.RuleExample target) {
    }
}

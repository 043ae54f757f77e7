package dev.calque.model;

import java.util.List;

/**
 * One suspect passage in one article: the single model type every stage shares.
 *
 * <p>Offsets are UTF-16 indices into the article's extracted text (end exclusive); line and column
 * are 1-based. For plain-text input the text is the file itself, so they point into the file.
 *
 * @param rule        rule id (Calque's own, or LanguageTool's)
 * @param ruleName    short human name of the rule
 * @param category    MQM category path, such as {@code Accuracy/Mistranslation}
 * @param severity    MQM severity
 * @param message     why the passage is suspect, written for an editor
 * @param suggestions what to write instead (may be empty)
 * @param passage     the flagged text itself
 * @param sentence    the sentence around it
 * @param sentenceStart offset of {@code sentence} in the article text
 * @param origin      {@code calque} for Calque's rule packs, {@code languagetool} for stock rules
 */
public record Finding(
        String rule,
        String ruleName,
        String category,
        Severity severity,
        String message,
        List<String> suggestions,
        int start,
        int end,
        int line,
        int column,
        int endLine,
        int endColumn,
        String passage,
        String sentence,
        int sentenceStart,
        String origin) {

    public static final String CALQUE = "calque";
    public static final String LANGUAGETOOL = "languagetool";

    public Finding {
        suggestions = List.copyOf(suggestions);
    }

    /** The MQM dimension: the first part of the category path ("Accuracy", "Fluency", ...). */
    public String dimension() {
        return MqmCategory.dimensionOf(category);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(rule, ruleName, category, s, message, suggestions, start, end, line, column,
                endLine, endColumn, passage, sentence, sentenceStart, origin);
    }

    public Finding withCategory(String c) {
        return new Finding(rule, ruleName, c, severity, message, suggestions, start, end, line, column,
                endLine, endColumn, passage, sentence, sentenceStart, origin);
    }
}

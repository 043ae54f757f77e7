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
 * @param sourcePassage the original's passage the finding concerns (checked beside an original), or {@code null};
 *                    one over {@link #MAX_SENTENCE} characters is cut there and ends with "…"
 * @param sourceStart offset of {@code sourcePassage} in the original's text, -1 when there is none
 * @param sourceEnd   its end (exclusive), -1 when there is none
 * @param segmentId   the unit/segment id of a bilingual file the finding lies in, or {@code null}
 * @param confidence  the probability that an MQM annotator marks an error overlapping the passage
 *                    (the risk model), or {@code null} when not estimated
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
        String origin,
        String sourcePassage,
        int sourceStart,
        int sourceEnd,
        String segmentId,
        Double confidence) {

    public static final String CALQUE = "calque";
    public static final String LANGUAGETOOL = "languagetool";

    /**
     * Longest sentence a finding carries: text without sentence ends (500 KB of words without a full stop)
     * would otherwise give every finding a copy of the whole text, thousands of them (docs/security.md,
     * round eight). A longer one is the window of this many characters around the passage.
     */
    public static final int MAX_SENTENCE = 2_000;

    public Finding {
        suggestions = List.copyOf(suggestions);
        if (sentence != null && sentence.length() > MAX_SENTENCE) {
            int at = Math.max(0, Math.min(start - sentenceStart, sentence.length()));
            int from = Math.max(0, Math.min(at - (MAX_SENTENCE - Math.min(end - start, MAX_SENTENCE)) / 2,
                    sentence.length() - MAX_SENTENCE));
            int to = from + MAX_SENTENCE;
            if (from > 0 && Character.isLowSurrogate(sentence.charAt(from))) from++;
            if (Character.isHighSurrogate(sentence.charAt(to - 1))) to--;
            sentenceStart += from;
            sentence = sentence.substring(from, to);
        }
        // the original's side likewise (a TSV line of 100,000 characters gave each finding all of it); its
        // offsets still say where the whole passage lies
        if (sourcePassage != null && sourcePassage.length() > MAX_SENTENCE) {
            int to = MAX_SENTENCE - 1;
            if (Character.isHighSurrogate(sourcePassage.charAt(to - 1))) to--;
            sourcePassage = sourcePassage.substring(0, to) + "…";
        }
    }

    /** A finding with no original beside it (a monolingual check). */
    public Finding(String rule, String ruleName, String category, Severity severity, String message,
                   List<String> suggestions, int start, int end, int line, int column, int endLine, int endColumn,
                   String passage, String sentence, int sentenceStart, String origin) {
        this(rule, ruleName, category, severity, message, suggestions, start, end, line, column, endLine, endColumn,
                passage, sentence, sentenceStart, origin, null, -1, -1, null, null);
    }

    /** Whether the finding names a passage of the original. */
    public boolean hasSource() {
        return sourcePassage != null && sourceStart >= 0;
    }

    /** The same finding pointing at a passage of the original, and at a bilingual file's segment (or null). */
    public Finding withSource(String passage, int start, int end, String segment) {
        return new Finding(rule, ruleName, category, severity, message, suggestions, this.start, this.end, line, column,
                endLine, endColumn, this.passage, sentence, sentenceStart, origin, passage, start, end, segment, confidence);
    }

    /** The same finding with another explanation (one that names what the original says, say). */
    public Finding withMessage(String m) {
        return new Finding(rule, ruleName, category, severity, m, suggestions, start, end, line, column,
                endLine, endColumn, passage, sentence, sentenceStart, origin, sourcePassage, sourceStart, sourceEnd,
                segmentId, confidence);
    }

    /** The confidence, or {@code fallback} when it was not estimated. */
    public double confidenceOr(double fallback) {
        return confidence == null ? fallback : confidence;
    }

    public Finding withConfidence(Double c) {
        return new Finding(rule, ruleName, category, severity, message, suggestions, start, end, line, column,
                endLine, endColumn, passage, sentence, sentenceStart, origin, sourcePassage, sourceStart, sourceEnd,
                segmentId, c);
    }

    /** The MQM dimension: the first part of the category path ("Accuracy", "Fluency", ...). */
    public String dimension() {
        return MqmCategory.dimensionOf(category);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(rule, ruleName, category, s, message, suggestions, start, end, line, column,
                endLine, endColumn, passage, sentence, sentenceStart, origin, sourcePassage, sourceStart, sourceEnd,
                segmentId, confidence);
    }

    public Finding withCategory(String c) {
        return new Finding(rule, ruleName, c, severity, message, suggestions, start, end, line, column,
                endLine, endColumn, passage, sentence, sentenceStart, origin, sourcePassage, sourceStart, sourceEnd,
                segmentId, confidence);
    }
}

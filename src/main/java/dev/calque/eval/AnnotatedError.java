package dev.calque.eval;

import dev.calque.model.Severity;

/**
 * One error span an annotator marked in a segment.
 *
 * @param start     offset into the segment's text, or {@code null} when the error has no span in the
 *                  target (an omission is marked in the source)
 * @param end       end offset (exclusive), or {@code null}
 * @param category  MQM category path, e.g. {@code Fluency/Punctuation}
 * @param family    MQM family: Fluency, Style, Accuracy, Terminology, Locale, NonTranslation, Other, Source
 * @param severity  neutral, minor, major or critical
 * @param annotator who marked it ({@code ""} when the corpus does not say)
 */
public record AnnotatedError(Integer start, Integer end, String category, String family, Severity severity,
                             String annotator) {

    public boolean hasSpan() {
        return start != null && end != null;
    }

    /**
     * Whether this mark counts as a translation error: neutral marks are remarks, and errors in the
     * source text ({@code Source}) are not the translation's fault.
     */
    public boolean isError() {
        return severity != Severity.NEUTRAL && !"Source".equals(family);
    }

    public boolean isMajor() {
        return severity.atLeast(Severity.MAJOR);
    }

    /** Whether the span [from, to) of the same segment overlaps this error's span. */
    public boolean overlaps(int from, int to) {
        if (!hasSpan()) return false;
        if (start.equals(end)) return from <= start && start < Math.max(to, from + 1);
        return from < end && start < to;
    }
}

package dev.calque.report.xliff;

import dev.calque.model.Finding;
import dev.calque.model.Severity;
import dev.calque.model.MqmCategory;

/**
 * A finding as an ITS 2.0 Localization Quality Issue: its issue type (from the MQM category), its
 * severity on ITS's 0-100 scale, and the comment a translator reads in a CAT tool.
 */
public final class ItsQuality {
    public static final String NS = "http://www.w3.org/2005/11/its";

    private ItsQuality() {
    }

    /** The ITS issue type for an MQM category path: {@link MqmCategory#itsType}, the one place that maps them. */
    public static String issueType(String category) {
        return MqmCategory.isValid(category) ? MqmCategory.parse(category).itsType() : "other";
    }

    /** ITS severity, 0 (no severity) to 100 (most severe), following MQM's penalty order. */
    public static String severity(Severity s) {
        return switch (s) {
            case NEUTRAL -> "0";
            case MINOR -> "30";
            case MAJOR -> "70";
            case CRITICAL -> "100";
        };
    }

    /** One line for the translator: rule, the flagged passage, why, what to write. */
    public static String comment(Finding f) {
        String passage = f.passage().length() > 80 ? f.passage().substring(0, 79) + "…" : f.passage();
        // the annotator sets it through the DOM, whose serializer writes a control character as &#1;, which XML 1.0 forbids
        return dev.calque.report.Characters.xml(f.rule() + " (" + f.category() + ", " + f.severity().label() + "): “" + passage.replaceAll("\\s+", " ")
                + "”: " + f.message().replaceAll("\\s+", " ").strip()
                + (f.suggestions().isEmpty() ? "" : " → " + String.join(" | ", f.suggestions())));
    }
}

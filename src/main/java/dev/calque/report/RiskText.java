package dev.calque.report;

import dev.calque.model.Finding;
import dev.calque.model.ArticleResult;
import dev.calque.score.QualityGate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** How the text formats show the risk model's figures: one wording for all of them. */
final class RiskText {
    private RiskText() {
    }

    /** {@code " · confidence 0.62"} (or {@code " · hint, confidence 0.08"} below the gate's minimum), or "". */
    static String confidence(Finding f, QualityGate gate) {
        if (f.confidence() == null) return "";
        return String.format(Locale.ROOT, " · %sconfidence %.2f", gate != null && gate.hint(f) ? "hint, " : "", f.confidence());
    }

    /** {@code " · risk 0.41"} for the article, or "". */
    static String risk(ArticleResult r) {
        return r.score().risk() == null ? "" : String.format(Locale.ROOT, " · risk %.2f", r.score().risk().risk());
    }

    /** Most confident first; findings without a confidence last; position breaks ties. */
    static List<Finding> byConfidence(List<Finding> findings) {
        return findings.stream().sorted(Comparator.comparingDouble((Finding f) -> -f.confidenceOr(-1))
                .thenComparingInt(Finding::start)).toList();
    }
}

package dev.calque.score;

import dev.calque.model.ArticleScore;
import dev.calque.model.Finding;
import dev.calque.model.Severity;
import java.util.List;

/**
 * When an article fails: a finding at or above {@code failOn} (null: never on severity) whose
 * confidence is at least {@code minConfidence} (null: every finding counts; below it a finding is a
 * hint and never fails the gate), a score below {@code minScore} (null: no score threshold), or an
 * article risk above {@code maxRisk} (null: not on risk).
 */
public record QualityGate(Severity failOn, Double minScore, Double minConfidence, Double maxRisk) {
    public static final QualityGate DEFAULT = new QualityGate(Severity.MAJOR, null);

    public QualityGate(Severity failOn, Double minScore) {
        this(failOn, minScore, null, null);
    }

    /** Whether a finding is shown as a hint: its confidence is below {@code minConfidence}. */
    public boolean hint(Finding f) {
        return minConfidence != null && f.confidence() != null && f.confidence() < minConfidence;
    }

    public boolean fails(List<Finding> findings, ArticleScore score) {
        if (failOn != null) {
            for (Finding f : findings) if (f.severity().atLeast(failOn) && !hint(f)) return true;
        }
        if (maxRisk != null && score.risk() != null && score.risk().risk() > maxRisk) return true;
        return minScore != null && score.score() < minScore;
    }

    public String describe() {
        String s = failOn == null ? "never on severity" : "any " + failOn.label() + (failOn == Severity.CRITICAL ? "" : " or worse");
        if (failOn != null && minConfidence != null) s += " with confidence " + minConfidence + " or more";
        if (minScore != null) s += ", or MQM score below " + minScore;
        if (maxRisk != null) s += ", or article risk above " + maxRisk;
        return s;
    }
}

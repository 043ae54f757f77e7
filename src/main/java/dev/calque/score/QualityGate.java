package dev.calque.score;

import dev.calque.model.ArticleScore;
import dev.calque.model.Finding;
import dev.calque.model.Severity;
import java.util.List;

/**
 * When an article fails: a finding at or above {@code failOn} (null: never on severity), or a score
 * below {@code minScore} (null: no score threshold).
 */
public record QualityGate(Severity failOn, Double minScore) {
    public static final QualityGate DEFAULT = new QualityGate(Severity.MAJOR, null);

    public boolean fails(List<Finding> findings, ArticleScore score) {
        if (failOn != null) {
            for (Finding f : findings) if (f.severity().atLeast(failOn)) return true;
        }
        return minScore != null && score.score() < minScore;
    }

    public String describe() {
        String s = failOn == null ? "never on severity" : "any " + failOn.label() + (failOn == Severity.CRITICAL ? "" : " or worse");
        return minScore == null ? s : s + ", or MQM score below " + minScore;
    }
}

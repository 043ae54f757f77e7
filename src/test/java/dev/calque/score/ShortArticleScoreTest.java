package dev.calque.score;

import dev.calque.model.ArticleScore;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.model.Finding;
import dev.calque.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The short-article floor and the gate, as docs/configuration.md describes them. */
class ShortArticleScoreTest {
    static Finding finding(Severity s, String category) {
        return new Finding("R", "r", category, s, "m", List.of(), 0, 1, 1, 1, 1, 2, "x", "x", 0, "calque");
    }

    @Test
    void oneMinorFindingInASixtyWordBriefCostsFourPointsNotSeventeen() {
        ArticleScore s = MqmScoring.DEFAULT.score(List.of(finding(Severity.MINOR, "Fluency/Grammar")), 60);
        assertThat(s.penalty()).isEqualTo(1.0);
        assertThat(s.score()).isEqualTo(96.0); // 100 - 1 x 1000 / max(60, 250)
        assertThat(QualityGate.DEFAULT.fails(List.of(finding(Severity.MINOR, "Fluency/Grammar")), s)).isFalse();
        // without the floor the same slip would be 16.7 points per 1,000 words
        MqmScoring noFloor = new MqmScoring(MqmScoring.DEFAULT.weights(), MqmScoring.DEFAULT.categoryWeights(), 1000, 1);
        assertThat(noFloor.score(List.of(finding(Severity.MINOR, "Fluency/Grammar")), 60).score()).isCloseTo(83.33,
                org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void longArticlesAreNotAffectedByTheFloor() {
        assertThat(MqmScoring.DEFAULT.score(List.of(finding(Severity.MAJOR, "Accuracy")), 500).score()).isEqualTo(90.0);
    }

    @Test
    void aCriticalFindingFailsItsArticleAtEveryThresholdButNever() {
        List<Finding> fs = List.of(finding(Severity.CRITICAL, "Accuracy/Mistranslation"));
        ArticleScore longArticle = MqmScoring.DEFAULT.score(fs, 100_000); // score 99.75: the score alone would pass
        assertThat(QualityGate.DEFAULT.fails(fs, longArticle)).isTrue();
        for (Severity s : List.of(Severity.MINOR, Severity.MAJOR, Severity.CRITICAL)) {
            assertThat(new QualityGate(s, 50.0).fails(fs, longArticle)).as(s.label()).isTrue();
        }
        assertThat(new QualityGate(null, 50.0).fails(fs, longArticle)).isFalse();
    }

    @Test
    void minorPunctuationWeighsATenth() {
        ArticleScore s = MqmScoring.DEFAULT.score(List.of(finding(Severity.MINOR, "Fluency/Punctuation")), 1000);
        assertThat(s.score()).isCloseTo(99.9, org.assertj.core.data.Offset.offset(1e-9));
    }
}

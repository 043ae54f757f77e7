package dev.calque.model;

import java.util.Map;

/**
 * @param penalty absolute penalty total (APT)
 * @param score   100 - penalty normalized per reference length (can go below 0 for a very bad text)
 * @param words   the article's word count
 * @param counts  findings by severity
 * @param risk    the probability of a major error in the article and in each paragraph (risk model), or
 *                {@code null} when not estimated
 */
public record ArticleScore(double penalty, double score, int words, Map<Severity, Integer> counts,
                           dev.calque.model.ArticleRisk risk) {
    public ArticleScore {
        counts = Map.copyOf(counts);
    }

    public ArticleScore(double penalty, double score, int words, Map<Severity, Integer> counts) {
        this(penalty, score, words, counts, null);
    }

    public ArticleScore withRisk(dev.calque.model.ArticleRisk r) {
        return new ArticleScore(penalty, score, words, counts, r);
    }

    public int count(Severity s) {
        return counts.getOrDefault(s, 0);
    }
}

package dev.calque.model;

import java.util.Map;

/**
 * @param penalty absolute penalty total (APT)
 * @param score   100 - penalty normalized per reference length (can go below 0 for a very bad text)
 * @param words   the article's word count
 * @param counts  findings by severity
 */
public record ArticleScore(double penalty, double score, int words, Map<Severity, Integer> counts) {
    public ArticleScore {
        counts = Map.copyOf(counts);
    }

    public int count(Severity s) {
        return counts.getOrDefault(s, 0);
    }
}

package dev.calque.model;

import java.util.List;

/**
 * A checked article with its MQM score and the gate's verdict: what every report writer receives.
 *
 * @param suppressed   findings left out because a baseline or suppressions file accepted them
 * @param fingerprints the fingerprint of each finding in {@code checked.findings()}, same order (see
 *                     {@link Fingerprints}; computed over the article before suppression)
 */
/**
 * @param checkNanos the time the check took (wall clock, the article's own; 0 when served from the cache
 *                   or not measured)
 */
public record ArticleResult(CheckedArticle checked, ArticleScore score, boolean failed, String note, int suppressed,
                            List<String> fingerprints, long checkNanos) {

    public ArticleResult {
        fingerprints = List.copyOf(fingerprints);
        if (fingerprints.size() != checked.findings().size()) {
            throw new IllegalArgumentException("one fingerprint per finding");
        }
    }

    public ArticleResult(CheckedArticle checked, ArticleScore score, boolean failed, String note) {
        this(checked, score, failed, note, 0, Fingerprints.of(checked.findings()), 0);
    }

    /** The check's time in seconds. */
    public double checkSeconds() {
        return checkNanos / 1e9;
    }

    public Article article() {
        return checked.article();
    }

    public List<Finding> findings() {
        return checked.findings();
    }
}

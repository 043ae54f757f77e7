package dev.calque.model;

import java.util.List;

/**
 * An article with what the checker found in it.
 *
 * @param original the original it was checked beside, aligned with it, or null (a monolingual check)
 */
public record CheckedArticle(Article article, List<Finding> findings, int words, AlignedOriginal original) {
    public CheckedArticle {
        findings = List.copyOf(findings);
    }

    public CheckedArticle(Article article, List<Finding> findings, int words) {
        this(article, findings, words, null);
    }

    /** The same article (and original) with other findings: those kept after suppression, say. */
    public CheckedArticle withFindings(List<Finding> other) {
        return new CheckedArticle(article, other, words, original);
    }

    public Severity worst() {
        Severity w = null;
        for (Finding f : findings) if (w == null || f.severity().compareTo(w) > 0) w = f.severity();
        return w;
    }
}

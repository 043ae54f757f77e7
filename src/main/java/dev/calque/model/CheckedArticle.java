package dev.calque.model;

import java.util.List;

/** An article with what the checker found in it. */
public record CheckedArticle(Article article, List<Finding> findings, int words) {
    public CheckedArticle {
        findings = List.copyOf(findings);
    }

    public Severity worst() {
        Severity w = null;
        for (Finding f : findings) if (w == null || f.severity().compareTo(w) > 0) w = f.severity();
        return w;
    }
}

package dev.calque.score;

import dev.calque.check.CheckedArticle;
import dev.calque.check.Finding;
import dev.calque.ingest.Article;
import java.util.List;

/** A checked article with its MQM score and the gate's verdict: what every report writer receives. */
public record ArticleResult(CheckedArticle checked, ArticleScore score, boolean failed, String note) {
    public Article article() {
        return checked.article();
    }

    public List<Finding> findings() {
        return checked.findings();
    }
}

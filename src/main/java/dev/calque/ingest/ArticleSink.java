package dev.calque.ingest;

import dev.calque.model.Article;

/** Receives what ingestion reads, in input order, as it reads it. */
public interface ArticleSink {
    void article(Article article);

    /**
     * A translation read together with its original (a bilingual file: XLIFF, TMX, bitext). Sinks that
     * do not check against the original take the translation alone.
     */
    default void bilingual(dev.calque.bilingual.BilingualArticle article) {
        article(article.target());
    }

    void problem(InputProblem problem);

    /** How many documents are about to be read (a feed among them may hold several articles). */
    default void expected(int documents) {
    }
}

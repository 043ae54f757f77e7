package dev.calque.ingest;

import dev.calque.model.Article;

/** Receives what ingestion reads, in input order, as it reads it. */
public interface ArticleSink {
    void article(Article article);

    void problem(InputProblem problem);

    /** How many documents are about to be read (a feed among them may hold several articles). */
    default void expected(int documents) {
    }
}

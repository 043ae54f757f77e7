package dev.calque.ingest;

import dev.calque.model.Article;

/** Receives what ingestion reads, in input order, as it reads it. */
public interface ArticleSink {
    void article(Article article);

    void problem(InputProblem problem);

    /**
     * A file found in a folder that is not for checking (a data file beside the articles): said on
     * stderr, not counted as a problem.
     */
    default void note(String source, String message) {
        System.err.println("calque: " + source + ": " + message);
    }

    /** How many documents are about to be read (a feed among them may hold several articles). */
    default void expected(int documents) {
    }
}

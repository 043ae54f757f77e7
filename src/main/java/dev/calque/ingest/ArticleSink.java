package dev.calque.ingest;

/** Receives what ingestion reads, in input order, as it reads it. */
public interface ArticleSink {
    void article(Article article);

    void problem(InputProblem problem);
}

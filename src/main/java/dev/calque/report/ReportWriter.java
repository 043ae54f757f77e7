package dev.calque.report;

import dev.calque.ingest.InputProblem;
import dev.calque.model.ArticleResult;
import dev.calque.score.RunSummary;
import java.io.IOException;

/**
 * One output format. Writers receive results in input order as they are ready and turn them into
 * bytes; they compute nothing the scoring stage has not already decided.
 */
public interface ReportWriter extends AutoCloseable {
    void start(RunInfo run) throws IOException;

    void article(ArticleResult result) throws IOException;

    /** An input that could not be read; formats that have a place for it record it. */
    void unreadable(InputProblem problem) throws IOException;

    /** The run is over (normally or interrupted): write the rest and make the output whole. */
    void finish(RunSummary summary) throws IOException;

    /** Releases resources; an unfinished output is discarded rather than left half-written. */
    @Override
    void close() throws IOException;
}

package dev.calque.pipeline;

import dev.calque.model.Article;
import dev.calque.model.Finding;
import java.util.List;

/**
 * The optional stages around checking: which articles to check at all (feed items already seen,
 * items the configuration skips), and which findings go on to scoring (a baseline or suppressions
 * file accepts some; the configuration may leave out whole categories). Writers never filter.
 */
public interface Triage {
    Triage NONE = new Triage() {
    };

    /** Whether to check this article; false leaves it out of the run (counted as skipped). Reader thread. */
    default boolean admit(Article article) {
        return true;
    }

    /**
     * The findings that go on to scoring. Called on worker threads.
     *
     * @param fingerprints one per finding, computed over all the article's findings
     */
    default Kept keep(Article article, List<Finding> findings, List<String> fingerprints) {
        return new Kept(findings, fingerprints, 0);
    }

    /** The article's result has been handed to the writers (input order, one thread). */
    default void reported(Article article) {
    }

    /** @param suppressed findings accepted by a baseline or suppressions file */
    record Kept(List<Finding> findings, List<String> fingerprints, int suppressed) {
    }
}

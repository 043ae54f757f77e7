package dev.calque.model;

import java.util.List;

/**
 * The probability that an article holds a major error, with its segments' (paragraphs').
 *
 * @param risk     {@code 1 - prod(1 - segment risk)}
 * @param segments one per paragraph, in order
 */
public record ArticleRisk(double risk, List<Segment> segments) {
    public ArticleRisk {
        segments = List.copyOf(segments);
    }

    /** A paragraph of the article text ({@code [start, end)}) and its risk. */
    public record Segment(int start, int end, double risk) {
    }
}

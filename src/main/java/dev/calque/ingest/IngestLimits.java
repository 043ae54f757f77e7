package dev.calque.ingest;

import java.time.Duration;

/**
 * Limits that keep one hostile or huge input from stalling a run.
 *
 * @param maxInputBytes largest file, stream or download read, in bytes
 * @param maxTextChars  longest extracted text checked per article; longer text is cut and reported
 * @param fetchTimeout  time limit for fetching one URL
 * @param parseTimeout  time limit for extracting the text of one document
 */
public record IngestLimits(long maxInputBytes, int maxTextChars, Duration fetchTimeout, Duration parseTimeout) {
    public static final IngestLimits DEFAULT = new IngestLimits(64L << 20, 1_000_000, Duration.ofSeconds(30),
            Duration.ofSeconds(120));

    public IngestLimits(long maxInputBytes, int maxTextChars, Duration fetchTimeout) {
        this(maxInputBytes, maxTextChars, fetchTimeout, DEFAULT_PARSE_TIMEOUT);
    }

    private static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(120);
}

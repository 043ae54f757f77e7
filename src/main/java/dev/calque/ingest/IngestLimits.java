package dev.calque.ingest;

import java.time.Duration;

/**
 * Limits that keep one hostile or huge input from stalling a run.
 *
 * @param maxInputBytes largest file, stream or download read, in bytes
 * @param maxTextChars  longest extracted text checked per article; longer text is cut and reported
 * @param fetchTimeout  time limit for fetching one URL
 */
public record IngestLimits(long maxInputBytes, int maxTextChars, Duration fetchTimeout) {
    public static final IngestLimits DEFAULT = new IngestLimits(64L << 20, 1_000_000, Duration.ofSeconds(30));
}

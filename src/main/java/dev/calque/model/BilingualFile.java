package dev.calque.model;

import dev.calque.model.Article;
import java.util.List;

/**
 * A bilingual file as read: its languages and its segments in document order. The article Calque
 * checks is the targets joined by a blank line; {@link #segmentAt} maps an offset of that text back
 * to its segment, so that every finding can name its unit.
 *
 * @param format   which reader read it
 * @param srcLang  the original's language as the file declares it (e.g. {@code fr-FR}), or null
 * @param trgLang  the translation's language as the file declares it, or null
 * @param segments every segment with a non-empty target, in document order
 * @param skipped  units without a target (not in the text; listed for the report)
 * @param original the file's bytes, for writing it back with Calque's findings
 */
public record BilingualFile(BilingualFormat format, String srcLang, String trgLang, List<BilingualSegment> segments,
                            List<String> skipped, byte[] original) {
    public static final String SEPARATOR = "\n\n";

    public BilingualFile {
        segments = List.copyOf(segments);
        skipped = List.copyOf(skipped);
    }

    /** The text Calque checks: the target segments in order, separated by a blank line. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (BilingualSegment s : segments) {
            if (b.length() > 0) b.append(SEPARATOR);
            b.append(s.target());
        }
        return b.toString();
    }

    /** Everything the checks read besides the text (ids, originals, codes, languages): what a findings cache must key on. */
    public String identity() {
        return format + "|" + srcLang + "|" + trgLang + "|" + segments;
    }

    /** Start offset of each segment's target in {@link #text()}. */
    public int[] starts() {
        int[] starts = new int[segments.size()];
        int at = 0;
        for (int i = 0; i < segments.size(); i++) {
            starts[i] = at;
            at += segments.get(i).target().length() + SEPARATOR.length();
        }
        return starts;
    }

    /** The original's text as the bilingual model has it: the source segments joined the same way. */
    public String sourceText() {
        StringBuilder b = new StringBuilder();
        for (BilingualSegment s : segments) {
            if (b.length() > 0) b.append(SEPARATOR);
            b.append(s.source());
        }
        return b.toString();
    }

    /** Start offset of each segment's source in {@link #sourceText()}. */
    public int[] sourceStarts() {
        int[] starts = new int[segments.size()];
        int at = 0;
        for (int i = 0; i < segments.size(); i++) {
            starts[i] = at;
            at += segments.get(i).source().length() + SEPARATOR.length();
        }
        return starts;
    }

    /** Index of the segment whose target holds the offset (a separator belongs to the segment before it). */
    public int segmentAt(int offset) {
        int[] starts = starts();
        int i = java.util.Arrays.binarySearch(starts, offset);
        if (i < 0) i = -i - 2;
        return Math.max(0, Math.min(i, segments.size() - 1));
    }
}

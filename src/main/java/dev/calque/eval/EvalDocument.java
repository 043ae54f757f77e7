package dev.calque.eval;

import java.util.Arrays;
import java.util.List;

/**
 * The segments of one {@code doc} and {@code system}, in {@code seg} order, joined into one text with
 * a blank line between segments (each segment its own paragraph), so that document-level rules
 * (consistency, fragments between sentences) see the whole article.
 *
 * @param starts offset of each segment's text in {@code text}
 */
public record EvalDocument(String doc, String system, String text, List<Segment> segments, int[] starts) {
    public static final String SEPARATOR = "\n\n";

    public EvalDocument {
        segments = List.copyOf(segments);
        starts = starts.clone();
    }

    public static EvalDocument of(String doc, String system, List<Segment> segments) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) text.append(SEPARATOR);
            starts[i] = text.length();
            text.append(segments.get(i).text());
        }
        return new EvalDocument(doc, system, text.toString(), segments, starts);
    }

    /** Index of the segment holding the document offset (a separator belongs to the segment before it). */
    public int segmentAt(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        if (i >= 0) return i;
        return Math.max(0, -i - 2);
    }

    /** Whether every segment comes with its original. */
    public boolean hasSources() {
        return segments.stream().allMatch(s -> s.source() != null);
    }

    /**
     * The document as a bilingual file gives it: the same text (segments joined by a blank line), each
     * segment aligned 1-1 with its original, its id the segment number.
     */
    public dev.calque.bilingual.BilingualArticle bilingual(String sourceLanguage) {
        List<dev.calque.bilingual.SegmentPair> pairs = new java.util.ArrayList<>();
        for (Segment s : segments) pairs.add(new dev.calque.bilingual.SegmentPair(Integer.toString(s.seg()), s.source(), s.text()));
        return dev.calque.bilingual.BilingualArticle.ofSegments(doc + "/" + system, "text/plain", sourceLanguage, pairs);
    }

    public int start(int segmentIndex) {
        return starts[segmentIndex];
    }

    public int words() {
        int n = 0;
        for (Segment s : segments) n += s.words();
        return n;
    }
}

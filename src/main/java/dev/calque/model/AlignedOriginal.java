package dev.calque.model;

import java.util.List;

/**
 * The original a translation was checked beside, with how its sentences line up with the
 * translation's: what a report needs to show the two side by side (the alignment itself is computed in
 * {@code dev.calque.bilingual}; this is its result, in the model every stage shares).
 *
 * @param source   where the original came from, as the user named it
 * @param language its ISO 639-1 code
 * @param text     its extracted text, which {@link Row#sourceStart()}/{@link Row#sourceEnd()} and a
 *                 finding's {@code sourceStart}/{@code sourceEnd} point into
 * @param rows     the sentence links in document order
 */
public record AlignedOriginal(String source, String language, String text, List<Row> rows) {

    public AlignedOriginal {
        rows = List.copyOf(rows);
    }

    /**
     * One alignment link: a passage of the translation beside the passage of the original it renders
     * (a missing side is an empty span where it would be).
     *
     * @param link       {@code 1-1}, {@code 1-2}, {@code 2-1}, {@code 1-0} or {@code 0-1}, source-target
     * @param confidence how sure the aligner is, 0..1
     * @param segmentId  the bilingual file's unit/segment id, or null
     */
    public record Row(int targetStart, int targetEnd, int sourceStart, int sourceEnd, String link, double confidence,
                      String segmentId) {
    }
}

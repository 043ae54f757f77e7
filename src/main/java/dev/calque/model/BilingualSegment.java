package dev.calque.model;

import java.util.List;

/**
 * One translation unit or segment of a bilingual file, inline codes removed from both sides.
 *
 * @param id          the unit's id, with the segment's after a {@code #} when the unit has several
 *                    ({@code u12#s2}); TMX {@code tuid} or the unit's number; the line number for TSV
 * @param source      the original's text
 * @param target      the translation's text (empty when the unit has no target)
 * @param sourceCodes the original's inline codes, in document order
 * @param targetCodes the translation's inline codes, in document order
 * @param unitId      the unit's own id (what a CAT tool and an XLIFF write-back look up)
 * @param segmentId   the segment's id inside the unit, or null when the file gives none
 */
public record BilingualSegment(String id, String source, String target, List<InlineCode> sourceCodes,
                               List<InlineCode> targetCodes, String unitId, String segmentId) {

    public BilingualSegment {
        // a lone CR or a Unicode line or paragraph separator in a segment reads as the line break it is
        source = Texts.lineFeeds(source);
        target = Texts.lineFeeds(target);
        sourceCodes = List.copyOf(sourceCodes);
        targetCodes = List.copyOf(targetCodes);
    }

    public BilingualSegment(String id, String source, String target) {
        this(id, source, target, List.of(), List.of(), id, null);
    }
}

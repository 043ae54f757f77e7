package dev.calque.bilingual;

/**
 * One translation unit as a bilingual file states it (XLIFF unit/segment, TMX tu, bitext line).
 *
 * @param id     the unit or segment id, or {@code null} when the format has none (a bitext line number will do)
 * @param source the original's text of the unit, inline codes removed
 * @param target the translation's text of the unit, inline codes removed (may be empty: untranslated)
 */
public record SegmentPair(String id, String source, String target) {

    public SegmentPair {
        source = source == null ? "" : source;
        target = target == null ? "" : target;
    }
}

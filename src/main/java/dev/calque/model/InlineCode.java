package dev.calque.model;

/**
 * An inline code of a bilingual file (XLIFF {@code <ph>}, {@code <pc>}, {@code <g>}, {@code <x/>},
 * {@code <bx/>}/{@code <ex/>}, TMX {@code <ph>}, {@code <bpt>}/{@code <ept>}): markup, not text. It is
 * removed from the checked text and kept here, with the place it held, so that source and target can be
 * compared.
 *
 * @param id          the code's id in the file (what pairs a target code with its source code)
 * @param kind        opening, closing or standalone
 * @param display     what the code stands for, as a translator would recognize it (its original markup
 *                    when the file gives it, else the element)
 * @param position    offset in the segment's plain text (codes removed) where the code stood
 * @param reorderable false when the file says this code must keep its place relative to the others
 *                    (XLIFF 2 {@code canReorder="no"})
 */
public record InlineCode(String id, Kind kind, String display, int position, boolean reorderable) {

    public enum Kind { OPENING, CLOSING, STANDALONE }

    /** Identity across source and target: a paired code's two halves share an id, so the kind is part of it. */
    public String key() {
        return kind + ":" + id;
    }

    /** How a message names it: {@code <b>} (id 1). */
    public String label() {
        String d = display == null || display.isBlank() ? switch (kind) {
            case OPENING -> "opening code";
            case CLOSING -> "closing code";
            case STANDALONE -> "placeholder";
        } : display.strip();
        if (d.length() > 40) d = d.substring(0, 39) + "…";
        return "“" + d + "” (id " + id + ")";
    }
}

package dev.calque.bilingual;

/**
 * One alignment link: a passage of the translation and the passage of the original it renders.
 *
 * <p>A side with no counterpart ({@code 1-0}: nothing in the translation; {@code 0-1}: nothing in the
 * original) has an empty span at the position where the missing passage would be, so every link can
 * be shown in document order on both sides.
 *
 * @param target     span in the translation's text (the {@code Article} text)
 * @param source     span in the original's text
 * @param segmentId  the unit or segment id of a bilingual file, or {@code null}
 * @param type       how many units each side holds
 * @param confidence how sure the aligner is of this link, 0..1 (1 for links a bilingual file states)
 */
public record Link(TextSpan target, TextSpan source, String segmentId, LinkType type, double confidence) {

    public Link {
        if (confidence < 0 || confidence > 1) throw new IllegalArgumentException("confidence " + confidence);
    }

    public boolean hasSource() {
        return type.sources() > 0;
    }

    public boolean hasTarget() {
        return type.targets() > 0;
    }
}

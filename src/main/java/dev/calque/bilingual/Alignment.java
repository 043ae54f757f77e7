package dev.calque.bilingual;

import java.util.List;

/**
 * How a translation lines up with its original, at two levels: paragraphs, then sentences within
 * aligned paragraphs. Both lists are in document order (of the translation, and of the original,
 * which an alignment without crossing links keeps together).
 *
 * <p>For a bilingual file, the paragraph links are its segments, 1-1 and with their ids; sentence
 * links refine them when a segment holds several sentences.
 */
public record Alignment(List<Link> paragraphs, List<Link> sentences) {

    public Alignment {
        paragraphs = List.copyOf(paragraphs);
        sentences = List.copyOf(sentences);
    }

    /** The sentence link whose translated side holds a target offset, or {@code null} (a 0-length or no link). */
    public Link sentenceAt(int targetOffset) {
        return at(sentences, targetOffset);
    }

    /** The paragraph link whose translated side holds a target offset, or {@code null}. */
    public Link paragraphAt(int targetOffset) {
        return at(paragraphs, targetOffset);
    }

    private static Link at(List<Link> links, int offset) {
        for (Link l : links) {
            if (l.hasTarget() && l.target().start() <= offset && offset < l.target().end()) return l;
        }
        return null;
    }
}

package dev.calque.bilingual;

import dev.calque.model.Texts;
import java.util.ArrayList;
import java.util.List;

/**
 * The original an article was translated from.
 *
 * @param source     where it came from, as the user named it (a path, or the bilingual file and "#source")
 * @param language   its ISO 639-1 code ({@code fr}, {@code zh}, ...), as given with {@code --from},
 *                   taken from a bilingual file, or detected
 * @param text       its extracted text; paragraphs are separated by blank lines, as in an {@code Article}
 * @param paragraphs the paragraphs' spans in {@code text}, in order
 */
public record Original(String source, String language, String text, List<TextSpan> paragraphs) {

    public Original {
        paragraphs = List.copyOf(paragraphs);
        text = Texts.streamSafe(text); // same length: the paragraphs' spans hold
    }

    /** An original whose paragraphs are its blocks between blank lines (single lines when it has none). */
    public static Original of(String source, String language, String text) {
        List<TextSpan> ps = new ArrayList<>();
        for (int[] p : Texts.paragraphs(text)) ps.add(new TextSpan(p[0], p[1]));
        return new Original(source, language, text, ps);
    }

    public String passage(TextSpan span) {
        return span.of(text);
    }
}

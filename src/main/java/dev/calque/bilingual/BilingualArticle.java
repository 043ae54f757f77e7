package dev.calque.bilingual;

import dev.calque.model.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A translation checked beside its original: the translated article (whose text every finding's
 * {@code start}/{@code end} points into, as for a monolingual check), the original, and how the
 * two align.
 */
public record BilingualArticle(Article target, Original original, Alignment alignment) {

    /** Separator of segments in the text built from a bilingual file: a blank line, so each segment is a paragraph. */
    public static final String SEGMENT_SEPARATOR = "\n\n";

    /** A translated article paired with its original (a separate document): aligned here. */
    public static BilingualArticle of(Article target, Original original) {
        return new BilingualArticle(target, original, Aligner.align(target.text(), original.text()));
    }

    /**
     * A translation cut at {@code --max-text-chars} beside its whole original: the original is cut after the
     * last sentence the kept translation renders, so the part of it the cut left without a translation is not
     * reported as omitted (an original of eight paragraphs beside a translation cut after two gave six
     * omissions), then aligned again.
     */
    public static BilingualArticle ofCut(Article target, Original original) {
        BilingualArticle whole = of(target, original);
        int end = 0;
        // sentence links: the cut falls inside a paragraph, whose original holds the sentences after it
        for (Link l : whole.alignment().sentences()) {
            if (l.hasTarget() && l.hasSource()) end = Math.max(end, l.source().end());
        }
        if (end == 0 || end >= original.text().length()) return whole;
        return of(target, Original.of(original.source(), original.language(), original.text().substring(0, end)));
    }

    /**
     * The article a bilingual file holds: its text is the target segments in document order joined by
     * a blank line, the original's text the source segments joined the same way, and the alignment
     * those segments 1-1 (with their ids) at paragraph level; sentence links refine each segment.
     *
     * @param source         the file, as the user named it
     * @param mediaType      the file's type, e.g. {@code application/xliff+xml}
     * @param sourceLanguage the file's source language (ISO 639-1 or a BCP 47 tag; only the language part is kept)
     * @param segments       the units in document order
     */
    public static BilingualArticle ofSegments(String source, String mediaType, String sourceLanguage,
                                              List<SegmentPair> segments) {
        StringBuilder tgt = new StringBuilder();
        StringBuilder src = new StringBuilder();
        List<Link> links = new ArrayList<>();
        List<TextSpan> srcParagraphs = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            SegmentPair s = segments.get(i);
            if (i > 0) {
                tgt.append(SEGMENT_SEPARATOR);
                src.append(SEGMENT_SEPARATOR);
            }
            TextSpan t = new TextSpan(tgt.length(), tgt.append(s.target()).length());
            TextSpan o = new TextSpan(src.length(), src.append(s.source()).length());
            srcParagraphs.add(o);
            boolean hasSource = !s.source().isBlank();
            boolean hasTarget = !s.target().isBlank();
            LinkType type = hasSource && hasTarget ? LinkType.ONE_ONE
                    : hasSource ? LinkType.ONE_ZERO : LinkType.ZERO_ONE;
            if (hasSource || hasTarget) {
                links.add(new Link(t, o, s.id() == null ? Integer.toString(i + 1) : s.id(), type, 1.0));
            }
        }
        String text = tgt.toString();
        Article article = new Article(source, source, source, dev.calque.model.Texts.titleOf(text, source), text,
                mediaType, Map.of());
        Original original = new Original(source + "#source", languageOf(sourceLanguage), src.toString(), srcParagraphs);
        return new BilingualArticle(article, original, new Alignment(links, Aligner.refine(article.text(), original.text(), links)));
    }

    /** The language part of a BCP 47 tag, lower case: {@code fr-FR} -> {@code fr}. */
    static String languageOf(String tag) {
        if (tag == null || tag.isBlank()) return "auto";
        int dash = tag.indexOf('-') >= 0 ? tag.indexOf('-') : tag.indexOf('_');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(java.util.Locale.ROOT).strip();
    }

    /** The original of each paragraph of the translation (as aligned), null where it has none: the risk model's source. */
    public List<String> paragraphOriginals() {
        List<String> out = new java.util.ArrayList<>();
        for (int[] p : dev.calque.model.Texts.paragraphs(target.text())) {
            Link l = alignment.paragraphAt(p[0]);
            out.add(l != null && l.hasSource() ? l.source().of(original.text()) : null);
        }
        return out;
    }

    /** The original with its sentence links, as reports show it beside the translation. */
    public dev.calque.model.AlignedOriginal aligned() {
        List<dev.calque.model.AlignedOriginal.Row> rows = new ArrayList<>();
        for (Link l : alignment.sentences()) {
            rows.add(new dev.calque.model.AlignedOriginal.Row(l.target().start(), l.target().end(), l.source().start(),
                    l.source().end(), l.type().label(), l.confidence(), l.segmentId()));
        }
        return new dev.calque.model.AlignedOriginal(original.source(), original.language(), original.text(), rows);
    }
}

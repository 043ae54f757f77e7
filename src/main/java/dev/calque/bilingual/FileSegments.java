package dev.calque.bilingual;

import dev.calque.model.Article;
import dev.calque.model.BilingualFile;
import java.util.List;

/** An article read from a bilingual file, beside the original its segments hold. */
public final class FileSegments {
    private FileSegments() {
    }

    /** The segments as the model's pairs (ids, source, target: inline codes already out). */
    public static List<SegmentPair> pairs(BilingualFile file) {
        return file.segments().stream().map(s -> new SegmentPair(s.id(), s.source(), s.target())).toList();
    }

    /**
     * The article beside its original: the original is the source segments, aligned 1-1 with the
     * targets by segment (sentence links refine each segment).
     */
    public static BilingualArticle pair(Article article) {
        BilingualFile file = article.bilingual();
        BilingualArticle built = BilingualArticle.ofSegments(article.source(), article.mediaType(), file.srcLang(),
                pairs(file));
        return new BilingualArticle(article, built.original(), built.alignment());
    }
}

package dev.calque.model;

import dev.calque.model.BilingualFile;
import java.util.Map;

/**
 * One article to check: its extracted text and where it came from.
 *
 * @param id        stable identity across runs: the path, URL, or feed URL plus item guid
 * @param source    where to find it, as the user would name it (path, URL, {@code feed#item})
 * @param group     the input it came from (the folder, feed or file named on the command line)
 * @param title     the article's title (the headline, or the file name when there is none)
 * @param text      the extracted text; paragraphs are separated by blank lines. For plain-text input
 *                  this is the file's own content, so offsets refer to the file; a run of more than 30
 *                  combining marks is cut to 30 by {@link Texts#streamSafe}, the length kept
 * @param mediaType what Tika detected, e.g. {@code text/html}
 * @param metadata  link, date, author and the like when the source gives them
 * @param bilingual the bilingual file (XLIFF, TMX, TSV) the text was taken from, or null: its segments
 *                  pair each target with its source, inline codes and ids
 * @param filePositions where the text's characters stand in the file, when the reader changed the text but the
 *                  file is what an editor opens (a Markdown article), or null
 */
public record Article(String id, String source, String group, String title, String text, String mediaType,
                      Map<String, String> metadata, BilingualFile bilingual, FilePositions filePositions) {

    public Article {
        metadata = Map.copyOf(metadata);
        text = Texts.streamSafe(text); // same length: offsets into the text and file positions hold
    }

    public Article(String id, String source, String group, String title, String text, String mediaType,
                   Map<String, String> metadata, BilingualFile bilingual) {
        this(id, source, group, title, text, mediaType, metadata, bilingual, null);
    }

    public Article(String id, String source, String group, String title, String text, String mediaType,
                   Map<String, String> metadata) {
        this(id, source, group, title, text, mediaType, metadata, null);
    }

    /** The same article under another title. */
    public Article withTitle(String title) {
        return new Article(id, source, group, title, text, mediaType, metadata, bilingual, filePositions);
    }

    /** The same article with other metadata. */
    public Article withMetadata(Map<String, String> metadata) {
        return new Article(id, source, group, title, text, mediaType, metadata, bilingual, filePositions);
    }

    /**
     * The article with its text cut to a prefix: the bilingual file's segments no longer all stand in the text, so
     * they go; the file positions of the prefix still hold.
     */
    public Article cutTo(String prefix) {
        return new Article(id, source, group, title, prefix, mediaType, metadata, null, filePositions);
    }

    public static Article ofText(String source, String text) {
        return new Article(source, source, source, Texts.titleOf(text, source), text, "text/plain", Map.of());
    }

    public int wordCount() {
        return Texts.wordCount(text);
    }
}

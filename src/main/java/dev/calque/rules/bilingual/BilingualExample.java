package dev.calque.rules.bilingual;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An example a bilingual rule carries: an original and its translation, both in XLIFF 2 inline markup
 * ({@code <ph id="1"/>}, {@code <pc id="1">...</pc>}), read by the same XLIFF reader as real files.
 * A flagged one marks the expected span of the translation with {@code <marker>}.
 *
 * @param source     the original
 * @param marked     the translation, with {@code <marker>...</marker>} when flagged
 * @param flagged    whether the rule must flag it
 * @param correction the expected suggestion, or null
 * @param glossary   a glossary row (as in a glossary file: source, required, forbidden, note; tab-separated)
 *                   for the example, or null
 */
public record BilingualExample(String source, String marked, boolean flagged, String correction, String glossary) {
    private static final Pattern MARKER = Pattern.compile("<marker>(.*?)</marker>", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("</?(?!marker>)[a-z]+[^>]*>");

    /** The translation as XLIFF 2 inline content (markers removed). */
    public String target() {
        return marked.replace("<marker>", "").replace("</marker>", "");
    }

    /** Expected {start, end} of the flagged span in the translation's plain text (codes removed), or null. */
    public int[] span() {
        String plain = CODE.matcher(marked).replaceAll("");
        Matcher m = MARKER.matcher(plain);
        if (!m.find()) return null;
        int start = m.start();
        return new int[] {start, start + m.group(1).length()};
    }
}

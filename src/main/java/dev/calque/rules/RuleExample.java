package dev.calque.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An example sentence a rule carries: one it must flag (the span between {@code <marker>} tags)
 * or one it must leave alone.
 *
 * @param marked     the sentence with {@code <marker>...</marker>} around the expected span
 * @param flagged    whether the rule must flag it
 * @param correction the expected suggestion, or null
 */
public record RuleExample(String marked, boolean flagged, String correction) {
    private static final Pattern MARKER = Pattern.compile("<marker>(.*?)</marker>", Pattern.DOTALL);

    public String text() {
        return marked.replace("<marker>", "").replace("</marker>", "");
    }

    /** Expected {start, end} of the flagged span, or null when the example has no marker. */
    public int[] span() {
        Matcher m = MARKER.matcher(marked);
        if (!m.find()) return null;
        int start = m.start();
        return new int[] {start, start + m.group(1).length()};
    }
}

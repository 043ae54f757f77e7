package dev.calque.report;

import dev.calque.ingest.Printable;

/** Untrusted text into HTML: one escaper for element text and quoted attribute values alike. */
public final class Html {
    private Html() {}

    /**
     * {@code s} with {@code < > & " '} escaped, and every control character other than tab and line breaks
     * and every bidirectional control shown as its escape, as on the console ({@code \u202e}): a browser
     * would otherwise reorder the line around a right-to-left override (Trojan Source); null gives "".
     */
    public static String escape(String s) {
        if (s == null) return "";
        s = Printable.visible(s);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

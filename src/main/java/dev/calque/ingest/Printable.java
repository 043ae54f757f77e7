package dev.calque.ingest;

/**
 * Text from outside (file names, URLs, article text, rule messages) made safe to print on a
 * terminal or in a one-line message: every control character (C0, DEL, C1) and every bidirectional
 * override is shown as an escape ({@code \n}, {@code \x1b}, {@code \u202e}), so a newline in a file
 * name cannot forge a second {@code calque:} line and an escape sequence in an article cannot
 * re-program the terminal. Printable text, accents and emoji included, passes unchanged.
 */
public final class Printable {
    private Printable() {
    }

    public static String of(String s) {
        if (s == null) return null;
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                b.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    /**
     * The same as {@link #of} but for tabs and line breaks, which stay: for texts laid out in lines (an HTML
     * page, a report's message), where only what re-programs or reorders the display must be shown.
     */
    public static String visible(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean escape = unsafe(c) && c != '\n' && c != '\r' && c != '\t';
            if (escape && b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (b == null) continue;
            if (escape) b.append(of(String.valueOf(c)));
            else b.append(c);
        }
        return b == null ? s : b.toString();
    }

    /** A control character (C0, DEL, C1) or a bidirectional override, embedding, isolate or mark. */
    public static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x061c || c == 0x200e || c == 0x200f;
    }
}

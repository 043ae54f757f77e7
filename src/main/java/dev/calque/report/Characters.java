package dev.calque.report;

/**
 * What every written format must hold, whatever an article, a file name or a rule's message put in
 * it: XML 1.0 allows neither C0 controls (but tab and line breaks), nor U+FFFE/U+FFFF, nor a
 * surrogate without its pair; JSON (RFC 8259 section 8.2, I-JSON) and UTF-8 have no place for a
 * surrogate without its pair either. One place for both rules, used by every writer.
 */
public final class Characters {
    private Characters() {
    }

    /** Whether XML 1.0 allows this code point in a document. */
    public static boolean xmlAllowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** {@code s} without the code points XML 1.0 forbids (a lone surrogate counts as one); null gives "". */
    public static String xml(String s) {
        if (s == null) return "";
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (!xmlAllowed(c)) break;
            i += Character.charCount(c);
        }
        if (i == s.length()) return s;
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
        s.substring(i).codePoints().filter(Characters::xmlAllowed).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** {@code s} with each surrogate that has no pair replaced by U+FFFD, as a UTF-8 decoder shows it. */
    public static String paired(String s) {
        if (s == null) return null;
        int i = 0;
        while (i < s.length() && !lone(s, i)) i++;
        if (i == s.length()) return s;
        StringBuilder b = new StringBuilder(s);
        for (; i < s.length(); i++) if (lone(s, i)) b.setCharAt(i, '\uFFFD');
        return b.toString();
    }

    private static boolean lone(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        return false;
    }

    /**
     * A generator that writes every string and name with each surrogate that has no pair as U+FFFD:
     * Jackson would write it as an escaped lone surrogate, which strict readers (I-JSON, Rust's serde)
     * refuse. A JSON Feed's escaped lone surrogate reaches an article's text that way, and a request's
     * text reaches the server's answers.
     */
    public static com.fasterxml.jackson.core.JsonGenerator paired(com.fasterxml.jackson.core.JsonGenerator g) {
        return new PairedJson(g);
    }

    private static final class PairedJson extends com.fasterxml.jackson.core.util.JsonGeneratorDelegate {
        PairedJson(com.fasterxml.jackson.core.JsonGenerator g) {
            super(g, false);
        }

        @Override
        public void writeString(String text) throws java.io.IOException {
            super.writeString(paired(text));
        }

        @Override
        public void writeFieldName(String name) throws java.io.IOException {
            super.writeFieldName(paired(name));
        }
    }
}

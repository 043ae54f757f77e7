package dev.calque.ingest;

import java.util.Locale;
import java.util.Set;

/**
 * Refuses markup that no article or feed resembles before a parser builds it in memory. HTML: elements nested
 * deeper than browsers nest them (Chromium's parser stops at 512 levels), or more elements than a
 * page of news ever has. A 50 MB page of nested {@code <div>}s would otherwise take the parser
 * minutes and the heap with it, and the other inputs of the run with the heap. One pass over the
 * bytes, no allocation per tag. A page in UTF-16 (with a byte-order mark or without, recognised by its
 * zero bytes) is read two bytes a character; a scan of its bytes alone would see no tag at all.
 *
 * <p>A feed's XML ({@link #checkXml}): elements nested deeper than the same 512 levels. Every element counts,
 * since XML closes what it opens, and an end tag closes the innermost open element of its name, as jsoup's
 * lenient reader does, so that HTML left unclosed in a sloppy feed does not add up. ROME hands an item's markup
 * to jdom2, whose writer recurses once per level: 100,000 nested elements overflowed its stack after 25 s.
 */
final class MarkupGuard {
    /** Nesting of container elements past which no page is an article (Chromium: 512). */
    static final int MAX_DEPTH = 512;
    /** Elements in one page; a long news page has a few thousand, a heavy one tens of thousands. */
    static final int MAX_ELEMENTS = 1_000_000;
    /** Open elements an XML end tag is matched against, innermost first: a flood of stray end tags stays linear. */
    private static final int END_TAG_SEARCH = 256;
    /** Elements that are closed in practice (unclosed p, li, td and font are common, and harmless). */
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "aside", "header",
            "footer", "nav", "table", "ul", "ol", "dl", "blockquote", "span", "form", "figure", "details", "fieldset");

    private MarkupGuard() {
    }

    /** The page's characters as the scan needs them: bytes, or UTF-16 code units, either order. */
    private interface Units {
        int length();

        int at(int i);
    }

    private static Units units(byte[] b) {
        Charsets.Found f = Charsets.bomOrUtf16(b);
        if (f == null || !f.charset().name().startsWith("UTF-16")) {
            return new Units() {
                public int length() { return b.length; }
                public int at(int i) { return b[i] & 0xff; }
            };
        }
        boolean little = f.charset().equals(java.nio.charset.StandardCharsets.UTF_16LE);
        int skip = f.skip();
        int n = (b.length - skip) / 2;
        return new Units() {
            public int length() { return n; }
            public int at(int i) {
                int k = skip + 2 * i;
                return little ? (b[k] & 0xff) | (b[k + 1] & 0xff) << 8 : (b[k] & 0xff) << 8 | (b[k + 1] & 0xff);
            }
        };
    }

    /** @throws DocumentReader.Unreadable when the page is nested or sized past any article */
    static void checkHtml(byte[] bytes) throws DocumentReader.Unreadable {
        Units b = units(bytes);
        int length = b.length();
        int depth = 0;
        long elements = 0;
        char[] name = new char[16];
        for (int i = 0; i < length - 1; i++) {
            if (b.at(i) != '<') continue;
            int j = i + 1;
            boolean closing = b.at(j) == '/';
            if (closing) j++;
            int n = 0;
            while (j < length && n < name.length && isNameChar(b.at(j))) name[n++] = (char) (b.at(j++) | 0x20);
            if (n == 0 || n == name.length) continue;
            if (!closing && ++elements > MAX_ELEMENTS) {
                throw new DocumentReader.Unreadable("HTML with more than " + MAX_ELEMENTS
                        + " elements, which no article page has; not read");
            }
            String tag = new String(name, 0, n).toLowerCase(Locale.ROOT);
            if (!CONTAINERS.contains(tag)) continue;
            if (closing) {
                if (depth > 0) depth--;
            } else if (!selfClosed(b, j)) {
                depth++;
                if (depth > MAX_DEPTH) {
                    throw new DocumentReader.Unreadable("HTML nested more than " + MAX_DEPTH + " levels deep (<" + tag
                            + "> at " + (b.length() == bytes.length ? "byte " : "character ") + i
                            + "), which no article page is and browsers do not render; not read");
                }
            }
            i = j - 1;
        }
    }

    private static boolean isNameChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean selfClosed(Units b, int from) {
        for (int k = from; k < b.length() && k < from + 4096; k++) {
            if (b.at(k) == '>') return k > from && b.at(k - 1) == '/';
        }
        return false;
    }

    /**
     * @param xml the feed as read, its DOCTYPE already left out
     * @throws DocumentReader.Unreadable when its elements nest deeper than {@link #MAX_DEPTH} levels
     */
    static void checkXml(String xml) throws DocumentReader.Unreadable {
        String[] open = new String[MAX_DEPTH];
        int depth = 0;
        int length = xml.length();
        for (int i = xml.indexOf('<'); i >= 0 && i < length - 1; i = xml.indexOf('<', i + 1)) {
            char c = xml.charAt(i + 1);
            if (c == '!' || c == '?') { // a comment, a CDATA section or a processing instruction: no element
                String end = xml.startsWith("<!--", i) ? "-->" : xml.startsWith("<![CDATA[", i) ? "]]>" : c == '?' ? "?>" : ">";
                int e = xml.indexOf(end, i + 2);
                if (e < 0) return;
                i = e;
                continue;
            }
            boolean closing = c == '/';
            int j = closing ? i + 2 : i + 1;
            int from = j;
            while (j < length && isXmlNameChar(xml.charAt(j))) j++;
            if (j == from) continue;
            String name = xml.substring(from, j);
            int end = tagEnd(xml, j);
            if (end < 0) return; // cut short: the parser says so
            if (closing) {
                for (int k = depth - 1; k >= Math.max(0, depth - END_TAG_SEARCH); k--) {
                    if (open[k].equals(name)) {
                        depth = k;
                        break;
                    }
                }
            } else if (xml.charAt(end - 1) != '/') {
                if (depth == MAX_DEPTH) {
                    throw new DocumentReader.Unreadable("feed nested more than " + MAX_DEPTH + " levels deep (<" + name
                            + "> at character " + i + "), which no feed is; not read");
                }
                open[depth++] = name;
            }
            i = end;
        }
    }

    private static boolean isXmlNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == ':' || c == '_' || c == '-' || c == '.';
    }

    /** Where a tag ends ({@code >}), a quoted attribute value's {@code >} passed over; -1 if it never does. */
    private static int tagEnd(String xml, int from) {
        char quote = 0;
        for (int k = from; k < xml.length(); k++) {
            char c = xml.charAt(k);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return k;
            } else if (c == '<') {
                return k - 1; // tag soup: a tag left without its '>'
            }
        }
        return -1;
    }
}

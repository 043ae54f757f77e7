package dev.calque.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects paragraphs from Tika's XHTML events: block elements end a paragraph, white space inside a
 * paragraph is folded, so PDF hard line-wraps become one paragraph (a word hyphenated across a line
 * end is joined back).
 */
final class ParagraphHandler extends DefaultHandler {
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th",
            "tr", "blockquote", "pre", "dd", "dt", "section", "article", "header", "footer", "table", "ul", "ol",
            "body", "br", "figcaption", "caption", "address");
    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "noscript", "template");

    private final List<String> paragraphs = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private final long maxChars;
    private long total;
    private boolean pendingSpace;
    private boolean pendingNewline;
    private int pendingNewlines;
    private int skipDepth;
    private boolean truncated;

    ParagraphHandler(long maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) {
        String name = local.isEmpty() ? qName : local;
        if (SKIPPED.contains(name)) skipDepth++;
        if (BLOCKS.contains(name)) flush();
    }

    @Override
    public void endElement(String uri, String local, String qName) {
        String name = local.isEmpty() ? qName : local;
        if (SKIPPED.contains(name) && skipDepth > 0) skipDepth--;
        if (BLOCKS.contains(name)) flush();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (skipDepth > 0) return;
        for (int i = start; i < start + length; i++) {
            char c = ch[i];
            if (Character.isWhitespace(c)) {
                if (current.length() > 0) pendingSpace = true;
                if (c == '\n') {
                    pendingNewline = true;
                    // a blank line inside one element (plain-text mail bodies) still ends a paragraph
                    if (++pendingNewlines >= 2 && current.length() > 0) flush();
                }
                continue;
            }
            if (total >= maxChars) {
                truncated = true;
                return;
            }
            if (pendingSpace) {
                boolean hyphenatedWrap = pendingNewline && Character.isLowerCase(c) && current.length() > 1
                        && current.charAt(current.length() - 1) == '-'
                        && Character.isLetter(current.charAt(current.length() - 2));
                if (!hyphenatedWrap) current.append(' ');
            }
            pendingSpace = false;
            pendingNewline = false;
            pendingNewlines = 0;
            current.append(c);
            total++;
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    private void flush() {
        String p = current.toString().strip();
        if (!p.isEmpty()) paragraphs.add(p);
        current.setLength(0);
        pendingSpace = false;
        pendingNewline = false;
        pendingNewlines = 0;
    }

    List<String> paragraphs() {
        flush();
        return paragraphs;
    }

    boolean truncated() {
        return truncated;
    }
}

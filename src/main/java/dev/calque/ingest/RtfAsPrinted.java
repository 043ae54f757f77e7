package dev.calque.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * An RTF file as it prints, rewritten before Tika reads it (as {@link DocumentReader#asPrinted(byte[])} does for an
 * OpenDocument file): Tika's RTF reader writes the running headers and footers, an editor's comments (their author's
 * initials and name, then the note) and the words a tracked change deleted into the text like any other, so the header
 * was the article's first paragraph and title, the comment sat inside a sentence and the deleted words were glued to
 * the inserted ones. Left out here:
 * <ul>
 * <li>groups whose destination is a header or footer, a comment ({@code \*\annotation}) or a comment's bookkeeping
 *     ({@code \*\atnid}, {@code \*\atnauthor}, ...), to their matching brace, and the {@code \chatn} that anchors a
 *     comment;</li>
 * <li>the text of runs that carry the {@code \deleted} character property: characters, hex and Unicode escapes (and so
 *     their fallback characters, which are text of the same run), escaped braces and backslashes, the control symbols
 *     and words that stand for a character. Every other control word and every brace stays, so the fonts, paragraphs
 *     and properties around them read as before.</li>
 * </ul>
 * Inserted text ({@code \revised}) is the text and stays. One pass over the bytes, nothing recursive (an RTF nested
 * 100,000 groups deep is read like any other). Escaped braces and {@code \binN} runs (N raw bytes, which may hold
 * anything) are honoured, so braces are counted as an RTF reader counts them. The file as it is when there is nothing
 * to leave out, and when a group to leave out is not closed before the end (a cut or damaged file is Tika's to read,
 * as before, rather than ours to guess at).
 */
final class RtfAsPrinted {
    /** Destinations that do not print: running headers and footers, comments and what ties them to the text. */
    private static final Set<String> NOT_PRINTED = Set.of(
            "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf",
            "annotation", "atnid", "atnauthor", "atndate", "atnref", "atnparent", "atrfstart", "atrfend", "atnicn", "atntime");
    /** Control words that stand for a character: text, left out of a deleted run like the letters around them. */
    private static final Set<String> CHARACTERS = Set.of("u", "tab", "emdash", "endash", "emspace", "enspace", "qmspace",
            "bullet", "lquote", "rquote", "ldblquote", "rdblquote", "zwj", "zwnj", "zwbo", "zwnbo", "ltrmark", "rtlmark");
    /** Control symbols that stand for a character: non-breaking space, optional hyphen, non-breaking hyphen, escapes. */
    private static final String CHARACTER_SYMBOLS = "~-_{}\\";
    /** Longer than any name in {@link #NOT_PRINTED}: a group's first word is read no further to decide. */
    private static final int NAME_LOOKAHEAD = 16;

    private final byte[] in;
    private final ByteArrayOutputStream out;
    private int pos;
    /** Whether text is deleted, per open group; a group starts with its parent's. */
    private boolean[] deleted = new boolean[64];
    private int depth;
    private boolean changed;
    /** The last thing written was a control word ended by what followed it, not by a space. */
    private boolean bareWord;
    /** Something was left out since the last thing written. */
    private boolean dropped;

    private RtfAsPrinted(byte[] rtf) {
        this.in = rtf;
        this.out = new ByteArrayOutputStream(rtf.length);
    }

    /** The RTF without what does not print; the same array when nothing was left out or the file cannot be scanned. */
    static byte[] printed(byte[] rtf) {
        try {
            RtfAsPrinted scan = new RtfAsPrinted(rtf);
            return scan.scan() && scan.changed ? scan.out.toByteArray() : rtf;
        } catch (RuntimeException unexpected) {
            return rtf; // read as before rather than not at all
        }
    }

    /** @return false when a group to leave out runs to the end of the file */
    private boolean scan() {
        while (pos < in.length) {
            byte b = in[pos];
            if (b == '{') {
                if (!openGroup()) return false;
            } else if (b == '}') {
                closeGroup();
            } else if (b == '\\') {
                control();
            } else {
                text(1, b != '\r' && b != '\n'); // line ends are not text in RTF
            }
        }
        return true;
    }

    private boolean openGroup() {
        if (notPrinted(pos + 1)) {
            int end = matchingBrace(pos);
            if (end < 0) return false;
            drop(end + 1 - pos);
            return true;
        }
        if (depth + 1 >= deleted.length) deleted = Arrays.copyOf(deleted, deleted.length * 2);
        deleted[depth + 1] = deleted[depth];
        depth++;
        copy(1);
        return true;
    }

    private void closeGroup() {
        if (depth > 0) depth--; // an unbalanced brace is Tika's to judge; the state stays the outermost
        copy(1);
    }

    /** Whether the group whose content starts at {@code i} is a destination that does not print. */
    private boolean notPrinted(int i) {
        i = skipLineEnds(i);
        if (i + 1 < in.length && in[i] == '\\' && in[i + 1] == '*') i = skipLineEnds(i + 2);
        if (i >= in.length || in[i] != '\\') return false;
        int start = ++i;
        while (i < in.length && i - start <= NAME_LOOKAHEAD && letter(in[i])) i++;
        return i - start <= NAME_LOOKAHEAD && NOT_PRINTED.contains(new String(in, start, i - start, StandardCharsets.US_ASCII));
    }

    private int skipLineEnds(int i) {
        while (i < in.length && (in[i] == '\r' || in[i] == '\n')) i++;
        return i;
    }

    /** The index of the brace that closes the group opened at {@code open}, or -1 when the file ends first. */
    private int matchingBrace(int open) {
        int level = 0;
        int i = open;
        while (i < in.length) {
            byte b = in[i];
            if (b == '{') {
                level++;
                i++;
            } else if (b == '}') {
                if (--level == 0) return i;
                i++;
            } else if (b == '\\') {
                Word w = Word.at(in, i);
                i = w.end + (w.is("bin") ? binaryLength(w, w.end) : 0);
            } else {
                i++;
            }
        }
        return -1;
    }

    /** A control word or symbol: kept, unless it is text in a deleted run or a comment's anchor. */
    private void control() {
        Word w = Word.at(in, pos);
        boolean bare = w.name != null && in[w.end - 1] != ' ';
        if (w.is("bin")) {
            copy(w.end - pos + binaryLength(w, w.end)); // raw bytes, whatever the run: data, not text
        } else if (w.is("chatn")) {
            drop(w.end - pos);
        } else if (w.name != null && CHARACTERS.contains(w.name) || w.symbol == '\'' || w.symbol >= 0 && CHARACTER_SYMBOLS.indexOf(w.symbol) >= 0) {
            text(w.end - pos, true);
            if (!deleted[depth]) bareWord = bare;
        } else {
            if (w.is("deleted")) deleted[depth] = !w.hasParam || w.param != 0;
            else if (w.is("plain")) deleted[depth] = false; // character properties back to their defaults
            copy(w.end - pos);
            bareWord = bare;
        }
    }

    /** {@code length} bytes of text (or line ends, when not {@code isText}): left out of a deleted run. */
    private void text(int length, boolean isText) {
        if (isText && deleted[depth]) {
            drop(length);
            return;
        }
        // a control word that what was left out had ended must not run into the letters, digits or space after it
        // (they would become its name, its parameter or its delimiter): a space ends it as the space it eats
        byte b = in[pos];
        if (bareWord && dropped && (letter(b) || digit(b) || b == '-' || b == ' ')) out.write(' ');
        copy(length);
    }

    private void drop(int length) {
        pos += Math.min(length, in.length - pos);
        changed = true;
        dropped = true;
    }

    private void copy(int length) {
        int n = Math.min(length, in.length - pos);
        out.write(in, pos, n);
        pos += n;
        bareWord = false;
        dropped = false;
    }

    /** The bytes a {@code \binN} holds after its delimiter, within the file. */
    private int binaryLength(Word bin, int from) {
        long n = bin.hasParam ? Math.max(0, bin.param) : 0;
        return (int) Math.min(n, in.length - from);
    }

    private static boolean letter(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z';
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    /**
     * A control word ({@code name}, an optional signed parameter, the space that ends it) or a control symbol
     * ({@code symbol}: the character after the backslash; {@code \'hh} takes its two hex digits), starting at a
     * backslash; {@code end} is the index after it.
     */
    private record Word(String name, int symbol, boolean hasParam, long param, int end) {
        static Word at(byte[] in, int backslash) {
            int i = backslash + 1;
            if (i >= in.length) return new Word(null, -1, false, 0, i);
            if (!letter(in[i])) {
                int symbol = in[i] & 0xff;
                int end = i + 1;
                if (symbol == '\'') end = Math.min(in.length, end + 2);
                return new Word(null, symbol, false, 0, end);
            }
            int start = i;
            while (i < in.length && letter(in[i])) i++;
            String name = new String(in, start, i - start, StandardCharsets.US_ASCII);
            boolean negative = i + 1 < in.length && in[i] == '-' && digit(in[i + 1]);
            if (negative) i++;
            boolean hasParam = i < in.length && digit(in[i]);
            long param = 0;
            while (i < in.length && digit(in[i])) {
                param = Math.min(param * 10 + (in[i] - '0'), Integer.MAX_VALUE); // saturates: no overflow
                i++;
            }
            if (i < in.length && in[i] == ' ') i++;
            return new Word(name, -1, hasParam, negative ? -param : param, i);
        }

        boolean is(String word) {
            return word.equals(name);
        }
    }
}

package dev.calque.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each character of an article's text stands in the file it was read from, when the reader changed the text
 * (a Markdown article without its marks) but the file is still what an editor opens: CI annotations then point at
 * the file's own line and column. Found as Vale finds its positions in a marked-up file: each word of the text is
 * looked for in the file, in order, a little ahead of the last one found; what lies between two words maps between
 * them, and a word not found (an entity, an escape) stays at the place reached.
 */
public final class FilePositions {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** How far ahead of the last word a word is looked for (a front matter, a link's address, an image line). */
    private static final int AHEAD = 4096;

    private final int[] offsets;
    private final Texts.LineIndex fileLines;

    private FilePositions(int[] offsets, Texts.LineIndex fileLines) {
        this.offsets = offsets;
        this.fileLines = fileLines;
    }

    /** @param text what is checked; @param file the file's text as decoded (its lines are the ones reported) */
    public static FilePositions align(String text, String file) {
        int[] offsets = new int[text.length() + 1];
        int cursor = 0;
        int textEnd = 0; // end of the last word placed, in the text
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group();
            int at = find(file, word, cursor);
            int place = at >= 0 ? at : cursor;
            for (int k = textEnd; k < m.start(); k++) offsets[k] = Math.min(cursor + (k - textEnd), place);
            for (int k = m.start(); k < m.end(); k++) offsets[k] = at >= 0 ? at + (k - m.start()) : cursor;
            if (at >= 0) cursor = at + word.length();
            textEnd = m.end();
        }
        for (int k = textEnd; k <= text.length(); k++) offsets[k] = Math.min(cursor + (k - textEnd), file.length());
        return new FilePositions(offsets, new Texts.LineIndex(file));
    }

    private static int find(String file, String word, int from) {
        int last = Math.min(file.length() - word.length(), from + AHEAD);
        char first = word.charAt(0);
        for (int i = from; i <= last; i++) {
            if (file.charAt(i) == first && file.startsWith(word, i)) return i;
        }
        return -1;
    }

    /** The file offset (UTF-16 units of the decoded file) of a text offset. */
    public int offset(int textOffset) {
        return offsets[Math.max(0, Math.min(textOffset, offsets.length - 1))];
    }

    /** 1-based line in the file of a text offset. */
    public int line(int textOffset) {
        return fileLines.line(offset(textOffset));
    }

    /** 1-based column in the file of a text offset (UTF-16 units, as for plain text). */
    public int column(int textOffset) {
        return fileLines.column(offset(textOffset));
    }
}

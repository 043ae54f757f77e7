package dev.calque.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text for checking only where it is not prose: a run of more than {@link #MAX_RUN}
 * characters without a sentence end or line break is cut at white space every {@link #PIECE}
 * characters; a text longer than {@link #MAX_WHOLE} is checked in pieces of about {@link #LONG_PIECE}
 * cut at paragraph breaks (text-level rules such as consistency then see one piece at a time).
 * Ordinary articles come back as one piece, the whole text.
 */
final class Pieces {
    static final int MAX_RUN = 3000;
    static final int PIECE = 1000;

    private Pieces() {
    }

    /**
     * Longest text LanguageTool analyses in one call: it holds every analysed sentence of a call in
     * memory at once (a few hundred bytes per character), so a cut-to-the-limit million characters
     * on each of two workers would fill the heap. A news story is under 20,000 characters.
     */
    static final int MAX_WHOLE = 100_000;
    /** Size of the pieces a longer text is checked in, cut at a paragraph or line break. */
    static final int LONG_PIECE = 50_000;

    static List<int[]> of(String text) {
        if (text.length() <= MAX_WHOLE) return ofProse(text);
        List<int[]> out = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int to = Math.min(text.length(), from + LONG_PIECE);
            if (to < text.length()) {
                int para = text.lastIndexOf("\n\n", to);
                int line = text.lastIndexOf('\n', to);
                int cut = para > from + LONG_PIECE / 2 ? para + 2 : line > from + LONG_PIECE / 2 ? line + 1 : to;
                to = cut;
            }
            for (int[] p : ofProse(text.substring(from, to))) out.add(new int[] {from + p[0], from + p[1]});
            from = to;
        }
        return out;
    }

    private static List<int[]> ofProse(String text) {
        List<int[]> pieces = new ArrayList<>();
        int pieceStart = 0;
        int runStart = 0;
        boolean overlong = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n') {
                runStart = i + 1;
                continue;
            }
            if (i - runStart >= MAX_RUN) overlong = true;
            if (overlong && i - runStart >= PIECE) {
                int cut = text.lastIndexOf(' ', i);
                if (cut <= runStart) cut = i;
                pieces.add(new int[] {pieceStart, cut});
                pieceStart = cut;
                runStart = cut;
            }
        }
        pieces.add(new int[] {pieceStart, text.length()});
        return pieces;
    }
}

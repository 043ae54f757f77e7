package dev.calque.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text for checking only where it is not prose: a run of more than {@link #MAX_RUN}
 * characters without a sentence end or line break is cut at white space every {@link #PIECE}
 * characters. Ordinary articles come back as one piece, the whole text.
 */
final class Pieces {
    static final int MAX_RUN = 3000;
    static final int PIECE = 1000;

    private Pieces() {
    }

    static List<int[]> of(String text) {
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

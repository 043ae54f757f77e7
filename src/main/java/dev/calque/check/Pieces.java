package dev.calque.check;

import java.util.ArrayList;
import java.util.List;
import org.languagetool.tokenizers.SentenceTokenizer;

/**
 * Splits text for checking only where it is not prose: a run of more than {@link #MAX_RUN}
 * characters without a sentence end (as LanguageTool's sentence tokenizer ends them) or line break
 * is cut at white space every {@link #PIECE} characters; a run of {@link #PIECE} characters without
 * white space is cut where it reaches that length (LanguageTool's simple-replace rules glue every
 * token of such a run to every following one, a cost that grows with the cube of its length: 40,000
 * characters of "1.1.1" ran for over ten minutes); a text longer than {@link #MAX_WHOLE} is checked
 * in pieces of about {@link #LONG_PIECE} cut at paragraph breaks (text-level rules such as
 * consistency then see one piece at a time). Ordinary articles come back as one piece, the whole text.
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

    /**
     * A piece of the text, {@code [start, end)}; {@code midSentence} where it starts at a cut of this
     * class's making, inside a sentence, so that what a rule says of a sentence's start is not said there.
     */
    record Piece(int start, int end, boolean midSentence) {
    }

    static List<Piece> of(String text, SentenceTokenizer sentences) {
        if (text.length() <= MAX_WHOLE) return ofProse(text, sentences);
        List<Piece> out = new ArrayList<>();
        int from = 0;
        boolean fromCut = false;
        while (from < text.length()) {
            int to = Math.min(text.length(), from + LONG_PIECE);
            boolean toCut = false;
            if (to < text.length()) {
                int para = text.lastIndexOf("\n\n", to);
                int line = text.lastIndexOf('\n', to);
                int cut = para > from + LONG_PIECE / 2 ? para + 2 : line > from + LONG_PIECE / 2 ? line + 1 : to;
                toCut = cut == to;
                to = cut;
            }
            for (Piece p : ofProse(text.substring(from, to), sentences)) {
                out.add(new Piece(from + p.start(), from + p.end(), p.start() == 0 ? fromCut : p.midSentence()));
            }
            from = to;
            fromCut = toCut;
        }
        return out;
    }

    private static List<Piece> ofProse(String text, SentenceTokenizer sentences) {
        boolean[] ends = sentenceEnds(text, sentences);
        List<Piece> pieces = new ArrayList<>();
        int pieceStart = 0;
        int runStart = 0;
        int wordStart = 0;
        boolean overlong = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                wordStart = i + 1;
            } else if (i - wordStart >= PIECE) {
                // a run this long without white space is no word (a URL is a few hundred characters)
                pieces.add(new Piece(pieceStart, i, pieceStart > 0));
                pieceStart = i;
                runStart = i;
                wordStart = i;
            }
            if (ends[i]) {
                runStart = i + 1;
                continue;
            }
            if (i - runStart >= MAX_RUN) overlong = true;
            if (overlong && i - runStart >= PIECE) {
                int cut = text.lastIndexOf(' ', i);
                if (cut <= runStart) cut = i;
                pieces.add(new Piece(pieceStart, cut, pieceStart > 0));
                pieceStart = cut;
                runStart = cut;
            }
        }
        pieces.add(new Piece(pieceStart, text.length(), pieceStart > 0));
        return pieces;
    }

    /**
     * Where sentences end, as LanguageTool will see them: at every line break, and inside a line long
     * enough to hold an overlong run, where its sentence tokenizer ends them (it reads "A. B. C." as
     * initials of one sentence, which a full stop alone would not tell); a short line ends at its stops.
     */
    private static boolean[] sentenceEnds(String text, SentenceTokenizer sentences) {
        boolean[] ends = new boolean[text.length()];
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '\n') continue;
            if (i < text.length()) ends[i] = true;
            if (i - lineStart > MAX_RUN) {
                int at = lineStart;
                for (String sentence : sentences.tokenize(text.substring(lineStart, i))) {
                    at += sentence.length();
                    if (at > lineStart && at < i) ends[at - 1] = true;
                }
            } else {
                for (int j = lineStart; j < i; j++) {
                    char c = text.charAt(j);
                    ends[j] = c == '.' || c == '!' || c == '?';
                }
            }
            lineStart = i + 1;
        }
        return ends;
    }
}

package dev.calque.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.languagetool.Languages;
import org.languagetool.tokenizers.SentenceTokenizer;

/** Prose is checked whole; only a long run without a sentence end is cut, at white space. */
class PiecesTest {
    private static final SentenceTokenizer SENTENCES = Languages.getLanguageForShortCode("en-US").getSentenceTokenizer();

    @Test
    void proseIsOnePieceHoweverLong() {
        String prose = "A sentence of ordinary news prose, with a clause or two. ".repeat(500);
        assertThat(Pieces.of(prose, SENTENCES)).singleElement().isEqualTo(new Pieces.Piece(0, prose.length(), false));
        String run = "word ".repeat(Pieces.MAX_RUN / 5); // just under the limit
        assertThat(Pieces.of(run, SENTENCES)).hasSize(1);
    }

    @Test
    void anOverlongRunIsCutAtSpacesIntoPiecesThatCoverTheText() {
        String text = "Intro sentence. " + "word ".repeat(2000) + "\nEnd.";
        List<Pieces.Piece> pieces = Pieces.of(text, SENTENCES);
        assertThat(pieces.size()).isGreaterThan(2);
        assertThat(pieces.get(0).start()).isZero();
        assertThat(pieces.get(pieces.size() - 1).end()).isEqualTo(text.length());
        for (int i = 0; i < pieces.size(); i++) {
            Pieces.Piece p = pieces.get(i);
            if (i > 0) assertThat(p.start()).as("contiguous").isEqualTo(pieces.get(i - 1).end());
            assertThat(p.midSentence()).as("starts inside a sentence").isEqualTo(i != 0);
            if (i < pieces.size() - 1) assertThat(text.charAt(p.end())).as("cut at a space").isEqualTo(' ');
            // the first piece holds the run up to the limit; later ones about PIECE characters
            assertThat(p.end() - p.start()).isLessThanOrEqualTo(Pieces.MAX_RUN + Pieces.PIECE + 20);
        }
    }

    @Test
    void aRunWithNoSpaceIsCutAnyway() {
        String text = "x".repeat(10_000);
        List<Pieces.Piece> pieces = Pieces.of(text, SENTENCES);
        assertThat(pieces.size()).isGreaterThan(2);
        assertThat(pieces.get(pieces.size() - 1).end()).isEqualTo(text.length());
        int covered = pieces.stream().mapToInt(p -> p.end() - p.start()).sum();
        assertThat(covered).isEqualTo(text.length());
    }

    @Test
    void aRunWithoutWhiteSpaceIsCutEvenWhenFullOfSentenceEnds() {
        // "1.1.1.": every character a token, none after white space, a full stop every second one
        String text = "The list read " + "1.".repeat(20_000) + " in all. Then a sentence.";
        List<Pieces.Piece> pieces = Pieces.of(text, SENTENCES);
        assertThat(pieces.size()).isGreaterThan(20);
        coverInOrder(pieces, text, Pieces.PIECE + 40);
        String url = "See https://example.com/" + "a/b-c_d?e=f&".repeat(60) + " for more. ";
        assertThat(Pieces.of(url.repeat(20), SENTENCES)).as("a long URL is a word").hasSize(1);
    }

    @Test
    void initialsThatLanguageToolReadsAsOneSentenceAreCutLikeAnyOverlongRun() {
        // "A. A. A.": a full stop every third character, yet one sentence to LanguageTool, whose analysis of
        // it grows with the square of its length (100,000 of them ran for four minutes)
        String text = "Intro sentence. " + "A. ".repeat(5_000) + "\n\nThe end.";
        List<Pieces.Piece> pieces = Pieces.of(text, SENTENCES);
        assertThat(pieces.size()).isGreaterThan(10);
        coverInOrder(pieces, text, Pieces.MAX_RUN + Pieces.PIECE + 20);
        String news = "Mr. J. R. Smith said on Monday that the U.S. plan was late. ".repeat(80);
        assertThat(Pieces.of(news, SENTENCES)).as("a long paragraph of real sentences").hasSize(1);
    }

    /** The pieces cover the text from start to end, each where the last one stopped, none longer than given. */
    private static void coverInOrder(List<Pieces.Piece> pieces, String text, int longest) {
        assertThat(pieces.get(0).start()).isZero();
        assertThat(pieces.get(pieces.size() - 1).end()).isEqualTo(text.length());
        for (int i = 0; i < pieces.size(); i++) {
            Pieces.Piece p = pieces.get(i);
            if (i > 0) assertThat(p.start()).as("contiguous").isEqualTo(pieces.get(i - 1).end());
            assertThat(p.end() - p.start()).isLessThanOrEqualTo(longest);
        }
    }
}

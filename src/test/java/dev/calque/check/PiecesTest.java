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
        assertThat(Pieces.of(prose, SENTENCES)).singleElement().satisfies(p -> assertThat(p).containsExactly(0, prose.length(), 0));
        String run = "word ".repeat(Pieces.MAX_RUN / 5); // just under the limit
        assertThat(Pieces.of(run, SENTENCES)).hasSize(1);
    }

    @Test
    void anOverlongRunIsCutAtSpacesIntoPiecesThatCoverTheText() {
        String text = "Intro sentence. " + "word ".repeat(2000) + "\nEnd.";
        List<int[]> pieces = Pieces.of(text, SENTENCES);
        assertThat(pieces.size()).isGreaterThan(2);
        assertThat(pieces.get(0)[0]).isZero();
        assertThat(pieces.get(pieces.size() - 1)[1]).isEqualTo(text.length());
        for (int i = 0; i < pieces.size(); i++) {
            int[] p = pieces.get(i);
            if (i > 0) assertThat(p[0]).as("contiguous").isEqualTo(pieces.get(i - 1)[1]);
            assertThat(p[2]).as("starts inside a sentence").isEqualTo(i == 0 ? 0 : 1);
            if (i < pieces.size() - 1) assertThat(text.charAt(p[1])).as("cut at a space").isEqualTo(' ');
            // the first piece holds the run up to the limit; later ones about PIECE characters
            assertThat(p[1] - p[0]).isLessThanOrEqualTo(Pieces.MAX_RUN + Pieces.PIECE + 20);
        }
    }

    @Test
    void aRunWithNoSpaceIsCutAnyway() {
        String text = "x".repeat(10_000);
        List<int[]> pieces = Pieces.of(text, SENTENCES);
        assertThat(pieces.size()).isGreaterThan(2);
        assertThat(pieces.get(pieces.size() - 1)[1]).isEqualTo(text.length());
        int covered = pieces.stream().mapToInt(p -> p[1] - p[0]).sum();
        assertThat(covered).isEqualTo(text.length());
    }

    @Test
    void aRunWithoutWhiteSpaceIsCutEvenWhenFullOfSentenceEnds() {
        // "1.1.1.": every character a token, none after white space, a full stop every second one
        String text = "The list read " + "1.".repeat(20_000) + " in all. Then a sentence.";
        List<int[]> pieces = Pieces.of(text, SENTENCES);
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
        List<int[]> pieces = Pieces.of(text, SENTENCES);
        assertThat(pieces.size()).isGreaterThan(10);
        coverInOrder(pieces, text, Pieces.MAX_RUN + Pieces.PIECE + 20);
        String news = "Mr. J. R. Smith said on Monday that the U.S. plan was late. ".repeat(80);
        assertThat(Pieces.of(news, SENTENCES)).as("a long paragraph of real sentences").hasSize(1);
    }

    /** The pieces cover the text from start to end, each where the last one stopped, none longer than given. */
    private static void coverInOrder(List<int[]> pieces, String text, int longest) {
        assertThat(pieces.get(0)[0]).isZero();
        assertThat(pieces.get(pieces.size() - 1)[1]).isEqualTo(text.length());
        for (int i = 0; i < pieces.size(); i++) {
            int[] p = pieces.get(i);
            if (i > 0) assertThat(p[0]).as("contiguous").isEqualTo(pieces.get(i - 1)[1]);
            assertThat(p[1] - p[0]).isLessThanOrEqualTo(longest);
        }
    }
}

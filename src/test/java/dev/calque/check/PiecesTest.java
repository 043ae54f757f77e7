package dev.calque.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Prose is checked whole; only a long run without a sentence end is cut, at white space. */
class PiecesTest {

    @Test
    void proseIsOnePieceHoweverLong() {
        String prose = "A sentence of ordinary news prose, with a clause or two. ".repeat(500);
        assertThat(Pieces.of(prose)).singleElement().satisfies(p -> assertThat(p).containsExactly(0, prose.length()));
        String run = "word ".repeat(Pieces.MAX_RUN / 5); // just under the limit
        assertThat(Pieces.of(run)).hasSize(1);
    }

    @Test
    void anOverlongRunIsCutAtSpacesIntoPiecesThatCoverTheText() {
        String text = "Intro sentence. " + "word ".repeat(2000) + "\nEnd.";
        List<int[]> pieces = Pieces.of(text);
        assertThat(pieces.size()).isGreaterThan(2);
        assertThat(pieces.get(0)[0]).isZero();
        assertThat(pieces.get(pieces.size() - 1)[1]).isEqualTo(text.length());
        for (int i = 0; i < pieces.size(); i++) {
            int[] p = pieces.get(i);
            if (i > 0) assertThat(p[0]).as("contiguous").isEqualTo(pieces.get(i - 1)[1]);
            if (i < pieces.size() - 1) assertThat(text.charAt(p[1])).as("cut at a space").isEqualTo(' ');
            // the first piece holds the run up to the limit; later ones about PIECE characters
            assertThat(p[1] - p[0]).isLessThanOrEqualTo(Pieces.MAX_RUN + Pieces.PIECE + 20);
        }
    }

    @Test
    void aRunWithNoSpaceIsCutAnyway() {
        String text = "x".repeat(10_000);
        List<int[]> pieces = Pieces.of(text);
        assertThat(pieces.size()).isGreaterThan(2);
        assertThat(pieces.get(pieces.size() - 1)[1]).isEqualTo(text.length());
        int covered = pieces.stream().mapToInt(p -> p[1] - p[0]).sum();
        assertThat(covered).isEqualTo(text.length());
    }
}

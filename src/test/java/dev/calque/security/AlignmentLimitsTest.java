package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calque.bilingual.Aligner;
import dev.calque.bilingual.Alignment;
import dev.calque.bilingual.Link;
import dev.calque.bilingual.LinkType;
import dev.calque.model.Deadline;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alignment of a translation with its original ran outside the article's {@code --timeout} budget, and
 * its dynamic programme kept a table of every paragraph of one side by every paragraph of the other: a
 * paired document of 20,000 one-word paragraphs a side asked for 400 million cells and ended in "too
 * large to read in the memory available" (docs/security.md, round six). Now the table is a band around
 * the diagonal past a million cells, and the aligner polls the article's deadline row by row.
 */
class AlignmentLimitsTest {
    /** {@code n} numbered paragraphs (the numbers are the anchors an aligner follows), with one extra paragraph at {@code extraAt}. */
    private static String numbered(int n, String sentence, int extraAt, String extra) {
        StringBuilder b = new StringBuilder();
        for (int k = 1; k <= n; k++) {
            if (k == extraAt) b.append(extra).append("\n\n");
            b.append(sentence.replace("#", Integer.toString(k))).append("\n\n");
        }
        return b.toString().strip();
    }

    @Test
    void twentyThousandParagraphsASideAlignAndTheUnpairedOnesAreFound() {
        String target = numbered(20_000, "Report # was read.", 10_000, "An extra paragraph the original does not have.");
        String source = numbered(20_000, "Le rapport # a été lu.", 15_000, "Un paragraphe que la traduction a laissé de côté.");
        Alignment a = Aligner.align(target, source);
        List<Link> ps = a.paragraphs();
        List<Link> added = ps.stream().filter(l -> l.type() == LinkType.ZERO_ONE).toList();
        List<Link> omitted = ps.stream().filter(l -> l.type() == LinkType.ONE_ZERO).toList();
        assertThat(added).singleElement().satisfies(l -> assertThat(l.target().of(target)).startsWith("An extra paragraph"));
        assertThat(omitted).singleElement().satisfies(l -> assertThat(l.source().of(source)).startsWith("Un paragraphe"));
        // every numbered paragraph is linked 1-1 with its own number
        List<Link> pairs = ps.stream().filter(l -> l.type() == LinkType.ONE_ONE).toList();
        assertThat(pairs).hasSize(20_000);
        for (Link l : pairs) {
            assertThat(l.source().of(source).replaceAll("\\D", "")).isEqualTo(l.target().of(target).replaceAll("\\D", ""));
        }
    }

    @Test
    void alignmentStopsAtTheArticlesDeadline() {
        String target = numbered(5_000, "Report # was read.", 0, "");
        String source = numbered(5_000, "Le rapport # a été lu.", 0, "");
        Deadline.start(5_000_000L); // 5 ms of processor time: the alignment takes seconds
        try {
            assertThatThrownBy(() -> Aligner.align(target, source)).isInstanceOf(Deadline.Exceeded.class);
        } finally {
            Deadline.clear();
        }
        assertThat(Aligner.align(target, source).paragraphs()).hasSize(5_000); // without a budget it completes
    }
}

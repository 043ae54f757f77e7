package dev.calque.bilingual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.model.Article;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paragraphs out of order, on the seed article and its French version. */
class OrderRuleTest {
    private static final SourceRules.Pack PACK = SourceRules.load(List.of(Path.of("rules")), "en", "fr");
    private static final Path ARTICLES = Path.of("src/test/resources/articles");

    static List<SourceRule.Hit> order(String fr, String en) {
        SourceRule rule = PACK.rules().stream().filter(r -> r.info().id().equals("SOURCE_ORDER")).findFirst().orElseThrow();
        BilingualArticle b = BilingualArticle.of(Article.ofText("t.txt", en), Original.of("t.fr.txt", "fr", fr));
        return rule.find(b, PACK.conventions());
    }

    @Test
    void twoSwappedParagraphsAreFlaggedAndTheArticleAsWrittenIsNot() throws Exception {
        String en = Files.readString(ARTICLES.resolve("000_5323ff96fa5a9330.txt"), StandardCharsets.UTF_8);
        String fr = Files.readString(ARTICLES.resolve("000_5323ff96fa5a9330.fr.txt"), StandardCharsets.UTF_8);
        assertThat(order(fr, en)).isEmpty();
        List<String> ps = new ArrayList<>(List.of(en.strip().split("\n\n")));
        int flagged = 0;
        for (int i = 0; i + 1 < ps.size() - 1; i++) {
            List<String> swapped = new ArrayList<>(ps);
            swapped.set(i, ps.get(i + 1));
            swapped.set(i + 1, ps.get(i));
            String text = String.join("\n\n", swapped);
            int start = text.indexOf(ps.get(i + 1));
            int end = start + ps.get(i + 1).length() + 2 + ps.get(i).length();
            if (order(fr, text).stream().anyMatch(h -> h.start() < end && start < h.end())) flagged++;
        }
        // of the 10 swaps of two neighbouring paragraphs of the story (not the leftover "source site"), 6 are
        // flagged by this rule alone: the seed's paragraphs are one or two sentences, some share under 3 words
        assertThat(flagged).isGreaterThanOrEqualTo((ps.size() - 2) / 2);
    }

    /** Two paragraphs that share too few words for the test of shared words: crossed, lengths and words fit the original far better. */
    @Test
    void twoShortParagraphsSwappedAreFlaggedByTheirLengths() {
        String fr = "Le Vatican a entrepris de mener un grand sondage à travers le monde sur la façon dont les paroisses gèrent les dossiers sensibles.\n\n"
                + "Le sondage a été envoyé à chaque conférence épiscopale nationale.\n\nLes résultats seront connus en 2014.";
        String en = "The Vatican is to carry out a large-scale poll across the world on how parishes deal with sensitive issues.\n\n"
                + "The poll was sent out to every national conference of bishops.\n\nThe results will be known in 2014.";
        assertThat(order(fr, en)).isEmpty();
        String[] ps = en.split("\n\n");
        String swapped = ps[1] + "\n\n" + ps[0] + "\n\n" + ps[2];
        assertThat(order(fr, swapped)).extracting(h -> swapped.substring(h.start(), h.end())).containsExactly(ps[1]);
    }
}

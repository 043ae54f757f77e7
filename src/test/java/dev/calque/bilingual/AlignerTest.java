package dev.calque.bilingual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calque.model.Article;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlignerTest {
    private static final Path ARTICLES = Path.of("src/test/resources/articles");

    private static String read(String name) throws Exception {
        return Files.readString(ARTICLES.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void seedParagraphsAlignOneToOneAndTheLeftoverIsAnAddition() throws Exception {
        String en = read("000_5323ff96fa5a9330.txt");
        String fr = read("000_5323ff96fa5a9330.fr.txt");
        BilingualArticle b = BilingualArticle.of(Article.ofText("seed.txt", en), Original.of("seed.fr.txt", "fr", fr));
        List<Link> ps = b.alignment().paragraphs();
        assertEquals(12, ps.size(), ps.toString());
        for (int i = 0; i < 11; i++) {
            assertEquals(LinkType.ONE_ONE, ps.get(i).type(), "paragraph " + (i + 1));
        }
        Link last = ps.get(11);
        assertEquals(LinkType.ZERO_ONE, last.type());
        assertEquals("source site", last.target().of(en));
        // the translation split "le 10 janvier à Genève" off as a sentence of its own: a 1-2 link
        Link geneva = b.alignment().sentenceAt(en.indexOf("January 10"));
        assertTrue(b.original().text().substring(geneva.source().start(), geneva.source().end()).contains("Genève"),
                geneva.toString());
        // every French sentence has a counterpart
        assertTrue(b.alignment().sentences().stream().noneMatch(l -> l.type() == LinkType.ONE_ZERO),
                b.alignment().sentences().toString());
    }

    @Test
    void segmentsBecomeParagraphsOfTheTextWithTheirIds() {
        BilingualArticle b = BilingualArticle.ofSegments("f.xlf", "application/xliff+xml", "fr-FR", List.of(
                new SegmentPair("u1", "Bonjour le monde.", "Hello world."),
                new SegmentPair("u2", "Il pleut. Il fait froid.", "It is raining and cold."),
                new SegmentPair("u3", "Rien.", "")));
        assertEquals("Hello world.\n\nIt is raining and cold.\n\n", b.target().text());
        assertEquals("fr", b.original().language());
        List<Link> ps = b.alignment().paragraphs();
        assertEquals(List.of("u1", "u2", "u3"), ps.stream().map(Link::segmentId).toList());
        assertEquals(LinkType.ONE_ZERO, ps.get(2).type());
        Link u2 = b.alignment().sentenceAt(b.target().text().indexOf("raining"));
        assertEquals(LinkType.TWO_ONE, u2.type());
        assertEquals("u2", u2.segmentId());
    }

    @Test
    void sentencesSplitOnFinalPunctuationButNotAbbreviationsOrDecimals() {
        String t = "M. Dupont a payé 1.5 euro. « Non ! » a-t-il dit. Mr. Smith left at 5 p.m. yesterday. 他来了。她走了。";
        List<String> s = Sentences.of(t, 0, t.length()).stream().map(x -> x.of(t)).toList();
        assertEquals(List.of("M. Dupont a payé 1.5 euro.", "« Non ! » a-t-il dit.", "Mr. Smith left at 5 p.m. yesterday.",
                "他来了。", "她走了。"), s);
    }
}

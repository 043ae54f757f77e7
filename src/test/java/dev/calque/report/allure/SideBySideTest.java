package dev.calque.report.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calque.bilingual.BilingualArticle;
import dev.calque.bilingual.Original;
import dev.calque.check.Checker;
import dev.calque.model.AlignedOriginal;
import dev.calque.model.Article;
import dev.calque.model.ArticleResult;
import dev.calque.model.CheckedArticle;
import dev.calque.model.Finding;
import dev.calque.model.Severity;
import dev.calque.score.MqmScoring;
import dev.calque.score.RunSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Allure article attachment of a paired check: the seed article beside its French version
 * (src/test/resources/articles), checked for real, written by the Allure writer, and read back as HTML.
 */
class SideBySideTest {
    static CheckedArticle seed;
    static String french;

    @TempDir
    Path tmp;

    @BeforeAll
    static void checkTheSeedBesideItsOriginal() throws IOException {
        Path dir = Path.of("src/test/resources/articles");
        String text = Files.readString(dir.resolve("000_5323ff96fa5a9330.txt"), StandardCharsets.UTF_8);
        french = Files.readString(dir.resolve("000_5323ff96fa5a9330.fr.txt"), StandardCharsets.UTF_8);
        Checker checker = Checker.builder().rules(Path.of("rules")).source("fr").build();
        seed = checker.check(BilingualArticle.of(Article.ofText("seed.txt", text), Original.of("seed.fr.txt", "fr", french)),
                Duration.ofMinutes(3));
    }

    /** Writes one article with the Allure writer and returns its attachment, parsed, and the result's attachment name. */
    private Document attachment(CheckedArticle checked) throws IOException {
        Path reports = tmp.resolve("reports");
        ArticleResult r = new ArticleResult(checked, MqmScoring.DEFAULT.score(checked.findings(), checked.words()),
                true, null);
        try (AllureWriter w = new AllureWriter(reports)) {
            w.start(AllureWriterTest.info());
            w.article(r);
            w.finish(new RunSummary(MqmScoring.DEFAULT));
        }
        Path res = reports.resolve("allure-results");
        JsonNode result = AllureWriterTest.results(res).get(0);
        JsonNode att = result.get("attachments").get(0);
        assertThat(att.get("name").asText()).isEqualTo(AllureWriter.PAIRED_ATTACHMENT_NAME);
        return Jsoup.parse(Files.readString(res.resolve(att.get("source").asText()), StandardCharsets.UTF_8));
    }

    @Test
    void oneRowPerAlignmentLinkWithItsTypeAndConfidence() throws IOException {
        Document page = attachment(seed);
        AlignedOriginal original = seed.original();
        assertThat(original).as("the check keeps the alignment for the reports").isNotNull();
        Elements rows = page.select("table.aligned > tbody > tr");
        assertThat(rows).hasSize(original.rows().size());
        for (int i = 0; i < rows.size(); i++) {
            AlignedOriginal.Row link = original.rows().get(i);
            assertThat(rows.get(i).selectFirst("td.link").text())
                    .startsWith(link.link() + " · " + String.format(java.util.Locale.ROOT, "%.2f", link.confidence()));
        }
        // the seed's leftover "source site" has no original: a 0-1 row, empty on the left
        Element last = rows.last();
        assertThat(last.selectFirst("td.link").text()).startsWith("0-1");
        assertThat(last.selectFirst("td.orig").text()).isEqualTo("nothing in the original");
        assertThat(last.selectFirst("td.tran").text()).contains("source site");
        // the split the translation introduced ("talks. January 10 in Geneva.") shows as 1-2
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.selectFirst("td.link").text()).startsWith("1-2");
            assertThat(r.selectFirst("td.tran").text()).contains("January 10 in Geneva.");
            assertThat(r.selectFirst("td.orig").text()).contains("le 10 janvier à Genève");
        });
        // every character of the original is shown once, in order, inside the cells (the labels aside)
        page.select("sup.tag").remove();
        assertThat(String.join("", page.select("td.orig:not(.none)").eachText()).replaceAll("\\s+", ""))
                .isEqualTo(french.replaceAll("\\s+", ""));
    }

    @Test
    void theFlaggedPassageIsMarkedOnBothSides() throws IOException {
        Document page = attachment(seed);
        int n = seed.findings().indexOf(seed.findings().stream()
                .filter(f -> f.rule().equals("FR_NAME_FORM") && f.passage().equals("Poutine")).findFirst().orElseThrow()) + 1;
        Element target = page.getElementById("f" + n);
        Element source = page.getElementById("s" + n);
        assertThat(target).isNotNull();
        assertThat(source).as("an anchor on the original's side").isNotNull();
        Element row = target.closest("tr");
        assertThat(source.closest("tr")).as("both marks in the same row").isEqualTo(row);
        assertThat(target.parent().hasClass("tran")).isTrue();
        assertThat(source.parent().hasClass("orig")).isTrue();
        // right: the finding's passage; left: the original's sentence dashed, the name itself coloured
        assertThat(row.select("td.tran mark.major").eachText()).contains("Poutine");
        assertThat(row.select("td.orig mark.major").eachText()).containsExactly("Poutine");
        assertThat(row.select("td.orig mark").stream().map(Element::wholeText).collect(java.util.stream.Collectors.joining()))
                .startsWith("Selon le Kremlin, Vladimir Poutine");
        assertThat(row.select("td.orig sup.tag a").attr("href")).isEqualTo("#note" + n);
        // the note names the original too
        assertThat(page.getElementById("note" + n).text()).contains("Original: “Selon le Kremlin, Vladimir Poutine");
        // every finding has its anchor on the translation's side, and those naming an original one on its side
        for (int i = 0; i < seed.findings().size(); i++) {
            Finding f = seed.findings().get(i);
            assertThat(page.getElementById("f" + (i + 1))).as("anchor of " + f.rule()).isNotNull();
            if (f.hasSource() && !f.sourcePassage().isEmpty()) {
                assertThat(page.getElementById("s" + (i + 1))).as("original's anchor of " + f.rule()).isNotNull();
            }
        }
    }

    @Test
    void untrustedTextOnEitherSideIsEscaped() throws IOException {
        String target = "The mayor said <script>alert(1)</script> & left.\n\nHe wrote \"<img src=x onerror=alert(2)>\" twice.";
        String source = "Le maire a dit <script>alert(3)</script> & est parti.\n\nIl a écrit « <img src=x onerror=alert(4)> » deux fois.";
        BilingualArticle b = BilingualArticle.of(Article.ofText("hostile.txt", target), Original.of("hostile.fr.txt", "fr", source));
        int at = target.indexOf("<img");
        int srcAt = source.indexOf("Il a");
        Finding f = new Finding("X_RULE", "x", "Accuracy/Mistranslation", Severity.MAJOR, "Bad “<b>” here",
                List.of("<i>x</i>"), at, at + 4, 3, 11, 3, 15, "<img", "He wrote", target.indexOf("He"), Finding.CALQUE)
                .withSource(source.substring(srcAt), srcAt, source.length(), null);
        Document page = attachment(new CheckedArticle(Article.ofText("hostile.txt", target), List.of(f), 16, b.aligned()));
        assertThat(page.select("script, img, i")).isEmpty();
        assertThat(page.select("b").eachText()).containsOnly("Suggestion:"); // the page's own, not the message's
        assertThat(page.getElementById("note1").text()).contains("Bad “<b>” here", "<i>x</i>");
        page.select("sup.tag").remove();
        assertThat(page.select("td.tran").text()).contains("<script>alert(1)</script> & left.", "<img src=x onerror=alert(2)>");
        assertThat(page.select("td.orig").text()).contains("<script>alert(3)</script>", "<img src=x onerror=alert(4)>");
        assertThat(page.select("td.tran mark.major").text()).isEqualTo("<img");
        assertThat(page.select("td.orig mark.aligned").text()).contains("Il a écrit");
    }
}

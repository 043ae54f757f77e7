package dev.calque.ingest;

import dev.calque.model.Article;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Main-text extraction on real pages (src/test/resources/pages) and the character sets of pages. */
class MainTextTest {
    private static final Path PAGES = Path.of("src/test/resources/pages");
    private final DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);

    private Article read(byte[] html, String contentType) throws Exception {
        return reader.read(html, "page.html", "page.html", "page.html", contentType).get(0);
    }

    @Test
    void realPagesKeepTheArticleAndDropTheFurniture() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(PAGES.resolve("expected.json").toFile());
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> page = it.next();
            byte[] html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(PAGES.resolve(page.getKey() + ".html.gz")))) {
                html = in.readAllBytes();
            }
            String text = read(html, null).text().replaceAll("(?U)\\s+", " ");
            for (JsonNode with : page.getValue().get("with")) {
                assertThat(text).as(page.getKey() + " keeps").contains(with.asText());
            }
            for (JsonNode without : page.getValue().get("without")) {
                assertThat(text).as(page.getKey() + " drops").doesNotContain(without.asText());
            }
        }
    }

    @Test
    void headlineOpensTheTextWithoutTheSiteName() throws Exception {
        byte[] html;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(PAGES.resolve("wikimediafoundation.org.turkey.html.gz")))) {
            html = in.readAllBytes();
        }
        Article a = read(html, null);
        String first = a.text().split("\n\n")[0];
        assertThat(first).isEqualTo("Access to Wikipedia restored in Turkey after more than two and a half years");
        assertThat(a.title()).isEqualTo(first);
        assertThat(a.text()).doesNotContain("Wikimedia Foundation\n").doesNotContain("Donate");
    }

    @Test
    void paragraphsStaySeparate() throws Exception {
        String html = "<html><head><title>Storm hits the coast | Daily Site</title></head><body>"
                + "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
                + "<article><h1>Storm hits the coast</h1><p>The storm reached the coast on Monday night, officials said,"
                + " and thousands of homes lost power.</p><h2>Damage</h2><p>Roads were closed, and schools stayed shut,"
                + " according to the regional council.</p><blockquote>“We have never seen anything like it,” a resident said.</blockquote>"
                + "<div class='share-tools'><a href='#'>Share on Facebook</a> <a href='#'>Tweet</a></div></article>"
                + "<footer>© 2026 Daily Site. All rights reserved.</footer></body></html>";
        Article a = read(html.getBytes(StandardCharsets.UTF_8), null);
        assertThat(a.text().split("\n\n")).containsExactly("Storm hits the coast",
                "The storm reached the coast on Monday night, officials said, and thousands of homes lost power.",
                "Damage", "Roads were closed, and schools stayed shut, according to the regional council.",
                "“We have never seen anything like it,” a resident said.");
    }

    @Test
    void aSentenceSetInBoldIsTextAndABoldTitleAtTheEndIsNot() throws Exception {
        // before: a page whose only line was bold ("<body><b><i>" left open, 100,000 deep in a hostile file) was
        // "no text to check", its sentence taken for a subheading and a subheading that heads nothing left out
        String sentence = "The minister said the talks would resume in Geneva next week.";
        for (String open : new String[] {"<b>", "<b><i>", "<b><i>".repeat(1_000)}) {
            assertThat(read(("<html><body>" + open + sentence + "</body></html>").getBytes(StandardCharsets.UTF_8), null)
                    .text()).as(open.length() + " characters of tags").isEqualTo(sentence);
        }
        String page = "<html><body><div>The storm reached the coast on Monday night, officials said, and thousands of"
                + " homes lost power across the region.<br><br><b>Roads were closed and schools stayed shut on Tuesday.</b>"
                + "<br><br><b>More from the region</b></div></body></html>";
        assertThat(read(page.getBytes(StandardCharsets.UTF_8), null).text().split("\n\n")).containsExactly(
                "The storm reached the coast on Monday night, officials said, and thousands of homes lost power across the region.",
                "Roads were closed and schools stayed shut on Tuesday.");
    }

    // ---- character sets ----

    private static final String BODY = "<p>“Great success,” said the café’s owner, Zoë, about the €5 menu: déjà vu.</p>"
            + "<p>The restaurant opened in 1998 and has served the same dishes ever since, to the delight of its regulars.</p>";
    private static final String EXPECTED = "“Great success,” said the café’s owner, Zoë, about the €5 menu: déjà vu.";

    @Test
    void utf8WithoutMetaCharsetIsNotMojibake() throws Exception {
        String html = "<html><head><title>Cafe</title></head><body>" + BODY + "</body></html>";
        assertThat(read(html.getBytes(StandardCharsets.UTF_8), null).text()).contains(EXPECTED).doesNotContain("â€");
    }

    @Test
    void utf8BeatsAWrongHttpHeaderOrMeta() throws Exception {
        String html = "<html><head><meta charset=iso-8859-1><title>Cafe</title></head><body>" + BODY + "</body></html>";
        assertThat(read(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=ISO-8859-1").text()).contains(EXPECTED);
    }

    @Test
    void lateMetaAfterAnInlineStyleIsHonoured() throws Exception {
        String style = "<style>" + "body { margin: 0; padding: 0; font-family: Georgia, serif; }\n".repeat(40) + "</style>";
        String html = "<html><head>" + style + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                + "<title>Cafe</title></head><body>" + BODY + "</body></html>";
        byte[] bytes = html.getBytes(Charset.forName("windows-1252"));
        assertThat(bytes.length).isGreaterThan(1024);
        assertThat(read(bytes, null).text()).contains(EXPECTED);
        assertThat(Charsets.forHtml(bytes, null).source()).isEqualTo(Charsets.Source.META);
    }

    @Test
    void windows1252AndLatin1PagesAreDecoded() throws Exception {
        String html = "<html><head><meta charset=\"windows-1252\"><title>Cafe</title></head><body>" + BODY + "</body></html>";
        assertThat(read(html.getBytes(Charset.forName("windows-1252")), null).text()).contains(EXPECTED);
        String latin = "<html><head><meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'></head><body>"
                + "<p>Le café de la gare a rouvert ses portes à Noël, après des années de travaux, et les habitués sont revenus.</p></body></html>";
        assertThat(read(latin.getBytes(StandardCharsets.ISO_8859_1), null).text()).contains("Le café de la gare a rouvert ses portes à Noël");
    }

    @Test
    void undeclaredLegacyBytesAreDetected() throws Exception {
        String html = "<html><head><title>Cafe</title></head><body>" + BODY + BODY + "</body></html>";
        assertThat(read(html.getBytes(Charset.forName("windows-1252")), null).text()).contains(EXPECTED);
        // the HTTP header names it when the page does not
        assertThat(read(html.getBytes(Charset.forName("windows-1252")), "text/html; charset=windows-1252").text()).contains(EXPECTED);
    }
}

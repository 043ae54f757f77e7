package dev.calque.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calque.model.Article;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HTML and XML in UTF-16, with a byte-order mark and without: the nesting guard sees their tags (a scan of
 * bytes alone saw none, so a page of 50,000 nested divs in UTF-16 went straight to the parser), and their
 * text is decoded as UTF-16, not as UTF-8 full of NULs.
 */
class Utf16MarkupTest {
    private static final String PAGE = "<!DOCTYPE html><html><head><title>Budget vote</title></head><body><article>"
            + "<h1>Budget vote</h1><p>The minister told reporters on Monday that the budget would be voted on before the end"
            + " of the month, according to people close to the matter.</p></article></body></html>";
    private static final String DEEP = "<html><body>" + "<div>".repeat(5000) + "x" + "</div>".repeat(5000) + "</body></html>";

    private final DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);

    private static byte[] encode(String s, String how) {
        return switch (how) {
            case "UTF-16LE with BOM" -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, s.getBytes(StandardCharsets.UTF_16LE));
            case "UTF-16BE with BOM" -> concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, s.getBytes(StandardCharsets.UTF_16BE));
            default -> s.getBytes(Charset.forName(how)); // UTF-16LE, UTF-16BE: no BOM
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static final List<String> ENCODINGS = List.of("UTF-16LE with BOM", "UTF-16BE with BOM", "UTF-16LE", "UTF-16BE");

    @Test
    void theGuardSeesTheTagsOfUtf16Markup() {
        for (String how : ENCODINGS) {
            assertThatThrownBy(() -> MarkupGuard.checkHtml(encode(DEEP, how))).as(how)
                    .isInstanceOf(DocumentReader.Unreadable.class)
                    .hasMessageStartingWith("HTML nested more than 512 levels deep (<div> at character ");
            assertThatThrownBy(() -> reader.read(encode(DEEP, how), "deep.html", "deep.html", "deep.html", null)).as(how)
                    .hasMessageStartingWith("HTML nested more than 512 levels deep");
        }
    }

    @Test
    void anOrdinaryUtf16PageIsNotRefusedAndReadsAsText() throws Exception {
        for (String how : ENCODINGS) {
            MarkupGuard.checkHtml(encode(PAGE, how));
            List<Article> read = reader.read(encode(PAGE, how), "page.html", "page.html", "page.html", null);
            assertThat(read).as(how).hasSize(1);
            assertThat(read.get(0).text()).as(how).contains("The minister told reporters on Monday").doesNotContain("\u0000")
                    .doesNotContain("<p>");
        }
    }

    @Test
    void aUtf16FeedWithoutAByteOrderMarkIsReadAsAFeed() throws Exception {
        String feed = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<rss version=\"2.0\"><channel><title>Wire</title>"
                + "<item><title>Budget vote</title><description>The minister spoke on Monday.</description></item></channel></rss>";
        for (String how : ENCODINGS) {
            byte[] bytes = encode(feed, how);
            assertThat(FeedReader.looksLikeFeed(bytes)).as(how).isTrue();
            List<Article> items = reader.read(bytes, "wire.xml", "wire.xml", "wire.xml", null);
            assertThat(items).as(how).extracting(Article::title).containsExactly("Budget vote");
            assertThat(items.get(0).text()).as(how).isEqualTo("Budget vote\n\nThe minister spoke on Monday.");
        }
    }

    @Test
    void utf8AndLatinPagesAreScannedByteByByteAsBefore() {
        assertThatThrownBy(() -> MarkupGuard.checkHtml(DEEP.getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("HTML nested more than 512 levels deep (<div> at byte 2572)");
    }

    @Test
    void aUtf32DocumentWithItsByteOrderMarkIsReadAsText() throws Exception {
        // 00 00 FE FF and FF FE 00 00 name UTF-32 and nothing else: read decoded, a page as a page, a text as a text
        for (String cs : List.of("UTF-32BE", "UTF-32LE")) {
            byte[] bom = cs.endsWith("BE") ? new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF} : new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0};
            byte[] page = concat(bom, PAGE.getBytes(Charset.forName(cs)));
            assertThat(DocumentReader.refusedByContent(page)).as(cs).isNull();
            List<Article> read = reader.read(page, "page.html", "page.html", "page.html", null);
            assertThat(read).as(cs).hasSize(1);
            assertThat(read.get(0).text()).as(cs).contains("The minister told reporters on Monday").doesNotContain("\u0000")
                    .doesNotContain("<p>").doesNotContain("\uFEFF");
            byte[] text = concat(bom, "The minister spoke on Monday in Geneva.".getBytes(Charset.forName(cs)));
            assertThat(reader.read(text, "note.txt", "note.txt", "note.txt", null).get(0).text()).as(cs)
                    .isEqualTo("The minister spoke on Monday in Geneva.");
        }
    }
}

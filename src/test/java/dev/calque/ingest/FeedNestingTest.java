package dev.calque.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calque.model.Article;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A feed nested past any feed is refused before ROME builds it (100,000 levels overflowed jdom2's recursive
 * writer after 25 s), while real feeds, Atom's own XHTML content and HTML left unclosed in a sloppy feed pass.
 */
class FeedNestingTest {
    private final DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);

    private List<Article> read(String name, String xml) throws Exception {
        return reader.read(xml.getBytes(StandardCharsets.UTF_8), name, name, name, null);
    }

    private static String rss(String description) {
        return "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Wire</title>"
                + "<item><title>Talks resume</title><description>" + description + "</description></item>"
                + "<item><title>Second</title><description>The minister said the talks would resume.</description></item>"
                + "</channel></rss>";
    }

    @Test
    void everyRealFeedOfTheFixturesPassesTheGuard() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/feeds/real"))) {
            for (Path f : files.filter(p -> !p.getFileName().toString().equals("README.md")).toList()) {
                MarkupGuard.checkXml(FeedReader.readable(Files.readString(f, StandardCharsets.ISO_8859_1)));
            }
        }
    }

    @Test
    void aHundredThousandNestedElementsAreRefusedWithTheDepthNamed() {
        String deep = "<x>".repeat(100_000) + "hi" + "</x>".repeat(100_000);
        assertThatThrownBy(() -> read("deep.rss", rss(deep)))
                .isInstanceOf(DocumentReader.Unreadable.class)
                .hasMessageStartingWith("feed nested more than 512 levels deep (<x> at character ")
                .hasMessageEndingWith("which no feed is; not read");
        // outside the items too: ROME reads the whole channel
        String channel = rss("Text.").replace("<title>Wire</title>", "<title>Wire</title>" + deep);
        assertThatThrownBy(() -> read("channel.rss", channel)).hasMessageContaining("nested more than 512 levels");
    }

    @Test
    void atomXhtmlContentNestedAsPagesNestItIsRead() throws Exception {
        String nested = "<div>".repeat(40) + "<p>The minister said on Monday that the talks would resume.</p>" + "</div>".repeat(40);
        List<Article> items = read("x.atom", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>W</title>"
                + "<id>urn:w</id><updated>2026-12-01T00:00:00Z</updated><entry><title>Talks</title><id>urn:t</id>"
                + "<updated>2026-12-01T00:00:00Z</updated><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                + nested + "</div></content></entry></feed>");
        assertThat(items).singleElement().satisfies(a -> assertThat(a.text()).contains("talks would resume"));
    }

    @Test
    void markupInCommentsCdataAndAttributesIsNoElement() throws Exception {
        String cdata = "<![CDATA[" + "<div>".repeat(2_000) + "The minister spoke.]]>";
        String comment = "<!--" + "<x>".repeat(2_000) + "-->";
        List<Article> items = read("c.rss", rss(cdata + comment).replace("<item>", "<item><guid isPermaLink=\"false\" a=\"<x>>\">g</guid>"));
        assertThat(items).hasSize(2);
    }

    @Test
    void htmlLeftUnclosedInASloppyFeedDoesNotAddUp() throws Exception {
        // 600 items each with an unclosed <p> and <b> in its description: not well-formed, read leniently;
        // an end tag closes what it matches, so the unclosed ones do not count past their item
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>");
        for (int i = 0; i < 600; i++) {
            xml.append("<item><title>Item ").append(i).append("</title><description><p><b>The minister said the talks would resume, item ")
                    .append(i).append(".</description></item>");
        }
        xml.append("</channel></rss>");
        MarkupGuard.checkXml(xml.toString());
        assertThat(read("sloppy.rss", xml.toString())).hasSize(600);
    }
}

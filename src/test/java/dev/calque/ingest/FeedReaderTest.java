package dev.calque.ingest;

import dev.calque.model.Article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds as feed readers read them, data files, binary input and the one text limit. */
class FeedReaderTest {
    private static final Path REAL = Path.of("src/test/resources/feeds/real");
    private final DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);

    private List<Article> read(byte[] bytes, String name) throws DocumentReader.Unreadable {
        return reader.read(bytes, name, name, name, null);
    }

    private static String real(String file) throws Exception {
        return Files.readString(REAL.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void realFeedsAreReadItemByItem() throws Exception {
        List<Article> rome = read(real("rome-rss_0.91U.xml").getBytes(StandardCharsets.UTF_8), "rss_0.91U.xml");
        assertThat(rome).extracting(Article::title).containsExactly("rss_0.91U.channel.item[0].title", "rss_0.91U.channel.item[1].title");
        List<Article> spiegel = read(real("feed-rs-spiegel.rss").getBytes(StandardCharsets.UTF_8), "podcast.rss");
        assertThat(spiegel).hasSize(1);
        assertThat(spiegel.get(0).text()).startsWith("07.02. – die Wochenvorschau")
                .contains("Die wichtigsten Nachrichten aus der SPIEGEL-Redaktion.");
        assertThat(spiegel.get(0).metadata()).containsEntry("feed", "SPIEGEL Update – Die Nachrichten");
    }

    /** Every real feed kept in src/test/resources/feeds/real reads, with an article per item that has text. */
    @Test
    void everyRealFeedReads() throws Exception {
        java.util.Map<String, Integer> items = new java.util.TreeMap<>();
        try (var files = Files.list(REAL)) {
            for (Path f : files.filter(p -> !p.toString().endsWith(".md")).toList()) {
                items.put(f.getFileName().toString(), read(Files.readAllBytes(f), f.getFileName().toString()).size());
            }
        }
        java.util.Map<String, Integer> expected = new java.util.TreeMap<>(java.util.Map.of("feed-rs-spiegel.rss", 1,
                "rome-atom_1.0_bray.xml", 2, "rome-dublinCoreTest.xml", 1, "rome-jira_issue1.xml", 2, "rome-rss_0.91U.xml", 2));
        expected.putAll(java.util.Map.of("feed-rs-atom_comments_1.xml", 1, "gofeed-issue_346_root_default_namespace.xml", 2,
                "feedjira-nws-alerts.xml", 1, "node-feedparser-plasmasturm01.atom", 1, "rome-rss_0.91N.xml", 2,
                "feed-rs-atom_scattered.xml", 1, "feedparser-demoronize-1.xml", 1));
        expected.putAll(java.util.Map.of("feed-rs-rss_2.0_iprogrammer.xml", 1, "podcast-feed-parser-replyall-sample-ordering.xml", 3));
        assertThat(items).containsExactlyEntriesOf(expected);
        Article bray = read(Files.readAllBytes(REAL.resolve("rome-atom_1.0_bray.xml")), "bray.atom").get(0);
        assertThat(bray.text()).isEqualTo("Entry1\n\nContent1");
    }

    /** Quirks of real feeds from feed-parser test suites (src/test/resources/feeds/real/README.md), read whole. */
    @Test
    void realFeedsWithTheirQuirksReadAsFeedReadersReadThem() throws Exception {
        // <feed> without the Atom namespace: still Atom, as feedparser and feed-rs read it
        Article rfc = read(Files.readAllBytes(REAL.resolve("feed-rs-atom_comments_1.xml")), "atom.xml").get(0);
        assertThat(rfc.title()).isEqualTo("Atom draft-07 snapshot");
        assertThat(rfc.text()).contains("[Update: The Atom draft is finished.]");
        // <rss xmlns="..."> hides every element from an RSS parser unless the default namespace goes
        List<Article> suspilne = read(Files.readAllBytes(REAL.resolve("gofeed-issue_346_root_default_namespace.xml")), "ukrnet.rss");
        assertThat(suspilne).extracting(Article::title).containsExactly(
                "Торгівля між Росією та Китаєм у 2023 році перевищила 200 млрд доларів — New York Times",
                "У Гаазі проходить масштабна конференція");
        assertThat(suspilne.get(0).text()).endsWith("Торгівля між РФ та КНР перевищила 200 млрд доларів за 2023 рік.");
        // comment before the root, spaces around '=' in xmlns, standalone="yes"
        Article nws = read(Files.readAllBytes(REAL.resolve("feedjira-nws-alerts.xml")), "alerts.atom").get(0);
        assertThat(nws.text()).contains("WINTER WEATHER ADVISORY IN EFFECT FROM 7 PM THIS EVENING");
        // Atom under a prefix, XHTML as the default namespace, no declaration
        Article plasma = read(Files.readAllBytes(REAL.resolve("node-feedparser-plasmasturm01.atom")), "p.atom").get(0);
        assertThat(plasma.text()).contains("Baz");
        // a Windows-1252 byte where no encoding is declared reads as the typographic apostrophe, not U+FFFD
        Article moron = read(Files.readAllBytes(REAL.resolve("feedparser-demoronize-1.xml")), "d.xml").get(0);
        assertThat(moron.text()).isEqualTo("don\u2019t");
    }

    private static final Path SUITES = Path.of("src/test/resources/feeds/suites");

    /** What real feeds get wrong and feed readers forgive (round three; feeds/real/README.md names each file). */
    @Test
    void feedReadersForgiveBareAmpersandsEmptyVersionsAndPaddedNamespaces() throws Exception {
        // I Programmer (FeedCreator): <rss version="">, a bare & in an attribute, comment before the root
        List<Article> ip = read(Files.readAllBytes(REAL.resolve("feed-rs-rss_2.0_iprogrammer.xml")), "iprogrammer.rss");
        assertThat(ip).extracting(Article::title).containsExactly("MotionDisco For Extreme LocoManipulation");
        assertThat(ip.get(0).metadata()).containsEntry("feed", "I Programmer - full contents");
        // an RSS version no parser knows is read as 2.0
        String spiegel = real("feed-rs-spiegel.rss");
        assertThat(spiegel).contains("version=\"2.0\"");
        assertThat(read(spiegel.replace("version=\"2.0\"", "version=\"2.01\"").getBytes(StandardCharsets.UTF_8), "v.rss"))
                .extracting(Article::text).containsExactlyElementsOf(read(spiegel.getBytes(StandardCharsets.UTF_8), "s.rss").stream().map(Article::text).toList());
        // bare & in text and attributes becomes &amp;; inside CDATA an & stays the one character it is
        String amp = spiegel.replace("<title>SPIEGEL Update", "<title>Q&A SPIEGEL Update");
        assertThat(amp).isNotEqualTo(spiegel);
        assertThat(read(amp.getBytes(StandardCharsets.UTF_8), "amp.rss").get(0).metadata()).containsEntry("feed", "Q&A SPIEGEL Update – Die Nachrichten");
        assertThat(FeedReader.bareAmpersands("<a href=\"?a=1&b=2\">R&amp;D &#233; &#x4e2d; &nbsp; <![CDATA[x && y &amp;]]> & z</a>"))
                .isEqualTo("<a href=\"?a=1&amp;b=2\">R&amp;D &#233; &#x4e2d; &nbsp; <![CDATA[x && y &amp;]]> &amp; z</a>");
        // namespace URIs with white space around them: the Atom namespace padded still makes an Atom feed
        String bray = real("rome-atom_1.0_bray.xml");
        String padded = bray.replace("xmlns='http://www.w3.org/2005/Atom'", "xmlns=' http://www.w3.org/2005/Atom  '");
        assertThat(padded).isNotEqualTo(bray);
        assertThat(read(padded.getBytes(StandardCharsets.UTF_8), "padded.atom")).extracting(Article::text)
                .containsExactly("Entry1\n\nContent1", read(bray.getBytes(StandardCharsets.UTF_8), "b.atom").get(1).text());
        // an Atom <link rel="self"> without href (ROME refused the whole feed finding its base URI from it)
        String hrefless = bray.replace("<link rel='self' href='' />", "<link rel=\"self\"></link>");
        assertThat(hrefless).isNotEqualTo(bray);
        assertThat(read(hrefless.getBytes(StandardCharsets.UTF_8), "self.atom")).extracting(Article::title).containsExactly("Entry1", "Entry2");
        // gofeed issue 309: padded itunes and custom namespaces, a channel without items: said so, not refused
        assertThatThrownBy(() -> read(Files.readAllBytes(SUITES.resolve("gofeed-issue_309_namespace_whitespace.xml")), "309.rss"))
                .hasMessage("the feed has no items with text");
    }

    /** Feeds that are not well-formed, read as feedparser's loose parser reads them (the strict reading is tried first). */
    @Test
    void tagSoupFeedsAreReadLeniently() throws Exception {
        String spiegel = real("feed-rs-spiegel.rss");
        List<String> texts = read(spiegel.getBytes(StandardCharsets.UTF_8), "s.rss").stream().map(Article::text).toList();
        String[] broken = {
            "<br />\n<b>Warning</b>:  Undefined variable $x in <b>/var/www/feed.php</b> on line <b>12</b><br />\n" + spiegel, // PHP warning first
            spiegel + "\n<!-- 0.2 s -->\n<script>var x = 1;</script>\n",                      // junk after the root
            spiegel.replace("</rss>", "</rss>\n</rss>"),                                             // a second end tag
            spiegel.replace("die Wochenvorschau", "die \u000bWochenvorschau\u001a"),                // control characters
        };
        for (String b : broken) {
            assertThat(read(b.getBytes(StandardCharsets.UTF_8), "broken.rss")).extracting(Article::text).containsExactlyElementsOf(texts);
        }
        // HTML written unescaped in a description: open <br>, <p> and <img>, a stray end tag; an entity XML does not know
        String soup = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><br><img src=\"logo.png\">" // outside any text
                + "<item><title>Storm</title><description>The storm reached the coast.<br>Thousands <b>lost</i> power.<p>Rain<img src=\"x.jpg\"></description></item>"
                + "<item><title>Caf&eacute; &customthing;</title><description>Rain&nbsp;tonight &mdash; and more.</description></item></channel></rss>";
        List<Article> items = read(soup.getBytes(StandardCharsets.UTF_8), "soup.rss");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).text()).startsWith("Storm\n\nThe storm reached the coast.\n\nThousands lost power.")
                .endsWith("Rain").doesNotContain("<").doesNotContain("CDATA");
        assertThat(items.get(1).text()).isEqualTo("Café &customthing;\n\nRain\u00a0tonight — and more.");
        // a feed cut short is said to be so; a broken start tag, or no channel, is still no feed
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><item><title>Storm</title><description>Rain tonight."
                .getBytes(StandardCharsets.UTF_8), "cut.rss")).hasMessage("not a readable RSS or Atom feed: it ends before its <rss> is closed (cut short)");
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"<channel><item><title>x</title></item></channel></rss>"
                .getBytes(StandardCharsets.UTF_8), "tag.rss")).hasMessageStartingWith("not a readable RSS or Atom feed: the XML is not well-formed (line 2");
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><item><title>x</item></rss>"
                .getBytes(StandardCharsets.UTF_8), "nochannel.rss")).hasMessageStartingWith("not a readable RSS or Atom feed: the XML is not well-formed (line 2");
    }

    @Test
    void markupInTitlesAndEntitiesInBodiesAreReadAsTheTextTheyShow() throws Exception {
        // <title><p>Item Title</p></title>: naked markup is the title's text (an RSS parser read it as empty)
        List<Article> naked = read(Files.readAllBytes(SUITES.resolve("gofeed-rss_channel_item_title_naked_markup.xml")), "n.rss");
        assertThat(naked).extracting(Article::title).containsExactly("Item Title");
        // HTML escaped into a title reads as its text, and a title inside an item's CDATA body is left alone
        String feed = "<rss version=\"2.0\"><channel><item><title>Storm &lt;b&gt;hits&lt;/b&gt; the coast</title>"
                + "<description><![CDATA[<html><head><title><b>Page</b></title></head><body><p>Rain tonight.</p></body></html>]]></description>"
                + "</item></channel></rss>";
        Article storm = read(feed.getBytes(StandardCharsets.UTF_8), "t.rss").get(0);
        assertThat(storm.title()).isEqualTo("Storm hits the coast");
        assertThat(storm.text()).startsWith("Storm hits the coast\n\n").endsWith("Rain tonight.").doesNotContain("CDATA").doesNotContain("]]>");
        // a real podcast feed escaping its entities once more than needed (&amp;amp; &amp;nbsp;): the characters
        List<Article> reply = read(Files.readAllBytes(REAL.resolve("podcast-feed-parser-replyall-sample-ordering.xml")), "reply.rss");
        assertThat(reply.get(1).text()).contains("the secret & disgusting medical internet").doesNotContain("&amp;").doesNotContain("&nbsp;");
    }

    @Test
    void aJsonFeedWhoseVersionIsNotAUrlIsStillAJsonFeed() throws Exception {
        // gofeed's JSON Feed fixture says "version": "1.0": read by its shape (items with content_html), as gofeed reads it
        List<Article> items = read(Files.readAllBytes(SUITES.resolve("gofeed-version_json_10.json")), "feed.json");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).title()).isEqualTo("title");
        assertThat(items.get(0).text()).isEqualTo("title\n\ncontent_html");
        // content_text is plain text: a '<' in it is a character
        String text = "{\"version\": \"1.1\", \"items\": [{\"id\": \"1\", \"content_text\": \"Prices rose <2% in May.\"}]}";
        assertThat(read(text.getBytes(StandardCharsets.UTF_8), "t.json").get(0).text()).isEqualTo("Prices rose <2% in May.");
        // JSON with items but no JSON Feed bodies stays data
        assertThatThrownBy(() -> read("{\"items\": [{\"id\": 1, \"name\": \"x\"}]}".getBytes(StandardCharsets.UTF_8), "data.json"))
                .isInstanceOf(DocumentReader.NotADocument.class);
    }

    @Test
    void whiteSpaceAndByteOrderMarksBeforeTheDeclarationAreAccepted() throws Exception {
        String feed = real("feed-rs-spiegel.rss");
        assertThat(read(("\n\n  " + feed).getBytes(StandardCharsets.UTF_8), "a.rss")).hasSize(1);
        assertThat(read(("\uFEFF\r\n" + feed).getBytes(StandardCharsets.UTF_8), "b.xml")).hasSize(1);
        assertThat(read(("\r\n" + feed).getBytes(StandardCharsets.UTF_8), "feed")).hasSize(1);
    }

    @Test
    void netscapeDoctypeIsAcceptedAndNeverLoaded() throws Exception {
        String feed = real("rome-rss_0.91U.xml").replace("<rss version=\"0.91\">",
                "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"\n"
                        + " \"http://127.0.0.1:9/rss-0.91.dtd\">\n<rss version=\"0.91\">")
                .replace("item[0].description", "item[0].description&nbsp;&eacute;t&eacute;");
        List<Article> items = read(feed.getBytes(StandardCharsets.UTF_8), "netscape.rss");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).text()).contains("été"); // the DTD's HTML entities, as feed readers read them
    }

    @Test
    void undeclaredNamespacePrefixesAreTolerated() throws Exception {
        String feed = real("feed-rs-spiegel.rss").replaceAll(" xmlns:(itunes|content|omny)=\"[^\"]*\"", "");
        List<Article> items = read(feed.getBytes(StandardCharsets.UTF_8), "podcast.rss");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).text()).contains("Die wichtigsten Nachrichten aus der SPIEGEL-Redaktion.");
    }

    private static byte[] undeclared(String title, String body, String charset) {
        String feed = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>" + title + "</title>"
                + "<item><title>" + title + "</title><description>" + body + "</description></item>"
                + "<item><title>" + title + " 2</title><description>" + body + " " + body + "</description></item></channel></rss>";
        return feed.getBytes(Charset.forName(charset));
    }

    @Test
    void undeclaredEncodingsAreDetected() throws Exception {
        String[][] cases = {
            {"KOI8-R", "Новости дня", "Правительство объявило в понедельник о новых мерах поддержки для малого бизнеса и семей с детьми, сообщили в министерстве финансов."},
            {"windows-1255", "חדשות היום", "הממשלה הודיעה ביום שני על צעדים חדשים לתמיכה בעסקים קטנים ובמשפחות עם ילדים, כך נמסר ממשרד האוצר."},
            {"Shift_JIS", "今日のニュース", "政府は月曜日、中小企業と子育て世帯を支援する新たな対策を発表したと財務省が明らかにした。関係者によると、対策は来月から実施される予定だという。"},
            {"Big5", "今日新聞", "政府週一宣布支持中小企業和有子女家庭的新措施，財政部表示，這些措施將於下個月開始實施，相關官員說明了細節。"},
        };
        for (String[] c : cases) {
            List<Article> items = read(undeclared(c[1], c[2], c[0]), "feed-" + c[0] + ".rss");
            assertThat(items).as(c[0]).hasSize(2);
            assertThat(items.get(0).text()).as(c[0]).contains(c[2]);
        }
    }

    @Test
    void aDocumentThatIsNotAFeedGetsAPlainReason() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><rss version=\"2.0\"><item><title>x</title></item></rss>"
                .getBytes(StandardCharsets.UTF_8), "nochannel.rss"))
                .hasMessage("not a readable RSS or Atom feed: the <rss> document has no <channel>");
        assertThatThrownBy(() -> read(("<!--\nDescription: RSS version 0.90\n-->\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                + " xmlns=\"http://my.netscape.com/rdf/simple/0.9/\">\n</rdf:RDF>\n").getBytes(StandardCharsets.UTF_8), "empty.rdf"))
                .hasMessage("not a readable RSS or Atom feed: the <rdf:RDF> document has no <channel>");
        assertThatThrownBy(() -> read(("<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                + " xmlns=\"http://purl.org/rss/1.0/\">\n</rdf:RDF>\n").getBytes(StandardCharsets.UTF_8), "empty10.rdf"))
                .hasMessage("not a readable RSS or Atom feed: the <rdf:RDF> document has no <channel>");
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"<channel><item><title>x</title></item></channel></rss>"
                .getBytes(StandardCharsets.UTF_8), "broken.rss"))
                .hasMessageStartingWith("not a readable RSS or Atom feed: the XML is not well-formed (line 2")
                .message().doesNotContain("Exception").doesNotContain("must be terminated");
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<catalog><book id=\"1\"><title>Data</title></book></catalog>"
                .getBytes(StandardCharsets.UTF_8), "books.xml"))
                .isInstanceOf(DocumentReader.NotADocument.class).hasMessageStartingWith("XML data");
    }

    @Test
    void jsonFeedsAreReadItemByItem() throws Exception {
        String v11 = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Wire\", \"items\": ["
                + "{\"id\": \"1\", \"url\": \"https://example.org/1\", \"title\": \"Storm hits the coast\","
                + " \"content_html\": \"<p>The storm reached the coast on Monday.</p><p>Thousands lost power.</p>\","
                + " \"date_published\": \"2026-11-30T10:00:00Z\", \"authors\": [{\"name\": \"A. Reporter\"}]},"
                + "{\"id\": \"2\", \"title\": \"Markets\", \"content_text\": \"Shares rose.\\n\\nBonds fell.\"}]}";
        List<Article> items = read(v11.getBytes(StandardCharsets.UTF_8), "feed.json");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).text()).isEqualTo("Storm hits the coast\n\nThe storm reached the coast on Monday.\n\nThousands lost power.");
        assertThat(items.get(0).metadata()).containsEntry("author", "A. Reporter").containsEntry("link", "https://example.org/1");
        assertThat(items.get(1).text()).isEqualTo("Markets\n\nShares rose.\n\nBonds fell.");
        String v10 = "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [{\"id\": \"a\", \"summary\": \"Rain is expected tonight.\","
                + " \"author\": {\"name\": \"Desk\"}}]}";
        assertThat(read(v10.getBytes(StandardCharsets.UTF_8), "feed.json").get(0).metadata()).containsEntry("author", "Desk");
        // nesting past the JSON reader's limit is said as depth, as the XML and HTML readers say it, not as malformed
        String deep = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"content_text\": \"Hi.\", \"x\": "
                + "[".repeat(5_000) + "]".repeat(5_000) + "}]}";
        assertThatThrownBy(() -> read(deep.getBytes(StandardCharsets.UTF_8), "deep.json"))
                .isInstanceOf(DocumentReader.Unreadable.class).hasMessageMatching("not a readable JSON Feed: nested more than \\d+ levels deep.*");
    }

    @Test
    void dataFilesInAFolderAreSkippedWithANote(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("story.txt"), "The storm reached the coast on Monday night.");
        Files.writeString(dir.resolve("manifest.json"), "{\"files\": [\"story.txt\"], \"lang\": \"en\"}");
        Files.writeString(dir.resolve("books.xml"), "<?xml version=\"1.0\"?><catalog><book/></catalog>");
        List<String> got = new ArrayList<>();
        new Inputs(IngestLimits.DEFAULT, new ByteArrayInputStream(new byte[0]), s -> false).read(List.of(dir.toString()), new ArticleSink() {
            public void article(Article a) { got.add("article " + Path.of(a.source()).getFileName()); }
            public void problem(InputProblem p) { got.add("problem " + p.oneLine()); }
            public void note(String source, String message) { got.add("note " + Path.of(source).getFileName() + ": " + message); }
        });
        assertThat(got).containsExactly("note books.xml: skipped: XML data (application/xml), not an article, a document or a feed",
                "note manifest.json: skipped: JSON data (application/json), not an article, a document or a feed",
                "article story.txt");
    }

    @Test
    void binaryContentIsRefusedWhateverItsName() throws Exception {
        byte[] junk = new byte[300_000];
        new Random(13).nextBytes(junk);
        for (String name : new String[] {"notes.txt", "story.md", "stdin.txt", "page.html", "data"}) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> read(junk, name)).as(name).isInstanceOf(DocumentReader.Unreadable.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as(name).isLessThan(Duration.ofSeconds(5));
        }
    }

    /**
     * A page whose header or {@code <meta>} says UTF-8 over bytes that are Windows-1252 (a real French page,
     * the Debian Reference's preface, re-encoded with its UTF-8 meta kept): read by detection, not as U+FFFD.
     */
    @Test
    void aUtf8DeclarationOverWindows1252BytesIsPassedOverForDetection() throws Exception {
        byte[] gz = Files.readAllBytes(Path.of("src/test/resources/pages/debian-reference.pr01.fr.html.gz"));
        String page = new String(new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(page).contains("charset=UTF-8").contains("é");
        String utf8 = reader.read(page.getBytes(StandardCharsets.UTF_8), "p.html", "p.html", "p.html", null).get(0).text();
        byte[] cp1252 = page.getBytes(Charset.forName("windows-1252"));
        String fromMeta = reader.read(cp1252, "p.html", "p.html", "p.html", null).get(0).text();
        String fromHeader = reader.read(cp1252, "p.html", "p.html", "p.html", "text/html; charset=utf-8").get(0).text();
        assertThat(utf8).contains("é").doesNotContain("\uFFFD");
        assertThat(fromMeta).isEqualTo(utf8);
        assertThat(fromHeader).isEqualTo(utf8);
        // the declaration still decides when the bytes are what it says (ASCII is UTF-8 and Windows-1252 alike)
        assertThat(Charsets.forHtml(page.getBytes(StandardCharsets.UTF_8), null).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Charsets.forHtml("<meta charset=utf-8><p>plain</p>".getBytes(StandardCharsets.US_ASCII), null).source()).isEqualTo(Charsets.Source.META);
    }

    /** A damaged office document or EPUB is named with what is damaged, never with a library's own words. */
    @Test
    void damagedDocumentsGetAPlainReason() throws Exception {
        java.io.ByteArrayOutputStream docx = new java.io.ByteArrayOutputStream();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
            for (int i = 0; i < 40; i++) doc.createParagraph().createRun().setText("The storm reached the coast on Monday night. " + i);
            doc.write(docx);
        }
        byte[] good = docx.toByteArray();
        assertThat(read(good, "good.docx").get(0).text()).contains("The storm reached the coast on Monday night. 39");
        byte[] corrupt = good.clone();
        for (int i = corrupt.length / 3; i < corrupt.length / 3 + 400; i++) corrupt[i] ^= 0x5A;
        byte[] cut = java.util.Arrays.copyOf(good, good.length / 2);
        java.io.ByteArrayOutputStream epub = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(epub)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("mimetype"));
            zip.write("application/epub+zip".getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/container.xml"));
            zip.write(("<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
                    + "<rootfiles><rootfile full-path=\"c.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("c.opf"));
            zip.write(("<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"2.0\" unique-identifier=\"id\">"
                    + "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Storm</dc:title><dc:identifier id=\"id\">x</dc:identifier></metadata>"
                    + "<manifest><item id=\"c\" href=\"c.xhtml\" media-type=\"application/xhtml+xml\"/></manifest><spine><itemref idref=\"c\"/></spine></package>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("c.xhtml"));
            zip.write(("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>" + "<p>The storm reached the coast.</p>".repeat(100) + "</body></html>").getBytes(StandardCharsets.UTF_8));
        }
        byte[] epubCut = java.util.Arrays.copyOf(epub.toByteArray(), epub.size() * 2 / 3);
        Object[][] cases = {
            {corrupt, "corrupt.docx", "cannot read this DOCX file: its zip container is cut short or corrupt"},
            {cut, "cut.docx", "cannot read this DOCX file: its zip container is cut short or corrupt"},
            {epubCut, "cut.epub", "cannot read this EPUB file: its zip container is cut short or corrupt"},
        };
        for (Object[] c : cases) {
            assertThatThrownBy(() -> read((byte[]) c[0], (String) c[1])).as((String) c[1])
                    .isInstanceOf(DocumentReader.Unreadable.class).hasMessage((String) c[2]);
        }
        assertThat(read(epub.toByteArray(), "whole.epub").get(0).text()).contains("The storm reached the coast.");
    }

    private List<Object> readAll(IngestLimits limits, byte[] stdin) {
        List<Object> got = new ArrayList<>();
        new Inputs(limits, new ByteArrayInputStream(stdin), s -> false).read(List.of("-"), new ArticleSink() {
            public void article(Article a) { got.add(a); }
            public void problem(InputProblem p) { got.add(p); }
        });
        return got;
    }

    @Test
    void feedItemsAreCutToTheTextLimitOnceEach() {
        IngestLimits limits = new IngestLimits(64L << 20, 5_000, Duration.ofSeconds(5));
        String huge = "The storm reached the coast on Monday night, officials said. ".repeat(40_000); // 2.4 M characters
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>"
                + "<item><title>Long</title><guid>1</guid><description>" + huge + "</description></item>"
                + "<item><title>Short</title><guid>2</guid><description>Rain tonight.</description></item>"
                + "<item><title>Html</title><guid>3</guid><description><![CDATA[<p>" + huge + "</p>]]></description></item></channel></rss>";
        List<Object> got = readAll(limits, feed.getBytes(StandardCharsets.UTF_8));
        assertThat(got).hasSize(5);
        Article first = (Article) got.get(0);
        assertThat(first.text().length()).isLessThanOrEqualTo(5_000).isGreaterThan(4_500);
        // the item is reported with its real size, not the size of the part that was read
        assertThat(((InputProblem) got.get(1)).oneLine()).startsWith("stdin#1: " + String.format(java.util.Locale.ROOT, "%,d", huge.length())
                        + " characters in its body, markup included, over the limit of 5,000").contains("--max-text-chars");
        assertThat(((Article) got.get(2)).text()).isEqualTo("Short\n\nRain tonight.");
        assertThat(((Article) got.get(3)).text().length()).isLessThanOrEqualTo(5_000);
        assertThat(((InputProblem) got.get(4)).source()).isEqualTo("stdin#3");
    }

    /** A body cut before it is read loses its end even when the text read is short: that is said too. */
    @Test
    void anItemOfMarkupPastTheLimitIsReportedAsCut() {
        IngestLimits limits = new IngestLimits(64L << 20, 5_000, Duration.ofSeconds(5));
        String markup = "<span class=\"x\"></span>".repeat(2_000); // 46,000 characters, no text
        String feed = "<rss version=\"2.0\"><channel><item><title>Markup</title><guid>1</guid><description><![CDATA[<p>Head.</p>"
                + markup + "<p>Tail text.</p>]]></description></item></channel></rss>";
        List<Object> got = readAll(limits, feed.getBytes(StandardCharsets.UTF_8));
        assertThat(got).hasSize(2);
        assertThat(((Article) got.get(0)).text()).isEqualTo("Markup\n\nHead.");
        assertThat(((Article) got.get(0)).metadata()).doesNotContainKey(FeedReader.CUT_FROM);
        assertThat(((InputProblem) got.get(1)).oneLine()).startsWith("stdin#1: 46,029 characters in its body, markup included, over the limit of 5,000");
    }

    @Test
    void aHugePlainItemDoesNotStallTheRun() {
        String item = "word ".repeat(4_000_000); // 20 MB, no markup
        String feed = "<rss version=\"2.0\"><channel><item><title>Big</title><description>" + item + "</description></item></channel></rss>";
        long t0 = System.nanoTime();
        List<Object> got = readAll(IngestLimits.DEFAULT, feed.getBytes(StandardCharsets.UTF_8));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
        assertThat(((Article) got.get(0)).text().length()).isLessThanOrEqualTo(IngestLimits.DEFAULT.maxTextChars());
        assertThat(got.get(1)).isInstanceOf(InputProblem.class);
    }
}

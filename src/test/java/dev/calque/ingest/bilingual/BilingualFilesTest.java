package dev.calque.ingest.bilingual;

import dev.calque.model.BilingualFile;
import dev.calque.model.BilingualFormat;
import dev.calque.model.BilingualSegment;
import dev.calque.model.InlineCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calque.model.Article;
import dev.calque.ingest.DocumentReader;
import dev.calque.ingest.IngestLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real bilingual files in, the article Calque checks out. */
class BilingualFilesTest {
    private static final Path DIR = Path.of("src/test/resources/bilingual");
    private final DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);

    private Article read(String file) throws Exception {
        Path p = DIR.resolve(file);
        List<Article> articles = reader.read(Files.readAllBytes(p), file, p.toString(), p.toString(), null);
        assertThat(articles).hasSize(1);
        return articles.get(0);
    }

    private static List<String> seedParagraphs() throws IOException {
        return dev.calque.ingest.Fixtures.seedParagraphs();
    }

    @Test
    void xliff2_seed_gives_the_english_paragraphs_and_the_languages_of_the_file() throws Exception {
        Article a = read("seed.fr-en.xlf");
        List<String> en = seedParagraphs();
        assertThat(a.text()).isEqualTo(String.join("\n\n", en.subList(0, 11)));
        assertThat(a.metadata()).containsEntry("srcLang", "fr-FR").containsEntry("trgLang", "en-US");
        BilingualFile f = a.bilingual();
        assertThat(f.format()).isEqualTo(BilingualFormat.XLIFF_2);
        assertThat(f.segments()).extracting(BilingualSegment::id).startsWith("p1#s1", "p2#s1");
        assertThat(f.segments().get(0).source()).startsWith("Joe Biden et Vladimir Poutine");
        // the codes are out of the text and kept beside it
        BilingualSegment psaki = f.segments().stream().filter(s -> s.target().contains("Jen Psaki")).findFirst().orElseThrow();
        assertThat(psaki.target()).doesNotContain("<pc").contains("spokeswoman Jen Psaki said");
        assertThat(psaki.targetCodes()).extracting(InlineCode::kind)
                .containsExactly(InlineCode.Kind.OPENING, InlineCode.Kind.CLOSING);
        assertThat(psaki.targetCodes().get(0).display()).isEqualTo("<a href=\"https://www.whitehouse.gov/\">");
        assertThat(psaki.sourceCodes()).hasSize(2);
        // an offset of the text finds its segment
        int at = a.text().indexOf("Poutine said");
        assertThat(f.segments().get(f.segmentAt(at)).id()).isEqualTo("p3#s1");
    }

    @Test
    void xliff12_from_okapi_keeps_ids_codes_and_lists_units_without_target() throws Exception {
        Article a = read("okapi-RB-12-Test02.xlf");
        BilingualFile f = a.bilingual();
        assertThat(f.format()).isEqualTo(BilingualFormat.XLIFF_1);
        assertThat(f.srcLang()).isEqualTo("en");
        assertThat(f.trgLang()).isEqualTo("fr");
        assertThat(f.segments()).extracting(BilingualSegment::id).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(f.skipped()).containsExactly("11", "11withWarning");
        BilingualSegment four = f.segments().get(3);
        assertThat(four.target()).isEqualTo("Text with code and bold.");
        assertThat(four.targetCodes()).extracting(InlineCode::key)
                .containsExactly("OPENING:1", "CLOSING:1", "OPENING:2", "CLOSING:2");
        assertThat(f.segments().get(5).targetCodes()).extracting(InlineCode::kind).containsExactly(InlineCode.Kind.STANDALONE);
        assertThat(a.text()).startsWith("Text attribute\n\nParagraph.\n\nParagraph 2\n\nText with code and bold.");
    }

    @Test
    void tmx_from_okapi_reads_languages_from_header_and_tuvs() throws Exception {
        Article a = read("okapi-tmxtest-attributes.tmx");
        BilingualFile f = a.bilingual();
        assertThat(f.format()).isEqualTo(BilingualFormat.TMX);
        assertThat(f.srcLang()).isEqualToIgnoringCase("en-us");
        assertThat(f.trgLang()).isEqualToIgnoringCase("fr-fr");
        assertThat(f.segments()).hasSize(9);
        assertThat(f.segments().get(0).target()).isEqualTo("Test charactères: &=amp, <=lt, '=apos, \"=quot");
        BilingualSegment last = f.segments().get(8);
        assertThat(last.target()).isEqualTo("Fermer l'application.");
        assertThat(last.source()).isEqualTo("Close the application.");
        assertThat(last.targetCodes()).extracting(InlineCode::kind)
                .containsExactly(InlineCode.Kind.OPENING, InlineCode.Kind.CLOSING);
    }

    @Test
    void tmx_and_tsv_of_the_seed_give_the_same_text_as_the_xliff() throws Exception {
        String xliff = read("seed.fr-en.xlf").text();
        Article tmx = read("seed.fr-en.tmx");
        Article tsv = read("seed.fr-en.tsv");
        assertThat(tmx.text()).isEqualTo(xliff);
        assertThat(tsv.text()).isEqualTo(xliff);
        assertThat(tmx.bilingual().segments()).extracting(BilingualSegment::id).startsWith("p1", "p2");
        assertThat(tsv.bilingual().segments()).extracting(BilingualSegment::id).startsWith("1", "2");
        assertThat(tsv.bilingual().srcLang()).isNull(); // bitext says nothing: --from and --lang decide
    }

    @Test
    void a_news_article_with_a_tab_is_not_taken_for_bitext() throws Exception {
        byte[] text = "A headline\n\nA first paragraph\twith a stray tab.\n\nAnd a second one.\n".getBytes(StandardCharsets.UTF_8);
        assertThat(BilingualSniffer.sniff(text, "story.txt")).isNull();
        assertThat(reader.read(text, "story.txt", "story.txt", "story.txt", null).get(0).bilingual()).isNull();
    }

    @Test
    void no_external_entity_or_dtd_is_opened(@TempDir Path tmp) throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(200);
            Thread listener = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        connections.incrementAndGet();
                    } catch (SocketTimeoutException again) {
                        // keep listening
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            listener.setDaemon(true);
            listener.start();
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/";
            String doctype = "<!DOCTYPE xliff [<!ENTITY file SYSTEM \"" + secret.toUri() + "\">"
                    + "<!ENTITY web SYSTEM \"" + url + "entity\"><!ENTITY % dtd SYSTEM \"" + url + "dtd\"> %dtd;]>";
            String x12 = "<?xml version=\"1.0\"?>" + doctype
                    + "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file source-language=\"fr\""
                    + " target-language=\"en\" datatype=\"plaintext\" original=\"a\"><body><trans-unit id=\"1\">"
                    + "<source>Bonjour</source><target>Hello &file; &web;</target></trans-unit></body></file></xliff>";
            String x2 = "<?xml version=\"1.0\"?>" + doctype
                    + "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"fr\" trgLang=\"en\">"
                    + "<file id=\"f\"><unit id=\"u\"><segment><source>Bonjour</source><target>Hello &file; &web;</target>"
                    + "</segment></unit></file></xliff>";
            String tmx = "<?xml version=\"1.0\"?>" + doctype.replace("xliff", "tmx")
                    + "<tmx version=\"1.4\"><header srclang=\"fr\" segtype=\"sentence\" datatype=\"plaintext\" adminlang=\"en\""
                    + " creationtool=\"t\" creationtoolversion=\"1\" o-tmf=\"t\"/><body><tu><tuv xml:lang=\"fr\"><seg>Bonjour</seg>"
                    + "</tuv><tuv xml:lang=\"en\"><seg>Hello &file; &web;</seg></tuv></tu></body></tmx>";
            for (String[] doc : new String[][] {{"a.xlf", x12}, {"b.xlf", x2}, {"c.tmx", tmx}}) {
                String text;
                try {
                    text = reader.read(doc[1].getBytes(StandardCharsets.UTF_8), doc[0], doc[0], doc[0], null).get(0).text();
                } catch (DocumentReader.Unreadable refused) {
                    text = refused.getMessage();
                }
                assertThat(text).as(doc[0]).doesNotContain("TOP-SECRET");
            }
            Thread.sleep(300);
            assertThat(connections.get()).as("connections to the loopback entity server").isZero();
        }
    }

    @Test
    void a_broken_xliff_is_one_clear_error() {
        byte[] broken = ("<?xml version=\"1.0\"?><xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\""
                + " srcLang=\"fr\" trgLang=\"en\"><file id=\"f\"><unit id=\"u\"><segment><source>Bonjour</source>"
                + "<target>Hello</segment></unit></file></xliff>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.read(broken, "broken.xlf", "broken.xlf", "broken.xlf", null))
                .isInstanceOf(DocumentReader.Unreadable.class)
                .hasMessageStartingWith("cannot read this XLIFF 2 file: ");
    }

    @Test
    void xliff12_bx_ex_and_tmx_ph_codes_are_read_with_their_kind_and_place() throws Exception {
        String x12 = "<?xml version=\"1.0\"?><xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"
                + "<file source-language=\"fr\" target-language=\"en\" datatype=\"html\" original=\"a.html\"><body>"
                + "<trans-unit id=\"t1\"><source>Le <bx id=\"1\"/>président<ex id=\"2\" rid=\"1\"/> a dit<x id=\"3\"/>.</source>"
                + "<target>The <bx id=\"1\"/>president<ex id=\"2\" rid=\"1\"/> said.</target></trans-unit></body></file></xliff>";
        BilingualSegment s = reader.read(x12.getBytes(StandardCharsets.UTF_8), "a.xlf", "a.xlf", "a.xlf", null)
                .get(0).bilingual().segments().get(0);
        assertThat(s.target()).isEqualTo("The president said.");
        assertThat(s.sourceCodes()).extracting(InlineCode::kind).containsExactly(InlineCode.Kind.OPENING,
                InlineCode.Kind.CLOSING, InlineCode.Kind.STANDALONE);
        assertThat(s.targetCodes()).extracting(InlineCode::position).containsExactly(4, 13);
        String tmx = "<?xml version=\"1.0\"?><tmx version=\"1.4\"><header srclang=\"fr-FR\" segtype=\"sentence\""
                + " datatype=\"plaintext\" adminlang=\"en\" creationtool=\"t\" creationtoolversion=\"1\" o-tmf=\"t\"/><body>"
                + "<tu tuid=\"42\"><tuv xml:lang=\"fr-FR\"><seg>Voir la note<ph x=\"1\">&lt;sup&gt;1&lt;/sup&gt;</ph>.</seg></tuv>"
                + "<tuv xml:lang=\"en-GB\"><seg>See the note<ph x=\"1\">&lt;sup&gt;1&lt;/sup&gt;</ph><ph x=\"2\">&lt;br/&gt;</ph>.</seg></tuv>"
                + "</tu></body></tmx>";
        BilingualFile f = reader.read(tmx.getBytes(StandardCharsets.UTF_8), "n.tmx", "n.tmx", "n.tmx", null).get(0).bilingual();
        assertThat(f.trgLang()).isEqualTo("en-GB");
        BilingualSegment t = f.segments().get(0);
        assertThat(t.id()).isEqualTo("42");
        assertThat(t.target()).isEqualTo("See the note.");
        assertThat(t.sourceCodes()).hasSize(1);
        assertThat(t.targetCodes()).hasSize(2).allSatisfy(c -> assertThat(c.kind()).isEqualTo(InlineCode.Kind.STANDALONE));
        assertThat(t.targetCodes().get(0).display()).contains("<sup>1</sup>");
    }

    @Test
    void an_entity_bomb_is_refused_quickly() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE xliff [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 12; i++) dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        dtd.append("]>");
        String bomb = "<?xml version=\"1.0\"?>" + dtd + "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\""
                + " srcLang=\"fr\" trgLang=\"en\"><file id=\"f\"><unit id=\"u\"><segment><source>a</source>"
                + "<target>&a11;</target></segment></unit></file></xliff>";
        long t0 = System.nanoTime();
        String outcome;
        try {
            outcome = reader.read(bomb.getBytes(StandardCharsets.UTF_8), "bomb.xlf", "bomb.xlf", "bomb.xlf", null).get(0).text();
        } catch (DocumentReader.Unreadable refused) {
            outcome = refused.getMessage();
        }
        assertThat(outcome.length()).isLessThan(1000);
        assertThat(outcome).doesNotContain("lollol");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("milliseconds").isLessThan(20_000);
    }
}

package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTML shaped against jsoup, Tika and the extractor (round seven): a page declaring a charset no browser
 * has (UTF-32, UTF-7, EBCDIC, one that does not exist) over UTF-8 bytes; {@code <base href>},
 * {@code <meta http-equiv=refresh>}, {@code <link rel=import>}, {@code <iframe srcdoc>} and sub-resources
 * naming a loopback tripwire; SVG and MathML inside HTML declaring a file entity; an 8 MB attribute and
 * an 8 MB comment (50 MB measured by hand: docs/security.md). Every page is checked with its own text, nothing is fetched, no file is read.
 * (Deep nesting and a million elements are {@code MarkupGuard}'s, tested since round three.)
 */
class HostileHtmlTest {
    @TempDir
    static Path dir;
    static Tripwire tripwire;
    static final Map<String, String> text = new HashMap<>();
    static CliRun run;
    static final String STORY = "Joe Biden threatened Vladimir Poutine with a firm response, said the café owner in Kyiv.";
    static final String SECRET = "html-secret-5c1d";

    static String page(String charset, String head, String body) {
        return "<!DOCTYPE html><html><head><meta charset='" + charset + "'>" + head + "<title>T</title></head><body><article>"
                + "<h1>Talks resume in Geneva</h1><p>" + STORY + "</p>" + body + "</article></body></html>";
    }

    @BeforeAll
    static void checkThem() throws Exception {
        tripwire = Tripwire.answering(("<p>Fetched text " + SECRET + "</p>").getBytes(StandardCharsets.UTF_8)).start();
        String url = tripwire.url();
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        Path in = Files.createDirectories(dir.resolve("in"));
        for (String cs : new String[] {"utf-32", "utf-7", "ibm037", "x-no-such-charset"}) {
            // before: the utf-32 page, all ASCII, decoded as UTF-32 gave "no text to check"; ibm037 gave EBCDIC garbage
            Files.write(in.resolve("declares-" + cs + ".html"), page(cs, "", "").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(in.resolve("fetches.html"), page("utf-8", "<base href='" + url + "/base/'><meta http-equiv='refresh'"
                + " content='0;url=" + url + "/refresh'><link rel='import' href='" + url + "/import'><link rel='stylesheet' href='"
                + url + "/css'>", "<iframe srcdoc='&lt;p&gt;Srcdoc text " + SECRET + "&lt;/p&gt;' src='" + url + "/frame'></iframe>"
                + "<img src='img.png' srcset='" + url + "/srcset 2x'><script src='" + url + "/js'></script><object data='" + url
                + "/obj'></object><embed src='" + url + "/embed'><p><a href='javascript:alert(1)'>A link</a> in the story.</p>"));
        Files.writeString(in.resolve("svg-entity.html"), page("utf-8", "", "<svg><!DOCTYPE svg [<!ENTITY x SYSTEM '"
                + secret.toUri() + "'>]><text>&x;</text><image href='" + url + "/svg-image'/></svg><math><mi>&x;</mi></math>"));
        Files.writeString(in.resolve("attribute.html"), page("utf-8", "", "<p title='" + "a".repeat(8 << 20) + "'>Attribute.</p>"));
        Files.writeString(in.resolve("comment.html"), page("utf-8", "", "<!--" + "c".repeat(8 << 20) + "-->"));
        Path out = dir.resolve("out.json");
        run = CliRun.of("check", "-f", "json", "-o", out.toString(), in.toString());
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        for (JsonNode a : report.get("articles")) {
            CliRun extract = CliRun.of("extract", a.get("source").asText());
            text.put(Path.of(a.get("source").asText()).getFileName().toString(), extract.out());
        }
    }

    @AfterAll
    static void stop() {
        tripwire.stop();
    }

    @Test
    void aCharsetNoBrowserHasIsPassedOverAndTheUtf8TextRead() {
        for (String cs : new String[] {"utf-32", "utf-7", "ibm037", "x-no-such-charset"}) {
            assertThat(text.get("declares-" + cs + ".html")).as(cs).contains(STORY).contains("Talks resume in Geneva");
        }
    }

    @Test
    void nothingThePagesNameIsFetchedOrRead() {
        assertThat(tripwire.requests()).isEmpty();
        assertThat(String.join("\n", text.values()) + run.err()).doesNotContain(SECRET);
        assertThat(text.get("fetches.html")).contains(STORY).doesNotContain("javascript");
        assertThat(text.get("svg-entity.html")).contains(STORY);
    }

    @Test
    void hugeAttributesAndCommentsAreNotText() {
        assertThat(text).containsKeys("attribute.html", "comment.html");
        assertThat(text.get("attribute.html")).contains(STORY).doesNotContain("aaaaaaaaaa");
        assertThat(text.get("comment.html")).contains(STORY).doesNotContain("cccccccccc");
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.exit()).isIn(0, 1);
    }
}

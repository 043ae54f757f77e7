package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.cli.CliRun;
import dev.calque.cli.Main;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile feeds, from disk and from a loopback URL, beside a good feed: what must hold for any feed reader,
 * strict or lenient (issue 13 adds a lenient reading after the strict one fails, so these guard it after
 * the merge): no entity is expanded (internal billion laughs, a parameter entity), nothing a feed names is
 * fetched or read (external entity, DOCTYPE with a SYSTEM URL, an XInclude, an enclosure of a local file),
 * 10,000 nested elements and a 50 MB text node neither hang nor exhaust memory, each bad feed is one line,
 * and the good feed's stories are still checked.
 */
class FeedHostileTest {
    @TempDir
    static Path dir;
    static Tripwire tripwire;
    static final String SECRET = "feed-secret-2b7e";
    static CliRun run;
    static JsonNode report;
    static final Map<String, String> unreadable = new HashMap<>();
    static String url;

    static final String ITEM = "<item><title>Talks resume</title><link>https://news.example.org/a</link><description>"
            + "The minister said on Monday that the talks would resume next week in Paris. %s</description></item>";

    static String rss(String doctype, String extra) {
        return "<?xml version=\"1.0\"?>\n" + doctype + "<rss version=\"2.0\"><channel><title>Wire</title><link>https://news.example.org/</link>"
                + "<description>d</description>" + String.format(ITEM, extra) + "</channel></rss>";
    }

    @BeforeAll
    static void checkThem() throws Exception {
        tripwire = Tripwire.answering(null);
        tripwire.server().createContext("/served-laughs.rss", ex -> {
            byte[] b = laughs().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        url = tripwire.start().url();
        String file = Files.writeString(dir.resolve("secret.txt"), SECRET).toUri().toString();
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("src/test/resources/feeds/wire.rss"), in.resolve("good.rss"));
        Files.writeString(in.resolve("laughs.rss"), laughs());
        Files.writeString(in.resolve("parameter-entity.rss"), rss("<!DOCTYPE rss [<!ENTITY % p SYSTEM \"" + url + "/param.dtd\"> %p;]>", ""));
        Files.writeString(in.resolve("external-entity.rss"), rss("<!DOCTYPE rss [<!ENTITY s SYSTEM \"" + file + "\">]>", "&s;"));
        Files.writeString(in.resolve("system-dtd.atom"), "<?xml version=\"1.0\"?>\n<!DOCTYPE feed SYSTEM \"" + url + "/atom.dtd\">"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Wire</title><id>urn:x</id><updated>2026-12-01T00:00:00Z</updated>"
                + "<entry><title>Talks</title><id>urn:y</id><updated>2026-12-01T00:00:00Z</updated><link href=\"https://news.example.org/b\"/>"
                + "<content type=\"html\">&lt;p&gt;The minister said on Monday that the talks would resume.&lt;/p&gt;</content></entry></feed>");
        Files.writeString(in.resolve("xinclude.rss"), rss("", "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
                + file + "\" parse=\"text\"/>").replace("<rss ", "<rss xmlns:xi=\"http://www.w3.org/2001/XInclude\" ")
                .replace("</item>", "<enclosure url=\"" + file + "\" type=\"text/plain\" length=\"10\"/><source url=\"" + url
                        + "/source\">s</source></item>"));
        Files.writeString(in.resolve("nested.rss"), rss("", "<x>".repeat(10_000) + "deep" + "</x>".repeat(10_000)));
        try (Writer w = Files.newBufferedWriter(in.resolve("huge-text.rss"))) {
            w.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><link>https://news.example.org/</link>"
                    + "<description>d</description><item><title>Long</title><link>https://news.example.org/c</link><description>");
            String words = "The talks resume. ".repeat(1000);
            for (int i = 0; i < 50 * 1024 * 1024 / words.length(); i++) w.write(words);
            w.write("</description></item></channel></rss>");
        }

        Path out = dir.resolve("out.json");
        // the 50 MB item is read and cut as any would be; cut to the least limit, so that checking it does not take
        // most of the suite's time (at the default limit of 1,000,000 characters it took 40 s)
        run = CliRun.of("check", "--format", "json", "-o", out.toString(), "--timeout", "60", "--fetch-timeout", "10",
                "--max-text-chars", "1000", in.toString(), url + "/served-laughs.rss");
        report = new ObjectMapper().readTree(out.toFile());
        for (JsonNode p : report.get("unreadable")) unreadable.put(p.get("source").asText(), p.get("reason").asText());
    }

    static String laughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) dtd.append("&lol").append(i == 1 ? "" : Integer.toString(i - 1)).append(';');
            dtd.append("\">");
        }
        return rss(dtd.append("]>").toString(), "&lol9;");
    }

    @AfterAll
    static void stop() {
        tripwire.stop();
    }

    @Test
    void noEntityIsExpandedAndNothingAFeedNamesIsFetchedOrRead() {
        assertThat(tripwire.requests()).as("requests the feeds made").isEmpty();
        String all = report.toString() + run.out() + run.err();
        assertThat(all).doesNotContain(SECRET).doesNotContain("lollollollol");
    }

    @Test
    void theGoodFeedIsCheckedBesideTheHostileOnes() {
        List<String> sources = new java.util.ArrayList<>();
        for (JsonNode a : report.get("articles")) sources.add(a.get("source").asText());
        assertThat(sources).anyMatch(s -> s.contains("good.rss"));
        assertThat(run.exit()).isEqualTo(Main.UNREADABLE_INPUT);
    }

    @Test
    void everyBadFeedIsOneLineWithoutAStackTrace() {
        assertThat(unreadable.keySet()).anyMatch(s -> s.endsWith("laughs.rss") && !s.startsWith("http"));
        // before: a StackOverflowError in ROME's writer killed the reading thread, so no input after it was read
        assertThat(unreadable.entrySet()).anyMatch(u -> u.getKey().endsWith("nested.rss") && u.getValue().contains("nested more than 512 levels deep"));
        assertThat(unreadable.keySet()).anyMatch(s -> s.endsWith("/served-laughs.rss"));
        // the huge item is checked, cut to the limit, and the cut is reported
        assertThat(unreadable.entrySet()).anyMatch(u -> u.getKey().contains("huge-text.rss") && u.getValue().contains("over the limit of 1,000"));
        for (Map.Entry<String, String> u : unreadable.entrySet()) {
            assertThat(u.getValue()).as(u.getKey()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("TIKA-");
        }
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("OutOfMemoryError");
        for (String line : run.err().lines().toList()) {
            assertThat(line).matches("calque: .*|\\d+ articles? checked.*"); // one line per problem, and the summary
        }
    }
}

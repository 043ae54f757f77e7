package dev.calque.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.cli.Main;
import dev.calque.model.Article;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markdown articles (a static site's posts, a CMS export) are read as their page shows them: the front matter's
 * title as the headline, the marks, addresses, code and template tags out; findings point into the file.
 */
class MarkdownArticleTest {
    private static final Path DIR = Path.of("src/test/resources/articles/markdown");
    private static final Path POST = DIR.resolve("2014-11-13-why-we-use-https-in-every-gov-website-we-make.md");
    private static final Path SEED_MD = DIR.resolve("000_5323ff96fa5a9330.md");
    private static final Path SEED_TXT = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt");

    private final DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);

    private Article read(Path f) throws Exception {
        List<Article> read = reader.read(Files.readAllBytes(f), f.getFileName().toString(), f.toString(), f.toString(), null);
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    private Article read(String markdown) throws Exception {
        return reader.read(markdown.getBytes(StandardCharsets.UTF_8), "post.md", "post.md", "post.md", null).get(0);
    }

    @Test
    void aRealPostIsReadAsItsPageShowsIt() throws Exception {
        Article a = read(POST);
        List<String> paragraphs = List.of(a.text().split("\n\n"));
        assertThat(paragraphs.get(0)).as("the front matter's title is the headline").isEqualTo("Why we use HTTPS for every .gov we make");
        assertThat(a.title()).isEqualTo("Why we use HTTPS for every .gov we make");
        assertThat(paragraphs.get(1)).startsWith("The .gov in government websites carries a lot of weight.")
                .contains("that website — especially if they're submitting personal information — to be sent safely");
        assertThat(paragraphs).contains("HTTPS has never been faster", "Moving forward")
                .contains("A private connection.")
                .anyMatch(p -> p.startsWith("Internet traffic is easily intercepted"))
                .anyMatch(p -> p.equals("Finally, using HTTPS lets us adhere to search engine best practices, as Google's "
                        + "search algorithms now prefer encrypted websites."));
        assertThat(a.text()).doesNotContain("layout:", "excerpt", "**", "](", "<!--", "&mdash;", "`", "https-desktop.png",
                "HTTPS URL on desktop");
        assertThat(paragraphs.get(paragraphs.size() - 1)).startsWith("You'll soon hear more about our technical practices");
    }

    @Test
    void theSeedWrittenAsAJekyllPostReadsAsThePlainSeed() throws Exception {
        Article md = read(SEED_MD);
        assertThat(md.text()).isEqualTo(Files.readString(SEED_TXT).strip());
        assertThat(md.metadata()).containsEntry("author", "AFP");
        assertThat(md.text()).doesNotContain("twitter-tweet", "include related", "biden-call.jpg");
    }

    @Test
    void findingsPointIntoTheMarkdownFileWhereThePassageIs(@TempDir Path dir) throws Exception {
        Path github = dir.resolve("out.github");
        Path sarif = dir.resolve("out.sarif");
        int exit = Main.run("check", "--no-report", "--threads", "1", SEED_MD.toString(),
                "-f", "github", "-o", github.toString(), "-f", "sarif", "-o", sarif.toString());
        assertThat(exit).isEqualTo(1);
        String file = Files.readString(SEED_MD);
        List<String> lines = file.lines().toList();
        Pattern annotation = Pattern.compile("^::\\w+ file=[^,]+,line=(\\d+),col=(\\d+),.*?::“(.+?)”", Pattern.MULTILINE);
        Matcher m = annotation.matcher(Files.readString(github));
        int n = 0;
        while (m.find()) {
            String line = lines.get(Integer.parseInt(m.group(1)) - 1);
            assertThat(line.substring(Integer.parseInt(m.group(2)) - 1)).as("annotation %s", m.group()).startsWith(m.group(3));
            n++;
        }
        assertThat(n).as("the seed's findings, each on its line of the .md file").isGreaterThanOrEqualTo(10);
        JsonNode results = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results");
        assertThat(results.size()).isEqualTo(n);
        for (JsonNode r : results) {
            JsonNode region = r.at("/locations/0/physicalLocation/region");
            int offset = region.get("charOffset").asInt();
            assertThat(file.substring(offset, offset + region.get("charLength").asInt()))
                    .isEqualTo(region.at("/snippet/text").asText());
            assertThat(r.at("/properties/positionsIn").isMissingNode()).as("positions are the file's").isTrue();
        }
    }

    @Test
    void aBoldRunInHeadIsALineOfItsOwnNotAVerblessSentence(@TempDir Path dir) throws Exception {
        // "* **A secure connection.** HTTPS guarantees...": VERBLESS_FRAGMENT took the head for the debris of a split
        Path json = dir.resolve("out.json");
        int exit = Main.run("check", "--no-report", "--threads", "1", POST.toString(), SEED_MD.toString(), "-f", "json", "-o", json.toString());
        assertThat(exit).isEqualTo(1);
        List<String> post = new java.util.ArrayList<>(), seed = new java.util.ArrayList<>();
        for (JsonNode a : new ObjectMapper().readTree(json.toFile()).get("articles")) {
            for (JsonNode f : a.get("findings")) {
                (a.get("source").asText().endsWith(POST.getFileName().toString()) ? post : seed).add(f.get("rule").asText());
            }
        }
        assertThat(post).doesNotContain("VERBLESS_FRAGMENT");
        assertThat(seed).as("a fragment inside a paragraph is still one").contains("VERBLESS_FRAGMENT");
        Article page = reader.read(("<html><head><title>t</title></head><body><article><h1>t</h1><ul>"
                + "<li><strong>A fast connection.</strong> Encryption allows us to use modern protocols like SPDY.</li>"
                + "<li><strong>All of this is bold and ends here.</strong></li>"
                + "<li><b><a href=\"/x\">A linked lead.</a></b> The rest of the item goes on here.</li></ul></article></body></html>")
                .getBytes(StandardCharsets.UTF_8), "p.html", "p.html", "p.html", null).get(0);
        assertThat(List.of(page.text().split("\n\n"))).contains("A fast connection.",
                "Encryption allows us to use modern protocols like SPDY.", "All of this is bold and ends here.",
                "A linked lead. The rest of the item goes on here.");
    }

    @Test
    void hugoFrontMatterShortcodesAndCodeAreNotText() throws Exception {
        Article a = read("+++\ntitle = \"Storm \\\"Ciarán\\\" hits Brittany\"\ndate = 2023-11-02\ndraft = false\n+++\n\n"
                + "{{< figure src=\"/storm.jpg\" caption=\"Brest harbour\" >}}\n\nThe storm reached the coast at dawn.\n\n"
                + "    $ curl https://example.org/alerts\n\n```\nembed: tweet 1720000\n```\n\n{{% note %}}Winds of 200 km/h were recorded.{{% /note %}}\n");
        assertThat(a.text()).isEqualTo("Storm \"Ciarán\" hits Brittany\n\nThe storm reached the coast at dawn.\n\n"
                + "Winds of 200 km/h were recorded.");
        assertThat(a.metadata()).containsEntry("date", "2023-11-02");
    }

    @Test
    void aBodyThatOpensWithItsTitleHasItOnce() throws Exception {
        Article a = read("---\ntitle: Talks resume in Geneva\n---\n# Talks resume in Geneva\n\nThe talks resumed on Monday.\n");
        assertThat(a.text()).isEqualTo("Talks resume in Geneva\n\nThe talks resumed on Monday.");
    }

    @Test
    void settingsWithoutTextAreNoArticle() {
        assertThatThrownBy(() -> read("---\ntitle:\ntags: [a, b]\n---\n\n```\ncode only\n```\n"))
                .isInstanceOf(DocumentReader.Unreadable.class)
                .hasMessage("no text to check in this Markdown article (only settings, code or markup)");
    }

    @Test
    void aQuoteNestedDeeperThanCommonMarkNestsIsReadAsAQuoteWithoutItsMarkers() throws Exception {
        for (int depth : new int[] {3, 150, 100_000}) {
            Article a = read("# Title\n\n" + "> ".repeat(Math.min(depth, 20)) + ">".repeat(Math.max(0, depth - 20))
                    + " The president said it.\n\nShe left.\n");
            assertThat(List.of(a.text().split("\n\n"))).as("%d levels", depth)
                    .containsExactly("Title", "The president said it.", "She left.");
        }
    }
}

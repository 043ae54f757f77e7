package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.ingest.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one clear line naming it; every other input is still checked and reported. */
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void eachBadInputIsNamedOnceAndTheRestIsChecked() throws Exception {
        byte[] pdf = Files.readAllBytes(Fixtures.pdf(dir));
        Path corrupt = Files.write(dir.resolve("corrupt.pdf"), Arrays.copyOf(pdf, pdf.length / 3));
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path binary = Files.write(dir.resolve("photo.bin"), noise);
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        Path notXml = Files.writeString(dir.resolve("broken.rss"),
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title><item><title>a", StandardCharsets.UTF_8);
        Path missing = dir.resolve("nowhere.txt");
        Path out = dir.resolve("out.json");

        CliRun run = CliRun.of("check", "--format", "json", "-o", out.toString(), corrupt.toString(), binary.toString(),
                Fixtures.SEED.toString(), empty.toString(), notXml.toString(), missing.toString());

        List<String> errors = run.err().lines().filter(l -> l.startsWith("calque: ")).toList();
        assertThat(errors).hasSize(5);
        assertThat(errors.get(0)).startsWith("calque: " + corrupt + ": cannot read this PDF");
        assertThat(errors.get(1)).isEqualTo("calque: " + binary + ": binary data, not text (control bytes in its content)");
        assertThat(errors.get(2)).isEqualTo("calque: " + empty + ": empty file");
        assertThat(errors.get(3)).startsWith("calque: " + notXml + ": not a readable RSS or Atom feed: ");
        assertThat(errors.get(4)).isEqualTo("calque: " + missing + ": no such file or folder");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.exit()).isEqualTo(Main.UNREADABLE_INPUT);

        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertThat(report.get("articles")).hasSize(1);
        assertThat(report.get("articles").get(0).get("findings").findValuesAsText("passage")).contains("swept to AFP");
        assertThat(report.get("unreadable")).hasSize(5);
        assertThat(report.at("/summary/unreadable").asInt()).isEqualTo(5);
    }

    /**
     * A UTF-16 byte-order mark put before UTF-8 text (the seed and a feed, as a tool that adds a mark to
     * every file leaves them): decoded by the mark every character would be wrong, and the feed was refused
     * as "XML data, not a feed". Each is one line naming the mark; the UTF-16 twin of the seed, mark and all,
     * is still checked as the seed is.
     */
    @Test
    void aUtf16MarkBeforeUtf8TextIsNamedAndTrueUtf16IsRead() throws Exception {
        byte[] mark = {(byte) 0xFF, (byte) 0xFE};
        byte[] seed = Files.readAllBytes(Fixtures.SEED);
        Path text = Files.write(dir.resolve("marked.txt"), concat(mark, seed));
        Path feed = Files.write(dir.resolve("marked.rss"), concat(mark, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<rss version=\"2.0\"><channel><title>Wire</title><item><title>Talks</title><description>"
                + "Joe Biden and Vladimir Putin spoke for fifty minutes on Thursday.</description></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8)));
        Path utf16 = Files.write(dir.resolve("utf16.txt"),
                concat(mark, Files.readString(Fixtures.SEED).getBytes(StandardCharsets.UTF_16LE)));
        Path out = dir.resolve("out.json");

        CliRun run = CliRun.of("check", "--format", "json", "-o", out.toString(), text.toString(), feed.toString(),
                utf16.toString());

        String reason = ": a UTF-16 byte-order mark before bytes that are not UTF-16 (a mark put before UTF-8 text?)";
        assertThat(run.err().lines().filter(l -> l.startsWith("calque: ")).toList())
                .containsExactly("calque: " + text + reason, "calque: " + feed + reason);
        assertThat(run.exit()).isEqualTo(Main.UNREADABLE_INPUT);
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertThat(report.get("articles")).hasSize(1);
        assertThat(report.get("articles").get(0).get("findings").findValuesAsText("passage")).contains("swept to AFP");
    }

    /**
     * A page whose article its scripts load (a real one: elperuano.pe as trafilatura's evaluation stored it, an
     * empty shell of ad and jQuery tags) has no text in its HTML: the reason says why that may be, which a page
     * without scripts does not claim.
     */
    @Test
    void aPageWhoseArticleScriptsLoadSaysSoAndAPageWithoutScriptsDoesNot() throws Exception {
        Path shell = Files.writeString(dir.resolve("shell.html"), "<!DOCTYPE html><html lang=\"es\"><head><title>El Peruano"
                + "</title><script async src=\"https://securepubads.g.doubleclick.net/tag/js/gpt.js\"></script>"
                + "<script src=\"https://code.jquery.com/jquery-2.1.1.min.js\"></script></head><body><div id=\"app\">"
                + "</div><script>load('/noticia/152832');</script></body></html>");
        Path bare = Files.writeString(dir.resolve("bare.html"), "<!DOCTYPE html><html><head><title>x</title></head>"
                + "<body><div></div></body></html>");

        CliRun run = CliRun.of("check", "--no-report", shell.toString(), bare.toString());

        assertThat(run.err().lines().filter(l -> l.startsWith("calque: ")).toList()).containsExactly(
                "calque: " + shell + ": no text to check in this HTML page (it has scripts: its article may be put in by"
                        + " JavaScript, which Calque does not run; check the text a browser shows, or the site's feed)",
                "calque: " + bare + ": no text to check in this HTML page");
        assertThat(run.exit()).isEqualTo(Main.UNREADABLE_INPUT);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Junk that is the whole run is refused before the rules load: each input named, exit 3, and no output
     * or report written, since nothing was checked. Text on standard input is still read whole after the look.
     */
    @Test
    void aRunOfJunkOnlyStopsBeforeLoadingAndWritesNothing() throws Exception {
        byte[] noise = new byte[200_000];
        new Random(11).nextBytes(noise);
        Path renamed = Files.write(dir.resolve("article.txt"), noise);
        Path out = dir.resolve("out.sarif");
        Path reports = dir.resolve("reports");
        CliRun junk = CliRun.withStdin(noise, "check", "--format", "sarif", "-o", out.toString(), "--report-dir",
                reports.toString(), renamed.toString(), "-");
        assertThat(junk.err().lines().toList()).containsExactly(
                "calque: " + renamed + ": binary data, not text (control bytes in its content)",
                "calque: stdin: binary data, not text (control bytes in its content)",
                "calque: nothing readable to check; no report or output written");
        assertThat(junk.exit()).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(out).doesNotExist();
        assertThat(reports).doesNotExist();

        // beside a readable input the junk is reported as before, and the text on stdin arrives whole
        byte[] seed = Files.readAllBytes(Fixtures.SEED);
        Path json = dir.resolve("out.json");
        CliRun mixed = CliRun.withStdin(seed, "check", "--no-report", "--format", "json", "-o", json.toString(),
                renamed.toString(), "-");
        assertThat(mixed.exit()).isEqualTo(Main.UNREADABLE_INPUT);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("unreadable")).hasSize(1);
        assertThat(report.get("articles")).hasSize(1);
        assertThat(report.get("articles").get(0).get("findings").findValuesAsText("passage")).contains("swept to AFP", "source site");
    }

    /** A damaged page: one line naming the file and the page, the rest checked, no library trace. */
    @Test
    void aPdfWithADamagedPageIsCheckedAndThePageNamed() throws Exception {
        Path pdf = dev.calque.ingest.HostileFiles.damagedPagesPdf(dir, "minutes.pdf", 2);
        Path out = dir.resolve("d.json");
        CliRun run = CliRun.of("check", "--format", "json", "-o", out.toString(), pdf.toString());
        assertThat(run.err().lines().filter(l -> !l.startsWith("1 article checked")).toList()).containsExactly("calque: " + pdf
                + ": page 2 of 3 is damaged (content that cannot be decoded): its text is missing; the other pages were checked");
        assertThat(run.exit()).isEqualTo(Main.UNREADABLE_INPUT);
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertThat(report.get("articles")).hasSize(1);
        assertThat(report.at("/summary/unreadable").asInt()).isEqualTo(1);
    }

    @Test
    void unreadableInputWinsOverAFailedGate() throws Exception {
        CliRun run = CliRun.of("check", "--format", "json", "-o", dir.resolve("o.json").toString(),
                Fixtures.SEED.toString(), dir.resolve("missing.txt").toString());
        assertThat(run.exit()).isEqualTo(Main.UNREADABLE_INPUT);
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun bad = CliRun.of("check", "--fail-on", "sometimes", Fixtures.SEED.toString());
        assertThat(bad.exit()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).contains("--fail-on must be minor, major, critical or never");
        CliRun unknown = CliRun.of("check", "--no-such-option", Fixtures.SEED.toString());
        assertThat(unknown.exit()).isEqualTo(Main.USAGE);
        assertThat(unknown.err()).contains("Unknown option: '--no-such-option'");
        CliRun lang = CliRun.of("check", "--lang", "xx-YY", Fixtures.SEED.toString());
        assertThat(lang.exit()).isEqualTo(Main.USAGE);
        assertThat(lang.err()).contains("unknown target language 'xx-YY'");
        CliRun format = CliRun.of("check", "--format", "yaml", Fixtures.SEED.toString());
        assertThat(format.exit()).isEqualTo(Main.USAGE);
        assertThat(format.err()).contains("unknown format 'yaml'");
    }

    @Test
    void aBrokenRuleFileIsNamedWithItsLine() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("myrules"));
        Files.writeString(rules.resolve("bad.yml"), "rules:\n  - id: MY_RULE\n    kind: substitution\n    colour: red\n");
        CliRun run = CliRun.of("check", "--rules", rules.toString(), Fixtures.SEED.toString());
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err().strip()).startsWith("calque: " + rules.resolve("bad.yml") + ":4: unknown key 'colour'");
        Files.writeString(rules.resolve("bad.yml"), "rules:\n  - id: MY_RULE\n    kind: regex\n    category: Fluency/Grammar\n"
                + "    severity: major\n    message: x\n    pattern: '(unclosed'\n");
        CliRun regex = CliRun.of("check", "--rules", rules.toString(), Fixtures.SEED.toString());
        assertThat(regex.err()).contains("bad.yml: rule MY_RULE: bad regular expression");
        Files.writeString(rules.resolve("bad.yml"), "rules: []\n");
        Files.writeString(rules.resolve("broken.xml"), "<rules lang=\"en\">\n<category id=\"X\" name=\"x\">\n<rule id=\"A\">\n</category>");
        CliRun xml = CliRun.of("check", "--rules", rules.toString(), Fixtures.SEED.toString());
        assertThat(xml.exit()).isEqualTo(Main.USAGE);
        assertThat(xml.err()).contains("broken.xml:4: not well-formed XML");
    }
}

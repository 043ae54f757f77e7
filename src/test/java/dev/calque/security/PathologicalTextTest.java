package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.cli.CliRun;
import dev.calque.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valid text of shapes no editor writes but any file can hold (round eight, docs/security.md): line breaks of
 * other systems and of Unicode, files of nothing but white space or byte-order marks. Each is generated here
 * from the seed article and goes through the real command line.
 */
class PathologicalTextTest {
    private static final Path SEED = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt");

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void lineBreaksOfOtherSystemsAreLineBreaksAndBlankFilesAreRefused() throws Exception {
        String seed = Files.readString(SEED).replace("\r\n", "\n");
        Path in = Files.createDirectory(dir.resolve("in"));
        Files.writeString(in.resolve("lf.txt"), seed);
        Files.writeString(in.resolve("cr.txt"), seed.replace('\n', '\r')); // classic Mac OS
        Files.writeString(in.resolve("crlf.txt"), seed.replace("\n", "\r\n"));
        Files.writeString(in.resolve("unicode.txt"), seed.replace("\n\n", "\u2029").replace('\n', '\u2028'));
        Files.writeString(in.resolve("spaces.txt"), " \t\n\r\n \u00a0\u2003\u3000\u200b\u2060\n".repeat(500));
        byte[] boms = new byte[3 * 1000];
        for (int i = 0; i < boms.length; i += 3) {
            boms[i] = (byte) 0xEF;
            boms[i + 1] = (byte) 0xBB;
            boms[i + 2] = (byte) 0xBF;
        }
        Files.write(in.resolve("boms.txt"), boms);
        Path json = dir.resolve("out.json");
        CliRun run = CliRun.of("check", "--threads", "1", "--no-stock", "-f", "json", "-o", json.toString(), in.toString());

        assertThat(run.exit()).isEqualTo(Main.UNREADABLE_INPUT);
        for (String blank : List.of("spaces.txt", "boms.txt")) {
            assertThat(run.err()).contains("calque: " + in.resolve(blank) + ": no text to check (the file holds only white space");
        }
        assertThat(run.err().lines().filter(l -> l.startsWith("calque: " + in)).count()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("\tat ", "Exception");

        JsonNode articles = new ObjectMapper().readTree(json.toFile()).get("articles");
        assertThat(articles).hasSize(4);
        List<String> expected = findings(articles, in.resolve("lf.txt"));
        assertThat(expected).hasSizeGreaterThan(5);
        for (String other : List.of("cr.txt", "crlf.txt", "unicode.txt")) {
            JsonNode a = article(articles, in.resolve(other));
            assertThat(a.get("title").asText()).as(other).isEqualTo(seed.lines().findFirst().orElseThrow());
            // the same findings at the same lines and columns: the breaks are read as the ones of the LF file
            assertThat(findings(articles, in.resolve(other))).as(other).isEqualTo(expected);
        }
    }

    @Test
    @Timeout(300)
    void aFileWithoutOneLetterIsRefusedAtOnceNotCheckedToTheTimeLimit() throws Exception {
        // 200 KB of family emoji (ZWJ sequences) held LanguageTool to the --timeout; a page of only figures and
        // symbols has no word either; the seed beside them is still checked
        Path in = Files.createDirectory(dir.resolve("letterless"));
        Files.writeString(in.resolve("emoji.txt"), "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 ".repeat(20_000));
        Files.writeString(in.resolve("figures.html"), "<html><body><table><tr><td>12.5 %</td><td>+3,4</td></tr>"
                + "<tr><td>★ ★ ★</td><td>→ 2024–2025</td></tr></table></body></html>");
        Files.copy(SEED, in.resolve("seed.txt"));
        Path json = dir.resolve("letterless.json");
        CliRun run = CliRun.of("check", "--threads", "1", "--no-stock", "--timeout", "120", "-f", "json", "-o", json.toString(), in.toString());

        assertThat(run.exit()).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(run.err()).contains("calque: " + in.resolve("emoji.txt") + ": no text to check (not one letter")
                .contains("calque: " + in.resolve("figures.html") + ": no text to check in this").doesNotContain("took more than");
        JsonNode articles = new ObjectMapper().readTree(json.toFile()).get("articles");
        assertThat(articles).hasSize(1);
        assertThat(articles.get(0).get("findings")).isNotEmpty();
    }

    @Test
    @Timeout(300)
    void aTextWithoutSentenceEndsGivesEachFindingItsPassagesNeighbourhoodNotTheWholeText() throws Exception {
        // 20,000 characters of the seed's words without a full stop or a line break: one "sentence". Before,
        // every finding carried all of it (a 500 KB one ran a 1 GB heap out of memory and the run died)
        String seed = Files.readString(SEED);
        String[] words = seed.replaceAll("[\\p{P}\\s]+", " ").strip().split(" ");
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < 20_000; i++) b.append(words[(i * 7) % words.length]).append(' ');
        Path in = Files.writeString(dir.resolve("one-sentence.txt"), b.toString());
        Path json = dir.resolve("out.json");
        CliRun run = CliRun.of("check", "--threads", "1", "-f", "json", "-o", json.toString(), in.toString());

        assertThat(run.exit()).isIn(Main.OK, Main.FAILED_GATE);
        assertThat(run.err()).doesNotContain("\tat ", "Exception", "out of memory");
        JsonNode findings = new ObjectMapper().readTree(json.toFile()).get("articles").get(0).get("findings");
        assertThat(findings.size()).isGreaterThan(20);
        for (JsonNode f : findings) {
            // it is checked in pieces cut at spaces, and a piece's start is no sentence's start
            assertThat(f.get("rule").asText()).as("at column " + f.get("column")).isNotEqualTo("UPPERCASE_SENTENCE_START");
            String sentence = f.get("sentence").asText();
            assertThat(sentence.length()).isLessThanOrEqualTo(dev.calque.model.Finding.MAX_SENTENCE);
            assertThat(sentence).contains(f.get("passage").asText());
            assertThat(b.toString()).contains(sentence.strip());
        }
    }

    @Test
    @Timeout(300)
    void anArticleOfThousandsOfFindingsListsTheMostSevereThousandAndSaysSo() throws Exception {
        // the seed repeated 30 times, and a rule pack from the pull request flagging every "the", "of", "to"…
        // (minor): thousands of findings, the bundled rules' major ones among them
        Path rules = Files.createDirectory(dir.resolve("rules"));
        Files.writeString(rules.resolve("every-the.yml"), """
                rules:
                  - id: EVERY_THE
                    kind: regex
                    category: Style/Unidiomatic
                    severity: minor
                    message: "An article."
                    pattern: '\\b(?:the|a|of|in|to|and|with|his)\\b'
                    examples:
                      - flag: "<marker>the</marker> cat"
                      - clean: "Cats sleep."
                """);
        String seed = Files.readString(SEED).strip();
        Path in = Files.writeString(dir.resolve("repeated.txt"), String.join("\n\n", java.util.Collections.nCopies(30, seed)));
        Path json = dir.resolve("out.json");
        Path sarif = dir.resolve("out.sarif");
        Path console = dir.resolve("out.txt");
        CliRun run = CliRun.of("check", "--threads", "1", "--no-stock", "--rules", rules.toString(), "-f", "json", "-o",
                json.toString(), "-f", "sarif", "-o", sarif.toString(), "-f", "console", "-o", console.toString(), in.toString());
        assertThat(run.exit()).isEqualTo(Main.FAILED_GATE);

        JsonNode a = new ObjectMapper().readTree(json.toFile()).get("articles").get(0);
        assertThat(a.get("findings")).hasSize(dev.calque.pipeline.Pipeline.MAX_LISTED);
        assertThat(a.get("note").asText()).matches("[0-9,]+ findings: only the 1,000 most severe are listed .*");
        int total = Integer.parseInt(a.get("note").asText().split(" ")[0].replace(",", ""));
        assertThat(total).isGreaterThan(2_000);
        long majors = 0;
        int last = -1;
        for (JsonNode f : a.get("findings")) {
            if (f.get("severity").asText().equals("major")) majors++;
            assertThat(f.get("start").asInt()).isGreaterThanOrEqualTo(last); // still in text order
            last = f.get("start").asInt();
        }
        assertThat(majors).as("every major finding of the 30 copies is kept").isGreaterThanOrEqualTo(30 * 3);
        assertThat(new ObjectMapper().readTree(sarif.toFile()).get("runs").get(0).get("results"))
                .hasSize(dev.calque.pipeline.Pipeline.MAX_LISTED);
        assertThat(Files.readString(console)).contains("note: " + a.get("note").asText());
    }

    @Test
    @Timeout(300)
    void aRightToLeftOverrideInsideAnArticleIsShownAsItsEscapeInTheAllureReportAndOnTheConsole() throws Exception {
        // Trojan Source: U+202E in the headline and inside a flagged sentence, isolates around a passage
        String seed = Files.readString(SEED);
        String text = "Biden \u202eand Putin\u202c stand firm\n\n" + seed.substring(seed.indexOf("\n\n") + 2)
                .replace("Vladimir Poutine said", "Vladimir Poutine \u2067said\u2069 \u202e\"admin\"\u202c");
        Path in = Files.writeString(dir.resolve("bidi.txt"), text);
        Path reports = dir.resolve("reports");
        Path console = dir.resolve("out.txt");
        CliRun run = CliRun.of("check", "--threads", "1", "--no-stock", "--report-dir", reports.toString(),
                "-f", "console", "-o", console.toString(), in.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.FAILED_GATE);

        List<Path> files;
        try (var walk = Files.walk(reports)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anyMatch(p -> p.toString().endsWith(".html") && !p.endsWith("index.html"));
        boolean shown = false;
        for (Path f : files) {
            String s = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            assertThat(s).as(f.toString()).doesNotContain("\u202e", "\u2067", "\u2069", "\u202c");
            shown |= s.contains("\\u202e");
        }
        assertThat(shown).as("the override is shown as its escape somewhere in the report").isTrue();
        String out = Files.readString(console);
        assertThat(out).doesNotContain("\u202e", "\u2067").contains("\\u202e\"admin\"\\u202c");
    }

    @Test
    @Timeout(300)
    void bilingualSegmentsOfTheSameShapesReadTheSame() throws Exception {
        String seed = Files.readString(SEED).strip();
        String fr = Files.readString(SEED.resolveSibling("000_5323ff96fa5a9330.fr.txt")).strip();
        String[] en = seed.split("\n\n");
        String[] src = fr.split("\n\n");
        // XLIFF 2 whose targets break their sentences with U+2029 and U+2028 instead of a space
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\""
                + " version=\"2.0\" srcLang=\"fr\" trgLang=\"en\"><file id=\"f1\">");
        for (int i = 0; i < Math.min(en.length, src.length); i++) {
            String target = en[i].replace(". ", i % 2 == 0 ? ".\u2029" : ".\u2028");
            x.append("<unit id=\"u").append(i).append("\"><segment><source>").append(src[i].replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</source><target>").append(target.replace("&", "&amp;").replace("<", "&lt;")).append("</target></segment></unit>");
        }
        Path xliff = Files.writeString(dir.resolve("separators.fr-en.xlf"), x.append("</file></xliff>\n"));
        // a bitext line of 20,000 characters a side without a sentence end
        String[] words = seed.replaceAll("[\\p{P}\\s]+", " ").strip().split(" ");
        StringBuilder one = new StringBuilder();
        for (int i = 0; one.length() < 20_000; i++) one.append(words[(i * 5) % words.length]).append(' ');
        Path tsv = Files.writeString(dir.resolve("long.fr-en.tsv"), one + "\t" + one + "\n");
        Path json = dir.resolve("out.json");
        CliRun run = CliRun.of("check", "--threads", "1", "-f", "json", "-o", json.toString(), xliff.toString(), tsv.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.FAILED_GATE);

        JsonNode articles = new ObjectMapper().readTree(json.toFile()).get("articles");
        // before: LanguageTool saw no break and asked for "a space between sentences" at each separator
        assertThat(findings(articles, xliff)).hasSizeGreaterThan(5).noneMatch(f -> f.startsWith("SENTENCE_WHITESPACE"));
        JsonNode found = article(articles, tsv).get("findings");
        assertThat(found.size()).isGreaterThan(10);
        for (JsonNode f : found) {
            assertThat(f.get("sentence").asText().length()).isLessThanOrEqualTo(dev.calque.model.Finding.MAX_SENTENCE);
            if (f.has("sourcePassage")) {
                assertThat(f.get("sourcePassage").asText().length()).isLessThanOrEqualTo(dev.calque.model.Finding.MAX_SENTENCE);
            }
        }
    }

    @Test
    @Timeout(300)
    void aLetterUnderTwoHundredThousandCombiningMarksIsCheckedAndTheSeedsFindingsStandWhereTheyWere() throws Exception {
        // Java's regular expressions look back over a run of marks at every word boundary inside it: 200,000 marks
        // on one letter (a 400 KB file) kept the check busy past the 180 s limit. Runs are cut to Unicode's
        // stream-safe 30, the text's length kept, so the seed's findings stay at their lines and columns
        String seed = Files.readString(SEED).replace("\r\n", "\n");
        int third = seed.indexOf("\n\n", seed.indexOf("\n\n", seed.indexOf("\n\n") + 2) + 2) + 2;
        String zalgo = seed.substring(0, third) + "She said e" + "\u0301".repeat(200_000) + " again.\n\n"
                + seed.substring(third);
        Path in = Files.createDirectory(dir.resolve("zalgo"));
        Files.writeString(in.resolve("seed.txt"), seed);
        Files.writeString(in.resolve("zalgo.txt"), zalgo);
        Path json = dir.resolve("zalgo.json");
        CliRun run = CliRun.of("check", "--threads", "1", "--timeout", "60", "-f", "json", "-o", json.toString(), in.toString());

        assertThat(run.err()).doesNotContain("took more than", "\tat ", "Exception");
        assertThat(run.exit()).isEqualTo(Main.FAILED_GATE);
        JsonNode articles = new ObjectMapper().readTree(json.toFile()).get("articles");
        int inserted = (int) seed.substring(0, third).lines().count() + 1;
        List<String> expected = new ArrayList<>();
        for (JsonNode f : article(articles, in.resolve("seed.txt")).get("findings")) {
            int line = f.get("line").asInt();
            expected.add(f.get("rule").asText() + "@" + (line >= inserted ? line + 2 : line) + ":"
                    + f.get("column").asInt() + " " + f.get("passage").asText());
        }
        assertThat(expected).hasSizeGreaterThan(5);
        List<String> found = findings(articles, in.resolve("zalgo.txt"));
        assertThat(found).containsAll(expected);
        assertThat(found.stream().filter(f -> !f.contains("@" + inserted + ":")).toList()).isEqualTo(expected);
    }

    @Test
    @Timeout(300)
    void longRunsOfNumbersHyphensAndDotsAreCheckedNotLostToTheStack() throws Exception {
        // A word or number pattern whose group repeats ("1,000,000", "well-known") recursed once per group in
        // Java's regular expressions: 20,000 of them in a row (a 40 KB paragraph) overflowed the checking thread
        // and the article was reported unreadable. Each shape goes into the seed, whose findings must still come
        String seed = Files.readString(SEED).replace("\r\n", "\n");
        Path in = Files.createDirectory(dir.resolve("runs"));
        Files.writeString(in.resolve("seed.txt"), seed);
        List<String> shapes = List.of("1,", "1.", "a-", "a.");
        for (int i = 0; i < shapes.size(); i++) {
            Files.writeString(in.resolve("run" + i + ".txt"), seed + "\n\nThe list read " + shapes.get(i).repeat(20_000) + "0 in all.\n");
        }
        Path json = dir.resolve("runs.json");
        CliRun run = CliRun.of("check", "--threads", "1", "-f", "json", "-o", json.toString(), in.toString());

        assertThat(run.err()).doesNotContain("recursed", "unreadable", "\tat ", "Exception");
        assertThat(run.exit()).isEqualTo(Main.FAILED_GATE);
        JsonNode articles = new ObjectMapper().readTree(json.toFile()).get("articles");
        List<String> expected = findings(articles, in.resolve("seed.txt"));
        assertThat(expected).hasSizeGreaterThan(5);
        for (int i = 0; i < shapes.size(); i++) {
            assertThat(findings(articles, in.resolve("run" + i + ".txt"))).as(shapes.get(i)).containsAll(expected);
        }
    }

    @Test
    @Timeout(300)
    void aNameOfThirtyThousandWordsOnBothSidesIsChecked() throws Exception {
        // the name check looks for a name's initials as an acronym (United Nations: UN), one pattern step per
        // initial: a "name" of 30,000 capitalized words on both sides built one that overflowed the stack while
        // compiling, and the article was reported unreadable
        String run = "Ab-Cd ".repeat(30_000);
        Path en = Files.writeString(dir.resolve("names.txt"), "The names were " + run + "here.\n\nThe minister said on Monday that the plan was late.\n");
        Path fr = Files.writeString(dir.resolve("names.fr.txt"), "Les noms étaient " + run + "ici.\n\nLe ministre a dit lundi que le plan était en retard.\n");
        Path json = dir.resolve("names.json");
        CliRun run2 = CliRun.of("check", "--threads", "1", "--source", fr.toString(), "-f", "json", "-o", json.toString(), en.toString());

        assertThat(run2.err()).doesNotContain("checking failed", "overflow", "\tat ", "Exception");
        assertThat(run2.exit()).isIn(Main.OK, Main.FAILED_GATE);
        assertThat(new ObjectMapper().readTree(json.toFile()).get("articles")).hasSize(1);
    }

    private static JsonNode article(JsonNode articles, Path source) {
        for (JsonNode a : articles) if (a.get("source").asText().equals(source.toString())) return a;
        throw new AssertionError("no article " + source + " in " + articles);
    }

    private static List<String> findings(JsonNode articles, Path source) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : article(articles, source).get("findings")) {
            out.add(f.get("rule").asText() + "@" + f.get("line").asInt() + ":" + f.get("column").asInt() + " "
                    + f.get("passage").asText());
        }
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.ingest.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed article in every format a newsroom stores it in, checked in one run of the real command:
 * each gives the same Calque findings as the plain text, and the plain text's positions point into
 * the file itself.
 */
class FormatsEndToEndTest {
    @TempDir
    static Path dir;
    static CliRun run;
    static JsonNode report;
    static Map<String, JsonNode> bySource = new HashMap<>();

    @BeforeAll
    static void checkAllFormats() throws Exception {
        Path html = Files.copy(Fixtures.SEED_HTML, dir.resolve("seed.html"));
        List<String> args = new ArrayList<>(List.of("check", "--from", "fr",
                "--format", "json", "-o", dir.resolve("out.json").toString(), Fixtures.SEED.toString(),
                html.toString(), Fixtures.docx(dir).toString(), Fixtures.pdf(dir).toString(),
                Fixtures.rtf(dir).toString(), Fixtures.eml(dir).toString(), Fixtures.odt(dir).toString(),
                Fixtures.markdown(dir).toString(),
                // saved under the wrong name: the content decides
                Files.copy(html, dir.resolve("page-saved-as.txt")).toString(),
                Files.copy(Fixtures.rtf(dir), dir.resolve("rtf-saved-as.txt")).toString(),
                Files.copy(Fixtures.eml(dir), dir.resolve("mail-saved-as.txt")).toString(),
                Files.copy(Fixtures.pdf(dir), dir.resolve("pdf-saved-as.md")).toString()));
        run = CliRun.of(args.toArray(String[]::new));
        report = new ObjectMapper().readTree(dir.resolve("out.json").toFile());
        for (JsonNode a : report.get("articles")) bySource.put(Path.of(a.get("source").asText()).getFileName().toString(), a);
    }

    @Test
    void everyFormatIsReadAndTheGateFailsTheRun() {
        assertThat(run.err()).doesNotContain("calque: ");
        assertThat(bySource).containsOnlyKeys("000_5323ff96fa5a9330.txt", "seed.html", "seed.docx", "seed.pdf",
                "seed.rtf", "seed.eml", "seed.odt", "seed.md", "page-saved-as.txt", "rtf-saved-as.txt",
                "mail-saved-as.txt", "pdf-saved-as.md");
        assertThat(run.exit()).isEqualTo(Main.FAILED_GATE);
        assertThat(report.at("/summary/articles").asInt()).isEqualTo(12);
    }

    @Test
    void aFileIsReadByItsContentWhateverItsName() {
        assertThat(bySource.get("000_5323ff96fa5a9330.txt").get("mediaType").asText()).isEqualTo("text/plain");
        assertThat(bySource.get("seed.md").get("mediaType").asText()).isEqualTo("text/x-web-markdown");
        TreeSet<String> expected = calqueFindings(bySource.get("000_5323ff96fa5a9330.txt"));
        Map<String, String> types = Map.of("page-saved-as.txt", "text/html", "rtf-saved-as.txt", "application/rtf",
                "mail-saved-as.txt", "message/rfc822", "pdf-saved-as.md", "application/pdf");
        types.forEach((file, type) -> {
            assertThat(bySource.get(file).get("mediaType").asText()).as(file).isEqualTo(type);
            assertThat(calqueFindings(bySource.get(file))).as(file).isEqualTo(expected);
        });
    }

    @Test
    void everyFormatGivesTheSameCalqueFindingsAsThePlainText() {
        TreeSet<String> expected = calqueFindings(bySource.get("000_5323ff96fa5a9330.txt"));
        assertThat(expected).contains("AGENCY_NON_SPEECH_VERB|swept to AFP", "FR_NAME_FORM|Poutine",
                "BROKEN_SPLIT|area. influence.", "VERBLESS_FRAGMENT|January 10 in Geneva.", "PAGE_FURNITURE|source site");
        for (String f : List.of("seed.html", "seed.docx", "seed.pdf", "seed.rtf", "seed.eml", "seed.odt", "seed.md")) {
            assertThat(calqueFindings(bySource.get(f))).as(f).isEqualTo(expected);
        }
    }

    @Test
    void titleIsKeptAsItsOwnParagraph() {
        String headline = "Joe Biden and Vladimir Putin stand firm but try to avoid escalation";
        for (String f : List.of("000_5323ff96fa5a9330.txt", "seed.html", "seed.docx", "seed.pdf", "seed.eml", "seed.md")) {
            assertThat(bySource.get(f).get("title").asText()).as(f).endsWith(headline);
        }
    }

    @Test
    void plainTextPositionsReferToTheFileItself() throws Exception {
        String file = Files.readString(Fixtures.SEED, StandardCharsets.UTF_8);
        List<String> lines = file.lines().toList();
        for (JsonNode f : bySource.get("000_5323ff96fa5a9330.txt").get("findings")) {
            int start = f.get("start").asInt();
            int end = f.get("end").asInt();
            assertThat(file.substring(start, end)).isEqualTo(f.get("passage").asText());
            String line = lines.get(f.get("line").asInt() - 1);
            int col = f.get("column").asInt();
            assertThat(line.substring(col - 1)).startsWith(f.get("passage").asText().lines().findFirst().orElseThrow());
        }
    }

    @Test
    void pdfHardWrapsAreJoinedIntoParagraphs() {
        JsonNode pdf = bySource.get("seed.pdf");
        assertThat(pdf.at("/findings").findValuesAsText("sentence"))
                .anyMatch(s -> s.contains("“It was not a new engagement”, swept to AFP an American official."));
    }

    private static TreeSet<String> calqueFindings(JsonNode article) {
        TreeSet<String> out = new TreeSet<>();
        for (JsonNode f : article.get("findings")) {
            if (f.get("origin").asText().equals("calque")) out.add(f.get("rule").asText() + "|" + f.get("passage").asText());
        }
        return out;
    }
}

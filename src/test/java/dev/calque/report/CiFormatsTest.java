package dev.calque.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.calque.cli.Main;
import dev.calque.ingest.Fixtures;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** One real run over the seed article and a missing file, written in every CI format at once. */
class CiFormatsTest {
    static final String SEED = "src/test/resources/articles/000_5323ff96fa5a9330.txt";

    @TempDir
    static Path dir;
    static int exit;
    static JsonNode sarif;
    static JsonNode json;

    @BeforeAll
    static void run() throws Exception {
        Path missing = dir.resolve("missing.txt");
        exit = Main.run("check", "--no-report", SEED, missing.toString(), "--threads", "1",
                "-f", "sarif", "-o", dir.resolve("out.sarif").toString(),
                "-f", "junit", "-o", dir.resolve("out.xml").toString(),
                "-f", "github", "-o", dir.resolve("out.github").toString(),
                "-f", "json", "-o", dir.resolve("out.json").toString());
        sarif = new ObjectMapper().readTree(dir.resolve("out.sarif").toFile());
        json = new ObjectMapper().readTree(dir.resolve("out.json").toFile());
    }

    @Test
    void exitCodeSaysAnInputWasUnreadable() {
        assertThat(exit).isEqualTo(Main.UNREADABLE_INPUT);
    }

    @Test
    void sarifIsValidAgainstTheOfficialSchema() throws Exception {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/schemas/sarif-schema-2.1.0.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertThat(errors).isEmpty();
        // the validator does catch a broken document, so the empty set above means something
        JsonNode broken = sarif.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/runs/0/results/0")).put("level", "fatal");
        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    void anArticlesNoteIsASarifNotificationOnItsFile() throws Exception {
        // the seed cut at the text limit: SARIF said nothing of the cut (only JSON, JUnit and Allure carried the note)
        Path out = dir.resolve("cut.sarif");
        int code = Main.run("check", "--no-report", "--threads", "1", "--max-text-chars", "1000", SEED, "-f", "sarif", "-o", out.toString());
        assertThat(code).as("the cut is said, as an input problem is").isEqualTo(Main.UNREADABLE_INPUT);
        JsonNode cut = new ObjectMapper().readTree(out.toFile());
        JsonNode notes = cut.at("/runs/0/invocations/0/toolExecutionNotifications");
        List<JsonNode> articleNotes = new ArrayList<>();
        notes.forEach(n -> { if (n.at("/descriptor/id").asText().equals("article-note")) articleNotes.add(n); });
        assertThat(articleNotes).hasSize(1);
        assertThat(articleNotes.get(0).at("/message/text").asText()).contains("text cut");
        assertThat(articleNotes.get(0).get("level").asText()).isEqualTo("note");
        assertThat(articleNotes.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText()).endsWith("000_5323ff96fa5a9330.txt");
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/schemas/sarif-schema-2.1.0.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        assertThat(schema.validate(cut)).isEmpty();
        // the run without a cut has no article note
        assertThat(sarif.at("/runs/0/invocations/0/toolExecutionNotifications").findValuesAsText("id")).doesNotContain("article-note");
    }

    @Test
    void sarifListsEveryCalqueRuleWithHelpAndMqmProperties() {
        JsonNode rules = sarif.at("/runs/0/tool/driver/rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).contains("FR_NAME_FORM", "AGENCY_NON_SPEECH_VERB", "BROKEN_SPLIT", "VERBLESS_FRAGMENT", "PAGE_FURNITURE");
        for (JsonNode r : rules) {
            assertThat(r.at("/help/text").asText()).isNotBlank();
            assertThat(r.at("/properties/mqmCategory").asText()).contains("/");
            assertThat(r.at("/properties/mqmSeverity").asText()).isIn("neutral", "minor", "major", "critical");
        }
        // every result points at its rule by index
        for (JsonNode res : sarif.at("/runs/0/results")) {
            assertThat(rules.get(res.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(res.get("ruleId").asText());
        }
    }

    @Test
    void sarifResultsHavePhysicalLocationsLevelsAndFingerprints() throws Exception {
        String text = Files.readString(Path.of(SEED), StandardCharsets.UTF_8);
        JsonNode results = sarif.at("/runs/0/results");
        assertThat(results.size()).isEqualTo(Fixtures.seedFindings().size());
        Set<String> fps = new HashSet<>();
        List<String> levels = new java.util.ArrayList<>();
        for (JsonNode r : results) {
            JsonNode loc = r.at("/locations/0/physicalLocation");
            assertThat(loc.at("/artifactLocation/uri").asText()).isEqualTo(SEED); // relative to the working folder
            JsonNode region = loc.get("region");
            int off = region.get("charOffset").asInt();
            int len = region.get("charLength").asInt();
            assertThat(text.substring(off, off + len)).isEqualTo(region.at("/snippet/text").asText());
            String line = text.lines().skip(region.get("startLine").asInt() - 1).findFirst().orElseThrow();
            int col = region.get("startColumn").asInt();
            assertThat(line.substring(col - 1)).startsWith(region.at("/snippet/text").asText());
            assertThat(region.get("endColumn").asInt() - col).isEqualTo(len);
            levels.add(r.get("level").asText());
            fps.add(r.at("/partialFingerprints/calque~1v1").asText());
        }
        assertThat(fps).hasSize(Fixtures.seedFindings().size()).allMatch(f -> f.matches("[0-9a-f]{32}"));
        // the seed's major findings are errors, its minor ones warnings
        assertThat(levels).filteredOn("error"::equals).hasSize((int) Fixtures.seedFindings("major"));
        assertThat(levels).filteredOn("warning"::equals).hasSize((int) Fixtures.seedFindings("minor"));
        // the same fingerprints as the JSON output: one implementation
        Set<String> fromJson = new HashSet<>();
        json.at("/articles/0/findings").forEach(f -> fromJson.add(f.get("fingerprint").asText()));
        assertThat(fromJson).isEqualTo(fps);
    }

    @Test
    void sarifCarriesScoresAndTheUnreadableInput() {
        JsonNode run = sarif.at("/runs/0");
        assertThat(run.at("/properties/mqmScore").asDouble()).isEqualTo(json.at("/summary/score").asDouble());
        assertThat(run.at("/properties/articleScores/0/mqmScore").asDouble())
                .isEqualTo(json.at("/articles/0/score").asDouble());
        assertThat(run.at("/properties/failed").asInt()).isEqualTo(1);
        JsonNode inv = run.at("/invocations/0");
        assertThat(inv.get("executionSuccessful").asBoolean()).isFalse();
        assertThat(inv.at("/toolExecutionNotifications/0/message/text").asText()).contains("missing.txt", "no such file");
        assertThat(inv.at("/toolExecutionNotifications/0/level").asText()).isEqualTo("error");
    }

    @Test
    void junitParsesBackWithOneFailureAndOneError() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("out.xml").toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        Element article = (Element) cases.item(0);
        assertThat(article.getAttribute("classname")).isEqualTo(SEED); // the input as named on the command line
        assertThat(article.getAttribute("name")).isEqualTo("Joe Biden and Vladimir Putin stand firm but try to avoid escalation");
        // the article's own check time, within the run's
        assertThat(Double.parseDouble(article.getAttribute("time"))).isGreaterThan(0)
                .isLessThanOrEqualTo(Double.parseDouble(suite.getAttribute("time")));
        Element failure = (Element) article.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).contains("MQM score", "FR_NAME_FORM", "“Poutine”");
        assertThat(failure.getTextContent()).contains("AGENCY_NON_SPEECH_VERB", "PAGE_FURNITURE", "→ told AFP");
        Element unreadable = (Element) cases.item(1);
        assertThat(unreadable.getElementsByTagName("error").getLength()).isEqualTo(1);
        assertThat(((Element) unreadable.getElementsByTagName("error").item(0)).getAttribute("message"))
                .isEqualTo("no such file or folder");
        NodeList props = suite.getElementsByTagName("property");
        String score = null;
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            if (p.getAttribute("name").equals("mqm.score")) score = p.getAttribute("value");
        }
        assertThat(Double.parseDouble(score)).isEqualTo(json.at("/summary/score").asDouble());
    }

    @Test
    void githubCommandsAnnotateTheFileLines() throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("out.github"), StandardCharsets.UTF_8);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("::error file=" + SEED + ",line=5,col=36,endLine=5,endColumn=43,title=")
                .contains("[FR_NAME_FORM]").contains("::“Poutine”: "));
        assertThat(lines).filteredOn(l -> l.startsWith("::error file=" + SEED)).hasSize(9);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("::error file=").contains("missing.txt")
                .contains("no such file or folder"));
        assertThat(lines.get(lines.size() - 1)).startsWith("::error title=Calque verdict::1 article checked, 1 failed");
    }
}

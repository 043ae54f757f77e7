package dev.calque.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calque eval --report-dir}: the Allure report a tuner clicks through, read back from its results. */
class EvalReportTest {
    static final Path DIR = Path.of("src/test/resources/eval");
    static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> results(Path resultsDir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(resultsDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith("-result.json")) out.add(JSON.readTree(f.toFile()));
            }
        }
        return out;
    }

    static String param(JsonNode node, String name) {
        for (JsonNode p : node.path("parameters")) if (p.path("name").asText().equals(name)) return p.path("value").asText();
        return null;
    }

    static JsonNode testCase(List<JsonNode> results, String corpus, String rule) {
        for (JsonNode r : results) {
            if (r.path("fullName").asText().equals("eval:" + corpus + ":Calque:" + rule)) return r;
        }
        throw new AssertionError(rule + " on " + corpus + " not among " + results.size() + " results");
    }

    static JsonNode step(JsonNode testCase, String prefix) {
        for (JsonNode s : testCase.path("steps")) if (s.path("name").asText().startsWith(prefix)) return s;
        return null;
    }

    @Test
    void evalWritesOneAllureTestCasePerRuleWithFiguresAndExampleSteps(@TempDir Path tmp) throws Exception {
        Path reports = tmp.resolve("eval-report");
        Path json = tmp.resolve("eval.json");
        assertThat(Main.run("eval", DIR.resolve("biomqm.jsonl").toString(), DIR.resolve("human.jsonl").toString(),
                "--threads", "2", "-q", "-f", "json", "-o", json.toString(), "--report-dir", reports.toString()))
                .isEqualTo(Main.OK);
        List<JsonNode> results = results(reports.resolve("allure-results"));

        // a hit: the figures match the JSON output, the step shows the annotated error and highlights the passage
        JsonNode figures = EvalCommandTest.rule(EvalCommandTest.corpus(JSON.readTree(json.toFile()), "biomqm.jsonl")
                .path("calque"), "BROKEN_SPLIT");
        JsonNode split = testCase(results, "biomqm.jsonl", "BROKEN_SPLIT");
        String precision = String.format(Locale.ROOT, "%.0f%%", figures.path("precision").asDouble() * 100);
        assertThat(param(split, "Precision")).startsWith(precision + " (");
        assertThat(split.path("name").asText()).startsWith("BROKEN_SPLIT · precision " + precision);
        assertThat(split.path("status").asText()).isEqualTo("passed");
        JsonNode hit = step(split, "Hit · ");
        assertThat(hit).isNotNull();
        assertThat(hit.path("name").asText()).contains("\"case. cervical\"");
        assertThat(param(hit, "Segment")).contains("⟦case. cervical⟧");
        assertThat(param(hit, "Annotated errors")).isNotBlank().isNotEqualTo("none in this segment");
        String page = Files.readString(reports.resolve("allure-results")
                .resolve(hit.path("attachments").get(0).path("source").asText()), StandardCharsets.UTF_8);
        assertThat(page).contains("<mark class=\"", ">case. cervical</mark>");

        // human text: every finding is a false alarm, so the rule fails and its steps are failed false alarms
        JsonNode onHuman = results.stream()
                .filter(r -> r.path("fullName").asText().startsWith("eval:human.jsonl:Calque:"))
                .filter(r -> !r.path("fullName").asText().endsWith(":Overall"))
                .findFirst().orElseThrow(() -> new AssertionError("no rule fired on human.jsonl"));
        assertThat(onHuman.path("status").asText()).isEqualTo("failed");
        assertThat(onHuman.path("statusDetails").path("message").asText()).startsWith("Fires mostly on clean text");
        assertThat(param(onHuman, "Precision")).startsWith("0% (0 hits of ");
        JsonNode alarm = step(onHuman, "False alarm [");
        assertThat(alarm).isNotNull();
        assertThat(alarm.path("status").asText()).isEqualTo("failed");
        assertThat(param(alarm, "Segment")).contains("⟦", "⟧");

        // each corpus opens with the whole checker's figures, the same as the JSON output's
        JsonNode out = JSON.readTree(json.toFile());
        JsonNode bio = testCase(results, "biomqm.jsonl", "Overall");
        JsonNode bioFigures = EvalCommandTest.corpus(out, "biomqm.jsonl").path("calque");
        assertThat(param(bio, "Findings")).isEqualTo(String.format(Locale.ROOT, "%,d", bioFigures.path("findings").asInt()));
        assertThat(param(bio, "Precision")).startsWith(String.format(Locale.ROOT, "%.0f%%",
                bioFigures.path("spans").path("precision").asDouble() * 100));
        assertThat(bio.path("name").asText()).startsWith("Overall · " + bioFigures.path("findings").asInt() + " finding");
        JsonNode human = testCase(results, "human.jsonl", "Overall");
        assertThat(param(human, "False alarms per 1,000 words (clean text)")).startsWith(String.format(Locale.ROOT, "%.2f",
                EvalCommandTest.corpus(out, "human.jsonl").path("calque").path("clean").path("perThousandWords").asDouble()));
        assertThat(human.path("status").asText()).isEqualTo("passed");

        String index = Files.readString(reports.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(index).contains("Calque eval").doesNotContain("googletagmanager").doesNotContain("gtag(");
        assertThat(reports.resolve("history")).isDirectory();
        try (Stream<Path> left = Files.list(reports)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no staging folder left behind")
                    .noneMatch(n -> n.startsWith(".calque-report-"));
        }
    }
}

package dev.calque.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end, as a user runs them. */
class EvalCommandTest {
    static final Path DIR = Path.of("src/test/resources/eval");
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode corpus(JsonNode root, String file) {
        for (JsonNode c : root.path("eval").path("corpora")) if (c.path("file").asText().equals(file)) return c;
        throw new AssertionError(file + " not in " + root);
    }

    static JsonNode rule(JsonNode figures, String id) {
        for (JsonNode r : figures.path("rules")) if (r.path("rule").asText().equals(id)) return r;
        return null;
    }

    @Test
    void evalWritesCalqueAndStockFiguresSideBySideAsJson(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("eval.json");
        int code = Main.run("eval", DIR.resolve("biomqm.jsonl").toString(), DIR.resolve("human.jsonl").toString(),
                DIR.resolve("wmt23.jsonl").toString(), "--baseline-lt", "--threads", "2", "-q", "--no-report", "-f", "json",
                "-o", out.toString());
        assertThat(code).isEqualTo(Main.OK);
        JsonNode root = JSON.readTree(out.toFile());
        assertThat(root.path("kind").asText()).isEqualTo("calque-eval");
        assertThat(root.path("eval").path("source").asText()).isEqualTo("auto");

        JsonNode bio = corpus(root, "biomqm.jsonl");
        assertThat(bio.path("source").asText()).isEqualTo("fr");
        assertThat(bio.path("segments").asInt()).isEqualTo(6);
        JsonNode split = rule(bio.path("calque"), "BROKEN_SPLIT");
        assertThat(split).isNotNull();
        assertThat(split.path("hits").asInt()).isEqualTo(1);
        assertThat(split.path("falseAlarms").asInt()).isZero();
        assertThat(split.path("hitExamples").get(0).path("passage").asText()).isEqualTo("case. cervical");
        assertThat(rule(bio.path("languageTool"), "BROKEN_SPLIT")).as("stock LanguageTool alone has no Calque rule").isNull();

        JsonNode human = corpus(root, "human.jsonl");
        for (String checker : new String[] {"calque", "languageTool"}) {
            JsonNode f = human.path(checker);
            assertThat(f.path("clean").path("falseAlarms").asInt()).isEqualTo(f.path("findings").asInt());
            assertThat(f.path("clean").path("words").asInt()).isEqualTo(273);
        }
        assertThat(human.path("languageTool").path("clean").path("falseAlarms").asInt()).isEqualTo(3);
        assertThat(human.path("languageTool").path("clean").path("perThousandWords").asDouble())
                .isEqualTo(3000.0 / 273);

        assertThat(corpus(root, "wmt23.jsonl").path("source").asText()).as("taken from \"pair\": zh-en").isEqualTo("zh");
    }

    @Test
    void evalPrintsMarkdownTablesAndRejectsBadInput(@TempDir Path tmp) throws Exception {
        Path md = tmp.resolve("eval.md");
        assertThat(Main.run("eval", DIR.resolve("human.jsonl").toString(), DIR.resolve("diabla.jsonl").toString(),
                "--no-bundled-rules", "-q", "--no-report", "-f", "markdown", "-o", md.toString())).isEqualTo(Main.OK);
        String text = Files.readString(md, StandardCharsets.UTF_8);
        assertThat(text).contains("## human.jsonl", "false alarms per 1,000 words (human text)",
                "## diabla.jsonl", "| perfect |", "BETWEEN_TO_AND", "## All corpora");

        assertThat(Main.run("eval", tmp.resolve("missing.jsonl").toString(), "-q")).isEqualTo(Main.USAGE);
        assertThat(Main.run("eval", DIR.resolve("human.jsonl").toString(), "--min-votes", "0")).isEqualTo(Main.USAGE);
        assertThat(Files.exists(tmp.resolve("missing.json"))).isFalse();
    }

    @Test
    void rulesStatsAggregatesCheckReportsAndVerdicts(@TempDir Path tmp) throws Exception {
        Path article = tmp.resolve("story.txt");
        Files.writeString(article, "Poutine said the talks would resume. Poutine left for Moscow.\n\n"
                + "The talks are set for January 10.\n\nsource site\n");
        Path report = tmp.resolve("run.json");
        Main.run("check", article.toString(), "--no-stock", "-q", "-f", "json", "-o", report.toString());
        JsonNode checked = JSON.readTree(report.toFile());
        int words = checked.path("summary").path("words").asInt();
        assertThat(words).isPositive();

        String furniturePassage = null;
        for (JsonNode f : checked.path("articles").get(0).path("findings")) {
            if (f.path("rule").asText().equals("PAGE_FURNITURE")) furniturePassage = f.path("passage").asText();
        }
        assertThat(furniturePassage).isNotNull();
        // a YAML suppressions file, by rule and passage (the format calque check --suppressions reads)
        Path verdicts = tmp.resolve("verdicts.yml");
        Files.writeString(verdicts, "suppressions:\n  - rule: PAGE_FURNITURE\n    passage: \"" + furniturePassage
                + "\"\n    reason: the site name is part of the story here\n");
        Path stats = tmp.resolve("stats.json");
        // the same report twice: twice the fires and the words
        assertThat(Main.run("rules", "stats", report.toString(), report.toString(), "--verdicts", verdicts.toString(),
                "-f", "json", "-o", stats.toString())).isEqualTo(Main.OK);
        JsonNode s = JSON.readTree(stats.toFile());
        assertThat(s.path("reports").asInt()).isEqualTo(2);
        assertThat(s.path("words").asInt()).isEqualTo(2 * words);
        JsonNode names = null;
        JsonNode furniture = null;
        for (JsonNode r : s.path("rules")) {
            if (r.path("rule").asText().equals("FR_NAME_FORM")) names = r;
            if (r.path("rule").asText().equals("PAGE_FURNITURE")) furniture = r;
        }
        assertThat(names).isNotNull();
        assertThat(names.path("fires").asInt()).isEqualTo(4);
        assertThat(names.path("articles").asInt()).isEqualTo(2);
        assertThat(names.path("perThousandWords").asDouble()).isEqualTo(4 * 1000.0 / (2 * words));
        assertThat(names.path("markedFalsePositive").asInt()).isZero();
        assertThat(furniture).isNotNull();
        assertThat(furniture.path("fires").asInt()).isEqualTo(2);
        assertThat(furniture.path("markedFalsePositive").asInt()).as("the finding in both reports").isEqualTo(2);
        assertThat(furniture.path("falsePositiveShare").asDouble()).isEqualTo(1.0);

        assertThat(Main.run("rules", "stats", article.toString())).as("not a JSON report").isEqualTo(Main.USAGE);
        Path noReason = tmp.resolve("no-reason.json");
        Files.writeString(noReason, "{\"suppressions\": [{\"rule\": \"PAGE_FURNITURE\", \"passage\": \"x\"}]}");
        assertThat(Main.run("rules", "stats", report.toString(), "--verdicts", noReason.toString()))
                .as("read by the strict suppressions loader").isEqualTo(Main.USAGE);
    }

    @Test
    void rulesStatsCountsASuppressionByFingerprintFromTheJsonReport(@TempDir Path tmp) throws Exception {
        Path seed = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt");
        Path report = tmp.resolve("seed.json");
        Main.run("check", seed.toString(), "--no-stock", "--no-report", "-q", "-f", "json", "-o", report.toString());
        JsonNode first = JSON.readTree(report.toFile()).path("articles").get(0).path("findings").get(0);
        String rule = first.path("rule").asText();
        String fingerprint = first.path("fingerprint").asText();
        assertThat(fingerprint).isNotBlank();
        int fires = 0;
        for (JsonNode f : JSON.readTree(report.toFile()).path("articles").get(0).path("findings")) {
            if (f.path("rule").asText().equals(rule)) fires++;
        }

        // the suppressions file an editor writes for calque check --suppressions, unchanged
        Path suppressions = tmp.resolve("calque-suppressions.json");
        JSON.writeValue(suppressions.toFile(), java.util.Map.of("suppressions", java.util.List.of(java.util.Map.of(
                "fingerprint", fingerprint, "rule", rule, "passage", first.path("passage").asText(),
                "reason", "correct in this story"))));
        Path stats = tmp.resolve("stats.json");
        assertThat(Main.run("rules", "stats", report.toString(), "--verdicts", suppressions.toString(),
                "-f", "json", "-o", stats.toString())).isEqualTo(Main.OK);
        JsonNode s = JSON.readTree(stats.toFile());
        int marked = 0;
        for (JsonNode r : s.path("rules")) {
            if (r.path("rule").asText().equals(rule)) {
                assertThat(r.path("fires").asInt()).isEqualTo(fires);
                assertThat(r.path("markedFalsePositive").asInt()).isEqualTo(1);
                assertThat(r.path("falsePositiveShare").asDouble()).isEqualTo(1.0 / fires);
            }
            marked += r.path("markedFalsePositive").asInt();
        }
        assertThat(marked).as("only the suppressed finding").isEqualTo(1);
    }
}

package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calque.ingest.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval} measures what {@code check} runs: with the same calque.yml (a rule disabled, a
 * severity changed, stock rules off), both report the same rules at the same severities, the same
 * number of times, on the same text.
 */
class SameSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void evalAndCheckRunTheSameRulesWithTheSameSettings() throws Exception {
        List<String> paragraphs = Fixtures.seedParagraphs();
        Path article = Files.writeString(dir.resolve("seed.txt"), String.join("\n\n", paragraphs) + "\n",
                StandardCharsets.UTF_8);
        // the same text as a corpus: one document, one segment per paragraph (eval joins them with a blank line)
        StringBuilder corpus = new StringBuilder();
        for (int i = 0; i < paragraphs.size(); i++) {
            ObjectNode row = JSON.createObjectNode().put("corpus", "seed").put("pair", "fr-en").put("doc", "seed")
                    .put("system", "mt").put("seg", i + 1).put("text", paragraphs.get(i)).put("annotated", false);
            corpus.append(row).append('\n');
        }
        Path jsonl = Files.writeString(dir.resolve("seed.jsonl"), corpus, StandardCharsets.UTF_8);
        Path config = Files.writeString(dir.resolve("calque.yml"), """
                source: fr
                rules:
                  stock: false
                  disable: [PAGE_FURNITURE]
                  severity: {FR_NAME_FORM: critical, STRONGMAN_OF: major}
                """);

        Map<String, String> checked = checkRun(article, "--config", config.toString());
        Map<String, String> measured = evalRun(jsonl, "--config", config.toString());
        assertThat(measured).isEqualTo(checked);
        assertThat(checked).doesNotContainKey("PAGE_FURNITURE")
                .containsEntry("FR_NAME_FORM", "critical x1").containsEntry("STRONGMAN_OF", "major x1");

        // and without the file, both go back to the defaults: the setting was what made the difference
        Map<String, String> plainCheck = checkRun(article, "--no-stock");
        assertThat(plainCheck).containsEntry("PAGE_FURNITURE", "major x1").containsEntry("FR_NAME_FORM", "major x1");
        assertThat(evalRun(jsonl, "--no-stock")).isEqualTo(plainCheck);
    }

    /** Rule id -> "severity xN" of a check's findings. */
    private Map<String, String> checkRun(Path article, String... options) throws Exception {
        Path out = dir.resolve("check.json");
        String[] args = concat(new String[] {"check", "--no-report", "-q", "-f", "json", "-o", out.toString()}, options,
                new String[] {article.toString()});
        assertThat(Main.run(args)).isIn(Main.OK, Main.FAILED_GATE);
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> severity = new TreeMap<>();
        for (JsonNode f : JSON.readTree(out.toFile()).at("/articles/0/findings")) {
            counts.merge(f.get("rule").asText(), 1, Integer::sum);
            severity.put(f.get("rule").asText(), f.get("severity").asText());
        }
        Map<String, String> out2 = new TreeMap<>();
        counts.forEach((r, n) -> out2.put(r, severity.get(r) + " x" + n));
        return out2;
    }

    /** Rule id -> "severity xN" of eval's Calque figures. */
    private Map<String, String> evalRun(Path corpus, String... options) throws Exception {
        Path out = dir.resolve("eval.json");
        String[] args = concat(new String[] {"eval", "--no-report", "-q", "-f", "json", "-o", out.toString()}, options,
                new String[] {corpus.toString()});
        assertThat(Main.run(args)).isEqualTo(Main.OK);
        Map<String, String> rules = new TreeMap<>();
        for (JsonNode r : JSON.readTree(out.toFile()).at("/eval/corpora/0/calque/rules")) {
            if (r.get("findings").asInt() > 0) {
                rules.put(r.get("rule").asText(), r.get("severity").asText() + " x" + r.get("findings").asInt());
            }
        }
        return rules;
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}

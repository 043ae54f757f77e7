package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The risk model in check's outputs and gate, end to end on the seed article. */
class RiskGateTest {
    static final Path SEED = CiRunTest.SEED;

    @TempDir
    Path dir;

    private record Result(int exit, JsonNode json, String sarif) {
    }

    private Result check(String... args) throws Exception {
        Path json = dir.resolve("out-" + System.nanoTime() + ".json");
        Path sarif = dir.resolve("out-" + System.nanoTime() + ".sarif");
        List<String> all = new ArrayList<>(List.of("check", "--no-report", "--no-stock", "--threads", "1", "-q",
                "-f", "json", "-o", json.toString(), "-f", "sarif", "-o", sarif.toString()));
        all.addAll(List.of(args));
        all.add(SEED.toString());
        int code = Main.run(all.toArray(String[]::new));
        return new Result(code, new ObjectMapper().readTree(json.toFile()), Files.readString(sarif));
    }

    @Test
    void findingsCarryConfidenceAndTheArticleItsRiskInJsonAndSarif() throws Exception {
        Result r = check();
        assertThat(r.exit()).isEqualTo(Main.FAILED_GATE);
        JsonNode a = r.json().at("/articles/0");
        assertThat(a.get("risk").asDouble()).isBetween(0.0, 1.0);
        assertThat(a.get("segments").size()).isGreaterThan(3);
        for (JsonNode f : a.get("findings")) assertThat(f.get("confidence").asDouble()).isBetween(0.0, 1.0);
        JsonNode sarif = new ObjectMapper().readTree(r.sarif());
        JsonNode results = sarif.at("/runs/0/results");
        assertThat(results.size()).isEqualTo(a.get("findings").size());
        for (int i = 0; i < results.size(); i++) {
            double rank = results.get(i).get("rank").asDouble();
            assertThat(rank).isBetween(0.0, 100.0);
            assertThat(rank).isCloseTo(a.get("findings").get(i).get("confidence").asDouble() * 100,
                    org.assertj.core.data.Offset.offset(0.06));
        }
    }

    @Test
    void findingsBelowMinConfidenceAreHintsThatNeverFailTheGate() throws Exception {
        double highest = 0;
        Result r = check();
        for (JsonNode f : r.json().at("/articles/0/findings")) highest = Math.max(highest, f.get("confidence").asDouble());
        // every finding below the threshold: the article passes on findings (the score gate is off by default)
        Result hints = check("--min-confidence", Double.toString(Math.min(1, highest + 0.01)));
        assertThat(hints.exit()).isEqualTo(Main.OK);
        assertThat(hints.json().at("/articles/0/findings").size()).isEqualTo(r.json().at("/articles/0/findings").size());
        // at or below the most confident finding's confidence, that finding still fails the article
        assertThat(check("--min-confidence", Double.toString(highest - 0.001)).exit()).isEqualTo(Main.FAILED_GATE);
    }

    /** JSON and SARIF carry the console's split: below --min-confidence a finding is a hint (SARIF: a note). */
    @Test
    void hintsAreMarkedInJsonAndAreNotesInSarif() throws Exception {
        List<Double> confidences = new ArrayList<>();
        for (JsonNode f : check().json().at("/articles/0/findings")) confidences.add(f.get("confidence").asDouble());
        List<Double> sorted = confidences.stream().distinct().sorted().toList();
        assertThat(sorted).as("the seed article's findings differ in confidence").hasSizeGreaterThan(1);
        double threshold = (sorted.get(0) + sorted.get(sorted.size() - 1)) / 2;
        Result r = check("--min-confidence", Double.toString(threshold));
        JsonNode findings = r.json().at("/articles/0/findings");
        JsonNode results = new ObjectMapper().readTree(r.sarif()).at("/runs/0/results");
        int hints = 0;
        for (int i = 0; i < findings.size(); i++) {
            JsonNode f = findings.get(i);
            boolean below = f.get("confidence").asDouble() < threshold;
            assertThat(f.path("hint").asBoolean(false)).as(f.toString()).isEqualTo(below);
            if (below) {
                hints++;
                assertThat(results.get(i).get("level").asText()).isEqualTo("note");
            } else {
                assertThat(results.get(i).get("level").asText()).isIn("error", "warning");
            }
        }
        assertThat(hints).isBetween(1, findings.size() - 1);
        // without the option no finding is a hint
        for (JsonNode f : check().json().at("/articles/0/findings")) assertThat(f.has("hint")).isFalse();
    }

    @Test
    void maxRiskFailsAnArticleWhoseRiskIsAboveIt() throws Exception {
        double risk = check().json().at("/articles/0/risk").asDouble();
        assertThat(check("--fail-on", "never", "--max-risk", Double.toString(Math.max(0, risk - 0.01))).exit())
                .isEqualTo(Main.FAILED_GATE);
        assertThat(check("--fail-on", "never", "--max-risk", "1").exit()).isEqualTo(Main.OK);
    }

    /** gate.minConfidence and gate.maxRisk in calque.yml act as the options do, and the options override them. */
    @Test
    void calqueYmlGateProbabilitiesActAsTheOptions() throws Exception {
        double highest = 0;
        for (JsonNode f : check().json().at("/articles/0/findings")) highest = Math.max(highest, f.get("confidence").asDouble());
        Path yml = dir.resolve("calque.yml");
        Files.writeString(yml, "gate:\n  minConfidence: " + Math.min(1, highest + 0.01) + "\n");
        assertThat(check("--config", yml.toString()).exit()).as("every finding a hint").isEqualTo(Main.OK);
        assertThat(check("--config", yml.toString(), "--min-confidence", "0").exit()).as("the option wins")
                .isEqualTo(Main.FAILED_GATE);

        double risk = check().json().at("/articles/0/risk").asDouble();
        Files.writeString(yml, "gate:\n  failOn: never\n  maxRisk: " + Math.max(0, risk - 0.01) + "\n");
        assertThat(check("--config", yml.toString()).exit()).isEqualTo(Main.FAILED_GATE);
        assertThat(check("--config", yml.toString(), "--max-risk", "1").exit()).isEqualTo(Main.OK);
    }

    @Test
    void aBadGateProbabilityInCalqueYmlIsOneLineNamingFileAndKey() throws Exception {
        Path yml = dir.resolve("calque.yml");
        Files.writeString(yml, "gate:\n  maxRisk: 2\n");
        CliRun r = CliRun.of("check", "--no-stock", "--config", yml.toString(), SEED.toString());
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.err().strip()).startsWith("calque: " + yml + ":2: gate.maxRisk must be a probability between 0 and 1")
                .doesNotContain("\n");
    }

    @Test
    void aProbabilityOutsideZeroToOneIsAUsageError() throws Exception {
        CliRun r = CliRun.of("check", "--no-stock", "--min-confidence", "1.5", SEED.toString());
        assertThat(r.exit()).isNotEqualTo(Main.OK).isNotEqualTo(Main.FAILED_GATE);
        assertThat(r.err()).contains("--min-confidence must be a probability between 0 and 1");
    }
}

package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calque.model.Severity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("calque.yml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    private String error(String yaml) throws Exception {
        Path f = write(yaml);
        try {
            Config.load(f);
        } catch (UsageError e) {
            assertThat(e.getMessage()).startsWith(f + ":");
            return e.getMessage().substring(f.toString().length());
        }
        throw new AssertionError("no error for:\n" + yaml);
    }

    @Test
    void unknownKeyNamesTheLineAndTheKnownKeys() throws Exception {
        assertThat(error("source: fr\ngate:\n  failOn: major\n  minscore: 90\n"))
                .startsWith(":4: unknown key 'minscore' (known keys here: [")
                .contains("minScore");
        assertThat(error("colour: red\n")).startsWith(":1: unknown key 'colour'");
    }

    @Test
    void badValuesNameTheirLine() throws Exception {
        assertThat(error("rules:\n  severity:\n    FR_NAME_FORM: huge\n"))
                .isEqualTo(":3: rules.severity.FR_NAME_FORM: unknown severity 'huge' (use neutral, minor, major or critical)");
        assertThat(error("gate:\n  minScore: 150\n")).startsWith(":2: gate.minScore must be at most 100");
        assertThat(error("gate:\n  failOn: sometimes\n")).startsWith(":2: gate.failOn must be minor, major, critical or never");
        assertThat(error("scoring:\n  weights:\n    minor: -1\n")).startsWith(":3: scoring.weights.minor must not be negative");
        assertThat(error("scoring:\n  minWords: many\n")).startsWith(":2: scoring.minWords must be a whole number");
        assertThat(error("rules:\n  categories:\n    disable: [Stlye]\n")).startsWith(":3: unknown MQM category 'Stlye'");
        assertThat(error("rules:\n  folders: [no-such-folder]\n")).startsWith(":2: rule folder 'no-such-folder' not found");
        assertThat(error("gate:\n  failOn: [major]\n")).startsWith(":2: expected a single value here, not a list");
        assertThat(error("gate: {failOn: major\n")).contains("not valid YAML");
        assertThat(error("rules:\n  disable: PAGE_FURNITURE\n")).startsWith(":2: expected a list here");
        assertThat(error("gate: strict\n")).startsWith(":1: expected a mapping");
        assertThat(error("source: fr\nreport:\n  majorAs: urgent\n"))
                .startsWith(":3: report.majorAs must be normal or blocker, not 'urgent'");
        assertThat(error("report:\n  majorAS: blocker\n")).startsWith(":2: unknown key 'majorAS'");
        assertThat(error("gate:\n  failOn: major\n  minConfidence: 1.5\n"))
                .startsWith(":3: gate.minConfidence must be a probability between 0 and 1, not 1.5");
        assertThat(error("gate:\n  maxRisk: -0.1\n")).startsWith(":2: gate.maxRisk must be a probability between 0 and 1");
        assertThat(error("gate:\n  maxRisk: high\n")).startsWith(":2: gate.maxRisk must be a number, not 'high'");
        assertThat(error("gate:\n  minconfidence: 0.3\n")).startsWith(":2: unknown key 'minconfidence'")
                .contains("minConfidence", "maxRisk");
    }

    @Test
    void aGoodFileLoads() throws Exception {
        Files.createDirectories(dir.resolve("my-rules"));
        Config c = Config.load(write("""
                source: fr
                target: en-GB
                rules:
                  folders: [my-rules]
                  disable: [PAGE_FURNITURE]
                  severity: {FR_NAME_FORM: critical}
                scoring:
                  weights: {minor: 2}
                  categoryWeights: {Locale: {minor: 0.5}}
                  minWords: 100
                gate: {failOn: critical, minScore: 80, minConfidence: 0.3, maxRisk: 0.9}
                """));
        Settings s = c.settings();
        assertThat(s.gate().failOn()).isEqualTo(Severity.CRITICAL);
        assertThat(s.gate().minConfidence()).isEqualTo(0.3);
        assertThat(s.gate().maxRisk()).isEqualTo(0.9);
        // the command line's other gate options leave the file's probabilities alone; its own replace them
        Settings fromCli = s.with(Settings.CommandLine.NONE.withGate("major", null, null));
        assertThat(fromCli.gate().minConfidence()).isEqualTo(0.3);
        assertThat(fromCli.withRiskGate(0.5, null).gate().minConfidence()).isEqualTo(0.5);
        assertThat(fromCli.withRiskGate(0.5, null).gate().maxRisk()).isEqualTo(0.9);
        assertThat(s.gate().minScore()).isEqualTo(80.0);
        Settings cli = s.with(Settings.CommandLine.NONE.withGate("never", 70.0, null));
        assertThat(cli.gate().failOn()).isNull(); // the command line wins
        assertThat(cli.gate().minScore()).isEqualTo(70.0);
        assertThat(s.target()).isEqualTo("en-GB");
        assertThat(s.disabled()).containsExactly("PAGE_FURNITURE");
        assertThat(s.ruleDirs()).endsWith(dir.resolve("my-rules").toAbsolutePath());
        assertThat(s.with(Settings.CommandLine.of("en-US", null, java.util.List.of(), true, true)))
                .satisfies(o -> {
                    assertThat(o.target()).isEqualTo("en-US");
                    assertThat(o.bundledRules()).isFalse();
                    assertThat(o.stockRules()).isFalse();
                    assertThat(o.source()).isEqualTo("fr");
                });
        assertThat(s.scoring().weights().get(Severity.MINOR)).isEqualTo(2.0);
        assertThat(s.scoring().weights().get(Severity.MAJOR)).isEqualTo(5.0);
        assertThat(s.scoring().minWords()).isEqualTo(100);
        assertThat(s.scoring().categoryWeights()).containsKeys("Locale", "Fluency/Punctuation");
        assertThat(c.resolve(c.rules.folders.get(0))).isEqualTo(dir.resolve("my-rules").toAbsolutePath());
    }

    @Test
    void theCommandExitsWithTwoAndOneLineNamingFileAndLine() throws Exception {
        Path f = write("gate:\n  failOn: major\nrules:\n  disable: [PAGE_FURNITURE]\n  severty: {}\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run("check", "--config", f.toString(), "src/test/resources/articles");
        } finally {
            System.setErr(old);
        }
        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .startsWith("calque: " + f + ":5: unknown key 'severty'").doesNotContain("\n");
    }

    @Test
    void missingConfigFileIsAUsageError() {
        assertThatThrownBy(() -> Config.find(dir.resolve("nope.yml"))).isInstanceOf(UsageError.class)
                .hasMessageContaining("nope.yml: configuration file not found");
    }

    /** The Allure severity of an article whose worst finding is major, from calque.yml, and --major-as over it. */
    @Test
    void reportMajorAsSetsTheAllureSeverityOfMajorArticles() throws Exception {
        Path article = dir.resolve("story.txt");
        Files.writeString(article, "Poutine said the talks would resume on Monday.\n", StandardCharsets.UTF_8);
        Path f = write("rules:\n  stock: false\n  severity: {FR_NAME_FORM: major}\nreport:\n  majorAs: blocker\n");
        Path reports = dir.resolve("reports");
        assertThat(Main.run("check", "--config", f.toString(), article.toString(), "--report-dir", reports.toString(),
                "-q", "-f", "json", "-o", dir.resolve("run.json").toString())).isEqualTo(Main.FAILED_GATE);
        assertThat(severityLabel(reports)).isEqualTo("blocker");

        assertThat(Main.run("check", "--config", f.toString(), article.toString(), "--report-dir", reports.toString(),
                "--major-as", "normal", "-q", "-f", "json", "-o", dir.resolve("run.json").toString()))
                .isEqualTo(Main.FAILED_GATE);
        assertThat(severityLabel(reports)).as("the command line wins").isEqualTo("normal");

        assertThat(Main.run("check", "--config", f.toString(), article.toString(), "--no-report", "--major-as", "high"))
                .isEqualTo(Main.USAGE);
    }

    private static String severityLabel(Path reports) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (java.util.stream.Stream<Path> files = Files.list(reports.resolve("allure-results"))) {
            for (Path r : (Iterable<Path>) files::iterator) {
                if (!r.getFileName().toString().endsWith("-result.json")) continue;
                for (var l : json.readTree(r.toFile()).path("labels")) {
                    if (l.path("name").asText().equals("severity")) return l.path("value").asText();
                }
            }
        }
        throw new AssertionError("no severity label in " + reports);
    }
}

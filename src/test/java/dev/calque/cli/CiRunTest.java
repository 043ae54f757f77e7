package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.ingest.Fixtures;
import dev.calque.model.Texts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CI behaviour end to end through {@link Main#run}: real files in, exit codes and JSON out. */
class CiRunTest {
    static final Path SEED = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt");

    @TempDir
    Path dir;

    /** Runs check with a JSON output (stock LanguageTool off: Calque's rules are what these tests are about). */
    private Result check(String... args) throws Exception {
        Path json = dir.resolve("out-" + System.nanoTime() + ".json");
        List<String> all = new ArrayList<>(List.of("check", "--no-report", "--no-stock", "--threads", "1", "-q", "-f", "json", "-o",
                json.toString()));
        all.addAll(List.of(args));
        int code = Main.run(all.toArray(String[]::new));
        return new Result(code, Files.exists(json) ? new ObjectMapper().readTree(json.toFile()) : null);
    }

    record Result(int exit, JsonNode json) {
        int articles() {
            return json.at("/summary/articles").asInt();
        }
    }

    @Test
    void aSixtyWordBriefWithOneMinorFindingPassesTheDefaultGateWithScore96() throws Exception {
        String brief = "Moscow talks end without a deal\n\nAccording to the Kremlin, Vladimir Poutine said on Thursday "
                + "that he was satisfied with the exchange, which lasted about fifty minutes. An official of the American "
                + "administration described the conversation as serious and concrete. The two leaders agreed that "
                + "their negotiators would meet again in Geneva in January to discuss security guarantees in Europe.\n";
        assertThat(Texts.wordCount(brief)).isEqualTo(60);
        Path article = dir.resolve("brief.txt");
        Files.writeString(article, brief, StandardCharsets.UTF_8);
        Path config = dir.resolve("calque.yml");
        Files.writeString(config, "rules:\n  severity:\n    FR_NAME_FORM: minor\n");
        Result r = check("--config", config.toString(), article.toString());
        assertThat(r.exit()).isEqualTo(Main.OK);
        assertThat(r.json().at("/articles/0/findings")).hasSize(1);
        assertThat(r.json().at("/articles/0/findings/0/severity").asText()).isEqualTo("minor");
        assertThat(r.json().at("/articles/0/score").asDouble()).isEqualTo(96.0);
        assertThat(r.json().at("/summary/score").asDouble()).isEqualTo(96.0);

        // a critical finding fails its article even when the score would pass, unless the gate says never
        Files.writeString(config, "rules:\n  severity:\n    FR_NAME_FORM: critical\n");
        assertThat(check("--config", config.toString(), "--min-score", "0", article.toString()).exit())
                .isEqualTo(Main.FAILED_GATE);
        assertThat(check("--config", config.toString(), "--fail-on", "critical", article.toString()).exit())
                .isEqualTo(Main.FAILED_GATE);
        Files.writeString(config, "rules:\n  severity:\n    FR_NAME_FORM: critical\ngate:\n  failOn: never\n");
        assertThat(check("--config", config.toString(), article.toString()).exit()).isEqualTo(Main.OK);
    }

    @Test
    void baselineAndSuppressionsLeaveOnlyNewFindingsToGate() throws Exception {
        Path articles = Files.createDirectories(dir.resolve("articles"));
        Path story = articles.resolve("story.txt");
        Files.copy(SEED, story);
        Path baseline = dir.resolve("calque-baseline.json");

        assertThat(Main.run("baseline", "--no-stock", "--threads", "1", articles.toString(), "-o", baseline.toString()))
                .isEqualTo(Main.OK);
        JsonNode b = new ObjectMapper().readTree(baseline.toFile());
        int seedFindings = Fixtures.seedFindings().size();
        assertThat(b.get("findings")).hasSize(seedFindings);

        Result accepted = check("--baseline", baseline.toString(), articles.toString());
        assertThat(accepted.exit()).isEqualTo(Main.OK);
        assertThat(accepted.json().at("/summary/suppressed").asInt()).isEqualTo(seedFindings);
        assertThat(accepted.json().at("/articles/0/findings")).isEmpty();
        assertThat(accepted.json().at("/summary/verdict").asText()).contains(seedFindings + " suppressed");

        // a new paragraph with a new problem above the old ones: only the new one is reported and fails
        String text = Files.readString(story, StandardCharsets.UTF_8);
        int second = text.indexOf("\n\n") + 2;
        Files.writeString(story, text.substring(0, second) + "“No comment”, swept to Reuters a spokesman.\n\n"
                + text.substring(second), StandardCharsets.UTF_8);
        Result fresh = check("--baseline", baseline.toString(), articles.toString());
        assertThat(fresh.exit()).isEqualTo(Main.FAILED_GATE);
        assertThat(fresh.json().at("/articles/0/findings")).hasSize(1);
        assertThat(fresh.json().at("/articles/0/findings/0/passage").asText()).isEqualTo("swept to Reuters");
        assertThat(fresh.json().at("/summary/suppressed").asInt()).isEqualTo(seedFindings);

        // an editor's verdict that it is a false positive, by rule and passage
        Path suppressions = dir.resolve("suppressions.yml");
        Files.writeString(suppressions, """
                suppressions:
                  - rule: AGENCY_NON_SPEECH_VERB
                    passage: swept to Reuters
                    reason: quoted verbatim from the agency's own English copy
                """);
        Result both = check("--baseline", baseline.toString(), "--suppressions", suppressions.toString(),
                articles.toString());
        assertThat(both.exit()).isEqualTo(Main.OK);
        assertThat(both.json().at("/summary/suppressed").asInt()).isEqualTo(13);

        // the same through calque.yml, with a fingerprint taken from the JSON output
        String fp = fresh.json().at("/articles/0/findings/0/fingerprint").asText();
        Files.writeString(dir.resolve("fp.json"), "{\"suppressions\": [{\"fingerprint\": \"" + fp
                + "\", \"reason\": \"house style\"}]}");
        Path config = dir.resolve("calque.yml");
        Files.writeString(config, "baseline: calque-baseline.json\nsuppressions: fp.json\n");
        Result viaConfig = check("--config", config.toString(), articles.toString());
        assertThat(viaConfig.exit()).isEqualTo(Main.OK);
        assertThat(viaConfig.json().at("/summary/suppressed").asInt()).isEqualTo(13);

        // a suppression without a reason is refused
        Files.writeString(suppressions, "suppressions:\n  - rule: AGENCY_NON_SPEECH_VERB\n    passage: swept to Reuters\n");
        assertThat(check("--suppressions", suppressions.toString(), articles.toString()).exit()).isEqualTo(Main.USAGE);
    }

    @Test
    void theStateFileChecksEachNewOrChangedFeedItemOnce() throws Exception {
        Path feed = dir.resolve("wire.rss");
        Files.copy(Path.of("src/test/resources/feeds/ci-wire.rss"), feed, StandardCopyOption.REPLACE_EXISTING);
        Path state = dir.resolve(".calque-state.json");

        Result first = check(feed.toString(), "--state", state.toString());
        assertThat(first.articles()).isEqualTo(3);
        assertThat(first.exit()).isEqualTo(Main.FAILED_GATE); // "Poutine" in the first story
        assertThat(new ObjectMapper().readTree(state.toFile()).get("items")).hasSize(3);

        Result second = check(feed.toString(), "--state", state.toString());
        assertThat(second.articles()).isZero();
        assertThat(second.json().at("/summary/skipped").asInt()).isEqualTo(3);
        assertThat(second.exit()).isEqualTo(Main.OK);

        String xml = Files.readString(feed, StandardCharsets.UTF_8);
        Files.writeString(feed, xml.replace("stationed near the Ukrainian border", "stationed near the border"),
                StandardCharsets.UTF_8);
        Result third = check(feed.toString(), "--state", state.toString());
        assertThat(third.articles()).isEqualTo(1);
        assertThat(third.json().at("/articles/0/title").asText()).isEqualTo("Troops remain near the border");
        assertThat(third.json().at("/summary/skipped").asInt()).isEqualTo(2);
        assertThat(dir.toFile().list()).noneMatch(n -> n.endsWith(".part")); // written atomically, nothing left over
    }
}

package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.cli.CliRun;
import dev.calque.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article cut at {@code --max-text-chars} whose check (with its original given by {@code --source}) then runs
 * past {@code --timeout}: one line for the input, not two. Before round nine the cut was said when the article was
 * read and the time limit when its check ended, two lines and two unreadable entries for one file.
 */
class CutThenTimeLimitTest {
    private static final Path SEED = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt");
    private static final Path ORIGINAL = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.fr.txt");

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void aCutArticleThatOverrunsItsBudgetIsOneLineSayingBoth() throws Exception {
        // a rule from the pull request that backtracks without end, bounded only by the article's budget
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("slow.yml"), """
                rules:
                  - id: BACKTRACKING_RULE
                    kind: regex
                    category: Style/Unidiomatic
                    severity: minor
                    message: "Backtracks."
                    pattern: '(.*a){12}$'
                    examples:
                      - flag: "<marker>aaaaaaaaaaaa</marker>"
                      - clean: "Putin."
                """);
        Path story = Files.writeString(dir.resolve("story.txt"), String.join("\n\n", Collections.nCopies(4, Files.readString(SEED).strip())));
        Path original = Files.writeString(dir.resolve("story.fr.txt"), String.join("\n\n", Collections.nCopies(4, Files.readString(ORIGINAL).strip())));
        Path good = Files.copy(SEED, dir.resolve("good.txt"));
        Path json = dir.resolve("out.json");
        CliRun run = CliRun.of("check", "--no-stock", "--threads", "1", "--rules", rules.toString(), "--timeout", "2",
                "--max-text-chars", "3000", "--source", original.toString(), "-f", "json", "-o", json.toString(), story.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(run.err().lines().filter(l -> l.contains("story.txt")).toList()).singleElement().asString()
                .contains("checking took more than the limit of 2 s of processor time, even on the first part of its text"
                        + " kept at --max-text-chars");
        JsonNode unreadable = new ObjectMapper().readTree(json.toFile()).get("unreadable");
        assertThat(unreadable).hasSize(1);

        // an article cut and checked in time still has its cut line (and its note); an article not cut has none
        Path out2 = dir.resolve("out2.json");
        run = CliRun.of("check", "--no-stock", "--threads", "1", "--max-text-chars", "3000", "-f", "json", "-o", out2.toString(),
                story.toString(), good.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(run.err().lines().filter(l -> l.contains("story.txt")).toList()).singleElement().asString()
                .contains("over the limit of 3,000: only the first part was checked");
        assertThat(run.err()).doesNotContain("good.txt");
        JsonNode report = new ObjectMapper().readTree(out2.toFile());
        assertThat(report.get("articles")).hasSize(2);
        assertThat(report.get("unreadable")).hasSize(1);
    }
}

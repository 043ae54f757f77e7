package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.ingest.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule whose expression backtracks without end ({@code (.*a){12}$}, in its pattern or in an
 * {@code unless}) is stopped at {@code --timeout}: the article is reported as over the limit, the
 * run ends. The same expression in an XML rule, where no deadline can reach it, is refused at load.
 */
class RegexDeadlineTest {
    @TempDir
    Path dir;

    private Path rule(String name, String pattern, String unless) throws Exception {
        Path rules = Files.createDirectories(dir.resolve(name));
        Files.writeString(rules.resolve("evil.yml"), """
                rules:
                  - id: BACKTRACKING_RULE
                    kind: regex
                    category: Style/Unidiomatic
                    severity: minor
                    message: "Backtracks."
                    pattern: '%s'
                %s    examples:
                      - flag: "<marker>Putin</marker>"
                      - clean: "Putin."
                """.formatted(pattern, unless == null ? "" : "    unless: ['" + unless + "']\n"));
        return rules;
    }

    private void assertStoppedAtTheLimit(Path rules) throws Exception {
        Path story = Files.copy(Fixtures.SEED, dir.resolve("story.txt"));
        long t0 = System.nanoTime();
        CliRun run = CliRun.of("check", "--no-stock", "--rules", rules.toString(), "--timeout", "2", story.toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(run.err()).contains("story.txt: checking took more than the limit of 2 s of processor time");
        assertThat(seconds).as("wall time of the run").isLessThan(120);
    }

    @Test
    void aBacktrackingPatternStopsAtTheTimeLimit() throws Exception {
        assertStoppedAtTheLimit(rule("pattern", "(.*a){12}$", null));
    }

    @Test
    void aBacktrackingUnlessStopsAtTheTimeLimit() throws Exception {
        assertStoppedAtTheLimit(rule("unless", "Putin", "(.*a){12}$"));
    }

    @Test
    void aBacktrackingTokenExpressionInXmlIsRefusedAtLoad() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("xml"));
        Files.writeString(rules.resolve("evil.xml"), """
                <?xml version="1.0"?>
                <rules lang="en">
                  <category id="X" name="x" mqm="Style/Unidiomatic" severity="minor">
                    <rule id="EVIL_TOKEN" name="evil">
                      <pattern><token regexp="yes">(.*a){12}$</token></pattern>
                      <message>Backtracks.</message>
                      <example correction="">A <marker>aaaaaaaaaaaa</marker>.</example>
                      <example>Putin.</example>
                    </rule>
                  </category>
                </rules>
                """);
        CliRun run = CliRun.of("check", "--no-stock", "--rules", rules.toString(), Fixtures.SEED.toString());
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).contains("evil.xml:5: rule EVIL_TOKEN: regular expression '(.*a){12}$' repeats a group");
    }
}

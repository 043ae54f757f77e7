package dev.calque.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.ingest.Fixtures;
import dev.calque.ingest.Fixtures.ExpectedFinding;
import dev.calque.model.Article;
import dev.calque.model.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed article's artifacts, as listed with the reason for each in
 * {@code src/test/resources/articles/000_5323ff96fa5a9330.expected.tsv}: each flagged with its exact
 * span and severity, and nothing else.
 */
class SeedArticleTest {
    static String text;
    static List<Finding> findings;
    static final List<ExpectedFinding> EXPECTED = Fixtures.seedFindings();

    @BeforeAll
    static void check() throws Exception {
        text = Files.readString(Fixtures.SEED, StandardCharsets.UTF_8);
        Checker checker = Checker.builder().rules(java.nio.file.Path.of("rules")).source("fr").build();
        findings = checker.check(Article.ofText("seed.txt", text)).findings();
    }

    @Test
    void flagsEveryListedArtifactWithItsExactSpanAndSeverity() {
        assertThat(EXPECTED).hasSizeGreaterThan(10);
        for (ExpectedFinding e : EXPECTED) {
            int start = e.start(text);
            assertThat(findings).as("finding on “%s” (%s)", e.passage(), e.why())
                    .anySatisfy(f -> {
                        assertThat(f.rule()).isEqualTo(e.rule());
                        assertThat(f.start()).isEqualTo(start);
                        assertThat(f.end()).isEqualTo(start + e.passage().length());
                        assertThat(f.passage()).isEqualTo(e.passage());
                        assertThat(f.severity().label()).isEqualTo(e.severity());
                    });
        }
    }

    @Test
    void flagsNothingElse() {
        List<String> expected = EXPECTED.stream().map(e -> e.rule() + " @" + e.start(text) + " " + e.passage()).toList();
        assertThat(findings).extracting(f -> f.rule() + " @" + f.start() + " " + f.passage())
                .containsExactlyInAnyOrderElementsOf(expected);
    }
}

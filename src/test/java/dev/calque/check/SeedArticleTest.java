package dev.calque.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.ingest.Article;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SeedArticleTest {
    static String text;
    static List<Finding> findings;

    @BeforeAll
    static void check() throws Exception {
        text = Files.readString(Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt"), StandardCharsets.UTF_8);
        Checker checker = Checker.builder().rules(Path.of("rules")).source("fr").build();
        findings = checker.check(Article.ofText("seed.txt", text)).findings();
        findings.forEach(f -> System.out.println(f.rule() + " " + f.severity() + " [" + f.passage() + "] " + f.message()));
    }

    @Test
    void flagsThePipelineArtifactsWithExactSpans() {
        assertFlagged("Poutine", "FR_NAME_FORM");
        assertFlagged("swept to AFP", "SWEPT_TO_AGENCY");
        assertFlagged("area. influence.", "BROKEN_SPLIT");
        assertFlagged("January 10 in Geneva.", "VERBLESS_FRAGMENT");
        assertFlagged("source site", "PAGE_FURNITURE");
    }

    private void assertFlagged(String passage, String rule) {
        int start = text.indexOf(passage);
        assertThat(start).as(passage).isGreaterThanOrEqualTo(0);
        assertThat(findings).as("finding on “%s”", passage)
                .anySatisfy(f -> {
                    assertThat(f.rule()).isEqualTo(rule);
                    assertThat(f.start()).isEqualTo(start);
                    assertThat(f.end()).isEqualTo(start + passage.length());
                    assertThat(f.passage()).isEqualTo(passage);
                });
    }
}

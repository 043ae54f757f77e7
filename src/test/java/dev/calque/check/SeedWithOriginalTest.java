package dev.calque.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.bilingual.BilingualArticle;
import dev.calque.bilingual.Original;
import dev.calque.model.Article;
import dev.calque.model.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed article checked beside its French original (../shared/seeds/000_5323ff96fa5a9330.fr.txt). */
class SeedWithOriginalTest {
    static String text;
    static String french;
    static List<Finding> alone;
    static List<Finding> paired;

    @BeforeAll
    static void check() throws Exception {
        Path dir = Path.of("src/test/resources/articles");
        text = Files.readString(dir.resolve("000_5323ff96fa5a9330.txt"), StandardCharsets.UTF_8);
        french = Files.readString(dir.resolve("000_5323ff96fa5a9330.fr.txt"), StandardCharsets.UTF_8);
        Checker checker = Checker.builder().rules(Path.of("rules")).source("fr").build();
        alone = checker.check(Article.ofText("seed.txt", text)).findings();
        paired = checker.check(BilingualArticle.of(Article.ofText("seed.txt", text),
                Original.of("seed.fr.txt", "fr", french)), Duration.ofMinutes(3)).findings();
        paired.forEach(f -> System.out.println(f.rule() + " " + f.severity() + " [" + f.passage() + "] " + f.message()
                + " || " + f.sourcePassage()));
    }

    private static Finding at(String rule, String passage) {
        return paired.stream().filter(f -> f.rule().equals(rule) && f.passage().equals(passage)).findFirst()
                .orElseThrow(() -> new AssertionError(rule + " on “" + passage + "” not found in " + paired));
    }

    @Test
    void everyMonolingualArtifactIsStillFlaggedAtTheSamePlace() {
        for (Finding f : alone) {
            assertThat(paired).anyMatch(p -> p.rule().equals(f.rule()) && p.start() == f.start() && p.end() == f.end());
        }
    }

    @Test
    void theNameFormSaysWhatTheOriginalWrites() {
        Finding poutine = at("FR_NAME_FORM", "Poutine");
        assertThat(poutine.message()).contains("The original says “Poutine”");
        assertThat(poutine.sourcePassage()).startsWith("Selon le Kremlin, Vladimir Poutine");
        assertThat(french.substring(poutine.sourceStart(), poutine.sourceEnd())).isEqualTo(poutine.sourcePassage());
    }

    @Test
    void theLeftoverSourceSiteIsAnAdditionWithNoOriginal() {
        Finding site = paired.stream().filter(f -> f.passage().equals("source site")).findFirst().orElseThrow();
        // the furniture rule says what it is; the alignment adds that the original has nothing there
        assertThat(site.message()).contains("Nothing in the original corresponds to “source site”");
        assertThat(site.sourcePassage()).isEmpty();
    }

    @Test
    void theOriginalRaisesNoFalseAlarmOnAFaithfulTranslation() {
        // the seed's errors are fluency and wording errors: nothing is omitted, no number, date, name or
        // negation is changed, so the rules that compare the two sides have nothing to add but the addition
        assertThat(paired).filteredOn(f -> f.rule().startsWith("SOURCE_")).isEmpty();
        assertThat(paired).hasSize(alone.size());
    }
}

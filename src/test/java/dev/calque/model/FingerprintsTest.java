package dev.calque.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.check.Checker;
import dev.calque.ingest.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
    static Checker checker;
    static String seed;

    @BeforeAll
    static void setUp() throws Exception {
        checker = Checker.builder().rules(Path.of("rules")).source("fr").stockRules(false).build();
        seed = Files.readString(Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt"), StandardCharsets.UTF_8);
    }

    private static List<String> fingerprints(String text) {
        return Fingerprints.of(checker.check(Article.ofText("a.txt", text)).findings());
    }

    @Test
    void insertingAParagraphAboveMovesFindingsButKeepsTheirFingerprints() {
        int second = seed.indexOf("\n\n") + 2;
        String edited = seed.substring(0, second)
                + "An unrelated paragraph was added by the editor.\nIt even spans two lines.\n\n" + seed.substring(second);
        List<Finding> before = checker.check(Article.ofText("a.txt", seed)).findings();
        List<Finding> after = checker.check(Article.ofText("a.txt", edited)).findings();
        assertThat(after).hasSameSizeAs(before).hasSize(Fixtures.seedFindings().size());
        assertThat(after.get(0).line()).isNotEqualTo(before.get(0).line());
        assertThat(after.get(0).start()).isNotEqualTo(before.get(0).start());
        assertThat(Fingerprints.of(after)).isEqualTo(Fingerprints.of(before));
    }

    @Test
    void editingTheFlaggedSentenceChangesItsFingerprintOnly() {
        String edited = seed.replace("swept to AFP an American official", "swept to AFP a senior American official");
        List<String> before = fingerprints(seed);
        List<String> after = fingerprints(edited);
        assertThat(after).hasSize(Fixtures.seedFindings().size());
        // that sentence holds two findings ("engagement", "swept to AFP"); the others keep theirs
        assertThat(after.stream().filter(before::contains).count()).isEqualTo(Fixtures.seedFindings().size() - 2);
    }

    @Test
    void theSameSentenceTwiceGivesTwoFingerprintsNumberedInOrder() {
        String s = "Vladimir Poutine spoke on Tuesday.";
        List<String> one = fingerprints(s);
        List<String> two = fingerprints(s + "\n\n" + s);
        assertThat(one).hasSize(1);
        assertThat(two).hasSize(2).doesNotHaveDuplicates();
        assertThat(two.get(0)).isEqualTo(one.get(0));
        // and the first occurrence keeps its fingerprint when text is inserted between them
        assertThat(fingerprints(s + "\n\nSomething else entirely happened.\n\n" + s)).isEqualTo(two);
    }
}

package dev.calque.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.check.Checker;
import dev.calque.model.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a regex rule's match counts: anywhere, a whole paragraph, a whole edge paragraph, the body. */
class RegexScopeTest {
    @TempDir
    static Path dir;
    static Checker checker;

    /** Six paragraphs, each holding "Read more" (alone in paragraphs 1, 3 and 6). */
    static final String TEXT = String.join("\n\n", "Read more", "Talks begin. Read more about them.", "Read more",
            "The minister spoke. Read more here.", "Officials said. Read more later.", "Read more");

    @BeforeAll
    static void load() throws Exception {
        StringBuilder yml = new StringBuilder("rules:\n");
        for (String scope : new String[] {"anywhere", "paragraph", "edge", "body"}) {
            yml.append("""
                      - id: SCOPE_%s
                        kind: regex
                        category: Accuracy/Addition
                        severity: minor
                        message: "furniture"
                        pattern: 'Read more'
                        scope: %s
                        examples:
                          - flag: "<marker>Read more</marker>"
                          - clean: "Talks begin."
                    """.formatted(scope.toUpperCase(), scope));
        }
        Files.writeString(dir.resolve("scopes.yml"), yml);
        checker = Checker.builder().rules(dir).stockRules(false).build();
    }

    private static List<Integer> paragraphsFlagged(String scope) {
        List<Finding> found = checker.checkOnly("SCOPE_" + scope.toUpperCase(), TEXT);
        return found.stream().map(f -> TEXT.substring(0, f.start()).split("\n\n", -1).length).toList();
    }

    @Test
    void anywhereFlagsEveryOccurrence() {
        assertThat(paragraphsFlagged("anywhere")).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void paragraphFlagsOnlyParagraphsTheMatchFills() {
        assertThat(paragraphsFlagged("paragraph")).containsExactly(1, 3, 6);
    }

    @Test
    void edgeFlagsWholeParagraphsAmongTheFirstAndLastTwo() {
        assertThat(paragraphsFlagged("edge")).containsExactly(1, 6);
    }

    @Test
    void bodyFlagsAnywhereButTheFirstAndLastTwoParagraphs() {
        assertThat(paragraphsFlagged("body")).containsExactly(3, 4);
    }
}

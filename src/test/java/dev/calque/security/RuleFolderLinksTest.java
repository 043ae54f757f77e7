package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.cli.CliRun;
import dev.calque.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule folder from a pull request whose rule files, or whose pair folder, are symbolic links out of it (to
 * another checkout's rules, a runner's settings): refused, one line, exit 2, as its tables already were. Before
 * round nine the file behind the link was loaded as a rule and its messages printed in the findings.
 */
class RuleFolderLinksTest {
    private static final Path SEED = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt");
    private static final String ELSEWHERE = """
            rules:
              - id: FROM_ELSEWHERE
                kind: regex
                category: Style/Unidiomatic
                severity: minor
                message: "private-message-from-outside"
                pattern: '\\bPutin\\b'
                examples:
                  - flag: "<marker>Putin</marker> spoke."
                  - clean: "Biden spoke."
            """;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aRuleFileOrAPairFolderLinkingOutOfTheRuleFolderIsRefused() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("private.yml"), ELSEWHERE);

        Path rules = Files.createDirectories(dir.resolve("pr-rules"));
        Files.createSymbolicLink(rules.resolve("linked.yml"), outside.resolve("private.yml"));
        CliRun run = CliRun.of("check", "--no-stock", "--no-bundled-rules", "--rules", rules.toString(), SEED.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.USAGE);
        assertThat(run.err().lines().toList()).singleElement().asString()
                .contains("linked.yml", "a symbolic link out of the rule folder");
        assertThat(run.out() + run.err()).doesNotContain("private-message-from-outside");

        Path paired = Files.createDirectories(dir.resolve("pr-paired"));
        Files.createDirectories(paired.resolve("en"));
        Files.createSymbolicLink(paired.resolve("fr-en"), outside);
        run = CliRun.of("check", "--no-stock", "--no-bundled-rules", "--rules", paired.toString(), SEED.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("private.yml: a symbolic link out of the rule folder");
        assertThat(run.out() + run.err()).doesNotContain("private-message-from-outside");

        // a link that stays inside the folder is the folder's own file: read
        Path inside = Files.createDirectories(dir.resolve("pr-inside"));
        Files.createDirectories(inside.resolve("store"));
        Files.writeString(inside.resolve("store/own.yml"), ELSEWHERE);
        Files.createSymbolicLink(inside.resolve("own.yml"), inside.resolve("store/own.yml"));
        run = CliRun.of("check", "--no-stock", "--no-bundled-rules", "--rules", inside.toString(), SEED.toString());
        assertThat(run.exit()).as(run.err()).isIn(Main.OK, Main.FAILED_GATE);
        assertThat(run.out()).contains("private-message-from-outside");
    }
}

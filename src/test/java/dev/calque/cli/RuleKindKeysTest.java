package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.ingest.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key a rule's kind does not have (a typo, or another kind's key) stops {@code check} and
 * {@code rules test} with exit code 2 and one line naming the file, the line, the rule and the key:
 * before, a {@code regex} rule with a {@code table:} loaded and the table did nothing.
 */
class RuleKindKeysTest {
    @TempDir
    Path dir;

    private Path ruleFile(String ownKeys) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("myrules"));
        return Files.writeString(rules.resolve("mine.yml"), """
                rules:
                  - id: FIRST_RULE
                    name: First
                    kind: substitution
                    category: Fluency/Grammar
                    severity: minor
                    message: "x"
                    swap: {teh: the}
                    examples:
                      - flag: "<marker>teh</marker> cat"
                        correction: the
                      - clean: "the cat"
                  - id: MY_RULE
                    name: Mine
                    kind: regex
                    category: Fluency/Grammar
                    severity: minor
                    message: "x"
                """ + ownKeys);
    }

    @Test
    void anotherKindsKeyFailsCheckAndRulesTest() throws Exception {
        Path f = ruleFile("    pattern: 'abc'\n    table: name-forms.tsv\n");
        for (String command : new String[] {"check", "rules"}) {
            CliRun run = command.equals("check")
                    ? CliRun.of("check", "--no-bundled-rules", "--rules", f.getParent().toString(), Fixtures.SEED.toString())
                    : CliRun.of("rules", "test", "--no-bundled-rules", "--rules", f.getParent().toString());
            assertThat(run.exit()).as(command).isEqualTo(Main.USAGE);
            assertThat(run.err().strip()).as(command)
                    .startsWith("calque: " + f + ":20: unknown key 'table' in rule MY_RULE (a regex rule's own keys: [pattern,")
                    .doesNotContain("\n");
        }
    }

    @Test
    void aMisspelledKeyIsNamedOnItsOwnLine() throws Exception {
        Path f = ruleFile("    patern: 'abc'\n");
        CliRun run = CliRun.of("rules", "test", "--no-bundled-rules", "--rules", f.getParent().toString());
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains(f + ":19: unknown key 'patern' in rule MY_RULE");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheRuleAndTheKey() throws Exception {
        Path f = ruleFile("    pattern: 'abc'\n    group: first\n");
        CliRun run = CliRun.of("rules", "test", "--no-bundled-rules", "--rules", f.getParent().toString());
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains(f + ":20: rule MY_RULE: 'group': ");
    }

    @Test
    void anUnknownKindListsTheKinds() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("kinds"));
        Files.writeString(rules.resolve("k.yml"), "rules:\n  - id: MY_RULE\n    kind: existence\n");
        CliRun run = CliRun.of("rules", "test", "--no-bundled-rules", "--rules", rules.toString());
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("rule MY_RULE: 'kind' must be one of [substitution, consistency, regex, fragment, untranslated]");
    }

    @Test
    void aWellFormedFileOfBothKindsLoads() throws Exception {
        Path f = ruleFile("    pattern: 'abc'\n    examples:\n      - flag: \"<marker>abc</marker> d\"\n      - clean: \"d\"\n");
        CliRun run = CliRun.of("rules", "test", "--no-bundled-rules", "--rules", f.getParent().toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("2 rules, 4 examples: 4 passed, 0 failed");
        assertThat(run.exit()).isEqualTo(Main.OK);
    }
}

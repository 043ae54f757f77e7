package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calque rules list|test} read calque.yml the way {@code check} does. */
class RulesConfigTest {
    static final String RULE = """
            rules:
              - id: MY_HOUSE_RULE
                name: House style word
                kind: substitution
                category: Style/Unidiomatic
                severity: minor
                message: "Write “{suggestion}”, not “{match}”."
                swap: {utilise: use}
                examples:
                  - flag: "We <marker>utilise</marker> the data."
                    correction: use
                  - flag: "We utilise <marker>the data</marker>."
                  - clean: "We use the data."
            """;

    @Test
    void listAndTestUseTheConfiguredRuleFoldersAndSwitches(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("house/en"));
        Files.writeString(dir.resolve("house/en/house.yml"), RULE, StandardCharsets.UTF_8);
        Path config = dir.resolve("calque.yml");
        Files.writeString(config, "rules:\n  folders: [house]\n  stock: false\n  disable: [PAGE_FURNITURE]\n",
                StandardCharsets.UTF_8);

        CliRun list = CliRun.of("rules", "list", "--config", config.toString());
        assertThat(list.exit()).as(list.err()).isEqualTo(Main.OK);
        assertThat(list.out()).contains("MY_HOUSE_RULE", "FR_NAME_FORM", "house.yml")
                .containsPattern("PAGE_FURNITURE .*\\(disabled by configuration\\)")
                .doesNotContainPattern("FR_NAME_FORM .*disabled");

        // the second example marks the wrong span on purpose: only a loaded rule can fail
        CliRun test = CliRun.of("rules", "test", "--config", config.toString());
        assertThat(test.exit()).as(test.err()).isEqualTo(Main.FAILED_GATE);
        assertThat(test.out()).contains("FAIL").contains("MY_HOUSE_RULE").contains("1 failed")
                .as("a disabled rule never runs, so its examples are not tested").doesNotContain("PAGE_FURNITURE");

        Files.writeString(config, "rules:\n  folders: [house]\n  bundled: nope\n", StandardCharsets.UTF_8);
        CliRun bad = CliRun.of("rules", "list", "--config", config.toString());
        assertThat(bad.exit()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).contains(config + ":3: rules.bundled must be true or false");
    }
}

package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.cli.CliRun;
import dev.calque.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code calque.yml} comes with the pull request: the files it names (glossary, baseline, suppressions,
 * state, verdicts) must stay inside its folder. Before the fix, {@code glossary: /abs/secret.tsv} printed
 * the secret file's lines in the report as the terms the glossary requires.
 */
class ConfigNamedFilesTest {
    @TempDir
    Path tmp;

    static final String SECRET = "runner-key-4f0a9c";

    private CliRun check(String yml) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path config = Files.writeString(repo.resolve("calque.yml"), yml);
        Path bitext = Files.writeString(repo.resolve("t.tsv"), "Le chat est sur la table.\tThe cat is on the board.\n");
        return CliRun.of("check", "--config", config.toString(), bitext.toString());
    }

    private Path secret() throws Exception {
        return Files.writeString(tmp.resolve("secret.tsv"), "Le chat\t" + SECRET + "\n");
    }

    @Test
    void anAbsoluteGlossaryOutsideTheFolderIsRefusedAndNeverRead() throws Exception {
        CliRun r = check("glossary: " + secret() + "\n");
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.out() + r.err()).doesNotContain(SECRET);
        assertThat(r.err().strip()).hasLineCount(1)
                .matches("calque: .*calque.yml:1: glossary '.*secret.tsv' must be a file inside repo/, the folder of calque.yml .*");
    }

    @Test
    void dotDotAndALinkOutAreRefusedForEveryNamedFile() throws Exception {
        secret();
        for (String key : new String[] {"glossary", "baseline", "suppressions", "state", "verdicts"}) {
            CliRun r = check(key + ": ../secret.tsv\n");
            assertThat(r.exit()).as(key).isEqualTo(Main.USAGE);
            assertThat(r.err()).as(key).contains(key + " '../secret.tsv' must be a file inside").doesNotContain(SECRET);
        }
        Path repo = tmp.resolve("repo");
        Files.createSymbolicLink(repo.resolve("terms.tsv"), tmp.resolve("secret.tsv"));
        CliRun r = check("glossary: terms.tsv\n");
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.out() + r.err()).doesNotContain(SECRET);
        assertThat(r.err()).contains("glossary 'terms.tsv' must be a file inside");
    }

    @Test
    void aGlossaryBesideTheConfigurationIsStillUsed() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("terms.tsv"), "Le chat\tfeline\n");
        CliRun r = check("glossary: terms.tsv\n");
        assertThat(r.out()).contains("GLOSSARY_TERM_MISSING").contains("feline");
        assertThat(r.exit()).isEqualTo(Main.FAILED_GATE);
    }

    /**
     * {@code rules.folders} of a pull request's calque.yml: rule files are read through the hardened
     * parsers, but a folder outside the configuration's own is still someone else's files read (and their
     * loading errors quoted): refused like the named files, unless the same folder is on the command line.
     */
    @Test
    void ruleFoldersOutsideTheConfigurationsFolderAreRefused() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(outside.resolve("secret.yml"), SECRET + ": [\n");
        for (String folder : new String[] {outside.toString(), "../elsewhere", "/etc"}) {
            CliRun r = check("rules:\n  folders: [" + folder + "]\n");
            assertThat(r.exit()).as(folder).isEqualTo(Main.USAGE);
            assertThat(r.out() + r.err()).as(folder).doesNotContain(SECRET);
            assertThat(r.err().strip()).as(folder).hasLineCount(1)
                    .matches("calque: .*calque.yml:2: rule folder '" + java.util.regex.Pattern.quote(folder)
                            + "' must be a folder inside repo/, the folder of calque.yml .*--rules.*");
        }
        Path repo = tmp.resolve("repo");
        Files.createSymbolicLink(repo.resolve("linked"), outside);
        CliRun r = check("rules:\n  folders: [linked]\n");
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("rule folder 'linked' must be a folder inside").doesNotContain(SECRET);
    }

    @Test
    void aRuleFolderOutsideIsReadWhenTheCommandLineGivesItToo() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("team-rules"));
        Files.createDirectories(outside.resolve("en"));
        Files.writeString(outside.resolve("en/board.yml"), """
                rules:
                  - id: BOARD_TABLE
                    name: board for table
                    kind: substitution
                    category: Accuracy/Mistranslation
                    severity: minor
                    message: "Write “{suggestion}”, not “{match}”."
                    swap: {board: table}
                    examples:
                      - flag: "The cat is on the <marker>board</marker>."
                        correction: table
                      - clean: "The cat is on the table."
                """);
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("calque.yml"), "rules:\n  folders: [../team-rules]\n");
        Path bitext = Files.writeString(repo.resolve("t.tsv"), "Le chat est sur la table.\tThe cat is on the board.\n");
        CliRun r = CliRun.of("check", "--config", repo.resolve("calque.yml").toString(), "--rules", outside.toString(),
                bitext.toString());
        assertThat(r.err()).doesNotContain("must be a folder inside");
        assertThat(r.out()).contains("BOARD_TABLE");
        Path inside = Files.createDirectories(repo.resolve("rules/en"));
        Files.copy(outside.resolve("en/board.yml"), inside.resolve("board.yml"));
        Files.writeString(repo.resolve("calque.yml"), "rules:\n  folders: [rules]\n");
        r = CliRun.of("check", "--config", repo.resolve("calque.yml").toString(), bitext.toString());
        assertThat(r.out()).contains("BOARD_TABLE");
    }
}

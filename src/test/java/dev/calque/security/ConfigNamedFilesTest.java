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
}

package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.ingest.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What Calque prints cannot be forged or turned against the terminal: control characters in file
 * names and article text are escaped; every numeric option is checked against its range with one
 * line; a source language that is not a language is an error, one without a pack is said.
 */
class MessagesTest {
    @TempDir
    Path dir;

    @Test
    void aLineBreakInAFileNameCannotForgeASecondErrorLine() throws Exception {
        Path evil = Files.writeString(dir.resolve("story\ncalque: everything is fine\u001b[2J.txt"), "");
        CliRun run = CliRun.of("check", "--no-stock", evil.toString(), Fixtures.SEED.toString());
        List<String> lines = run.err().lines().filter(l -> l.startsWith("calque: ")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("story\\ncalque: everything is fine\\x1b[2J.txt: empty file");
        assertThat(run.out() + run.err()).doesNotContain("\u001b");
    }

    @Test
    void escapeSequencesInArticleTextDoNotReachTheTerminal() throws Exception {
        Path story = Files.writeString(dir.resolve("story.txt"), Files.readString(Fixtures.SEED)
                .replace("“It was not a new engagement”", "\u001b]0;owned\u0007\u001b[31m“It was not a new engagement”\u202e"));
        CliRun run = CliRun.of("check", "--no-stock", "--color", "never", story.toString());
        assertThat(run.out()).contains("\\x1b]0;owned\\x07\\x1b[31m“It was not a new ⟦engagement⟧”\\u202e").doesNotContain("\u001b").doesNotContain("\u202e");
        CliRun github = CliRun.of("check", "--no-stock", "-f", "github", story.toString());
        assertThat(github.out()).contains("engagement").doesNotContain("\u001b");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--threads|2147483647|--threads must be between 1 and 256",
        "--threads|0|--threads must be between 1 and 256",
        "--max-input-mb|17592186044416|--max-input-mb must be between 1 and 2047",
        "--max-input-mb|0|--max-input-mb must be between 1 and 2047",
        "--max-text-chars|10|--max-text-chars must be between 1000 and",
        "--fetch-timeout|0|--fetch-timeout must be between 1 and 3600",
        "--timeout|-5|--timeout must be between 1 and 86400",
        "--timeout|99999999999|'99999999999' is not an int",
        "--min-score|NaN|--min-score must be a number up to 100",
        "--from|zz|unknown source language 'zz'",
        "--from|french|unknown source language 'french'",
        "--lang|xx-YY|unknown target language 'xx-YY'",
    })
    void everyOptionIsCheckedWithItsRange(String option, String value, String reason) {
        CliRun run = CliRun.of("check", option, value, Fixtures.SEED.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.USAGE);
        assertThat(run.err().lines().findFirst().orElse("")).startsWith("calque: ").contains(reason);
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void aLanguageWithoutItsOwnPackRunsTheGeneralChecksAndSaysSo() {
        CliRun run = CliRun.of("check", "--no-stock", "--from", "de", "-f", "json", Fixtures.SEED.toString());
        assertThat(run.err()).contains("calque: no rule pack for de-en");
        assertThat(run.out()).contains("PAGE_FURNITURE").doesNotContain("FR_NAME_FORM");
    }
}

package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by the round-five mutation sweep ({@link MutationSweepHarness}): a bilingual TSV with a line of
 * 5 MB inserted held the run for good. The rules that read the original ran outside the article's
 * deadline, and the pattern for addresses an original's sentence keeps verbatim tried an e-mail address
 * from every letter of a long run ({@code [\w.+-]+@}), reading the rest of the run each time. Now those
 * rules run under what is left of {@code --timeout}, and the pattern starts only where a run starts.
 */
class BilingualLongRunTest {
    @TempDir
    Path dir;

    @Test
    void anOriginalWithARunOfAQuarterMillionLettersIsChecked() throws Exception {
        Path tsv = Files.writeString(dir.resolve("long.tsv"), "Le chat " + "a".repeat(250_000)
                + " est sur la table.\tThe cat is on the table.\nLe chien dort.\tThe dog sleeps.\n");
        Path out = dir.resolve("out.json");
        CliRun r = CliRun.of("check", "--no-stock", "--timeout", "60", "-f", "json", "-o", out.toString(), tsv.toString());
        assertThat(r.err()).doesNotContain("Exception");
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertThat(report.get("articles")).as(r.err()).hasSize(1);
        assertThat(report.get("unreadable")).isEmpty();
    }

    /** Also from the sweep: the XLIFF 2 reader's message quoted an element name of 5 MB in the reason. */
    @Test
    void aReasonQuotingTheDocumentStaysOneShortLine() throws Exception {
        String xlf = Files.readString(Path.of("src/test/resources/bilingual/seed.fr-en.xlf"));
        Path bad = Files.writeString(dir.resolve("long-name.xlf"), xlf.replaceFirst("<source>", "<sourc" + "a".repeat(200_000) + "e>"));
        Path out = dir.resolve("out.json");
        CliRun r = CliRun.of("check", "--no-stock", "-f", "json", "-o", out.toString(), bad.toString());
        java.util.List<String> lines = r.err().lines().filter(l -> l.contains("long-name.xlf")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("calque: " + bad + ": cannot read this XLIFF 2 file")
                .hasSizeLessThan(bad.toString().length() + 320);
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        // round six: the element is named, shortened, in Calque's words (before: Okapi's message, cut at 300)
        assertThat(report.at("/unreadable/0/reason").asText()).hasSizeLessThanOrEqualTo(300)
                .startsWith("cannot read this XLIFF 2 file: unit p1, at <sourcaaa").contains("…>: ");
    }

    /**
     * Round nine's sweep: a TSV whose original holds 150,000 numbers (an entity-heavy text pasted into it) beside a
     * short translation. Each number the translation lacks is a finding, and each finding's message re-read the
     * whole original sentence (1 MB) to quote its start, outside any poll of the deadline: the run never ended
     * (killed after 300 s). Now a hit polls the budget and quotes only the sentence's start: one line at the limit.
     */
    @Test
    @org.junit.jupiter.api.Timeout(240)
    void anOriginalOfAHundredThousandNumbersBesideAShortTranslationEndsAtTheTimeLimit() throws Exception {
        Path tsv = Files.writeString(dir.resolve("numbers.tsv"), "Le chat " + "&#233; ".repeat(150_000)
                + " est sur la table.\tThe cat is on the table.\nLe chien dort.\tThe dog sleeps.\n");
        Path out = dir.resolve("out.json");
        CliRun r = CliRun.of("check", "--no-stock", "--threads", "1", "--timeout", "2", "-f", "json", "-o", out.toString(), tsv.toString());
        assertThat(r.err()).doesNotContain("Exception");
        assertThat(r.err().lines().filter(l -> l.contains("numbers.tsv")).toList()).singleElement().asString()
                .contains("checking took more than the limit of 2 s of processor time");
        assertThat(new ObjectMapper().readTree(out.toFile()).get("unreadable")).hasSize(1);
    }
}

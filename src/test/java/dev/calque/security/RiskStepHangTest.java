package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calque.model.Deadline;
import dev.calque.model.Finding;
import dev.calque.model.Severity;
import dev.calque.risk.RiskModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The risk step runs after the checking deadline: a hostile one-line bitext (one segment of hundreds of
 * thousands of characters, thousands of findings, a source of megabytes) must cost it about one pass per
 * segment, not one per finding. Before the fix this took minutes (every finding re-split the segment
 * and lower-cased its source). No timer here (speed is for benchmarks): the test asserts that such an
 * input is assessed whole; a return to one pass per finding would hold the suite for minutes.
 *
 * <p>Round five: the step now runs under what is left of the article's {@code --timeout} budget (the
 * pipeline starts a {@link Deadline} for it); a text the step's own patterns backtrack on for minutes
 * stops at the budget instead.
 */
class RiskStepHangTest {

    @Test
    void thousandsOfFindingsInOneHugeSegmentAreAssessedInOnePassPerSegment() {
        String unit = "The cat sat on teh mat. ";
        String text = unit.repeat(16_000); // 384,000 characters, no paragraph break
        String source = "Le chat est assis sur le tapis. ".repeat(100_000); // 3.2 MB
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 16_000; i++) {
            int start = i * unit.length() + 15;
            findings.add(new Finding("MORFOLOGIK_RULE_EN_US", "Possible spelling mistake", "Fluency/Spelling",
                    Severity.MINOR, "", List.of("the"), start, start + 3, 1, start + 1, 1, start + 4, "teh", "",
                    0, Finding.LANGUAGETOOL));
        }
        RiskModel.Assessed a = RiskModel.bundled().assess(text, List.of(source), findings);
        assertThat(a.findings()).hasSize(16_000);
        assertThat(a.findings()).allSatisfy(f -> assertThat(f.confidence()).isBetween(0.0, 1.0));
        assertThat(a.risk().segments()).hasSize(1);
    }

    private static Finding speller(int start) {
        return new Finding("MORFOLOGIK_RULE_EN_US", "Possible spelling mistake", "Fluency/Spelling", Severity.MINOR, "",
                List.of("the"), start, start + 3, 1, start + 1, 1, start + 4, "teh", "", 0, Finding.LANGUAGETOOL);
    }

    @Test
    void aWordOfAHundredThousandLettersIsAssessedWithoutBacktracking() {
        // a word pattern of the form \p{L}*[é...]\p{L}* re-read the rest of the word from every letter:
        // 406 s of processor time here before the fix (hours at the --max-text-chars default of a million)
        String text = "Le " + "a".repeat(100_000) + ".";
        RiskModel.Assessed a = RiskModel.bundled().assess(text, List.of(text), List.of(speller(0)));
        assertThat(a.findings()).hasSize(1);
    }

    @Test
    void theStepStopsWhenTheArticlesBudgetIsSpent() {
        // each name of the original is looked for in the whole translation: 50,000 names in a segment of a
        // million characters read 50 GB; the pipeline gives the step what is left of --timeout
        String text = "the cat sat on the mat ".repeat(45_000);
        String source = "le chat et Dupont ".repeat(50_000);
        Deadline.start(java.time.Duration.ofMillis(500).toNanos());
        try {
            assertThatThrownBy(() -> RiskModel.bundled().assess(text, List.of(source), List.of(speller(4))))
                    .isInstanceOf(Deadline.Exceeded.class);
        } finally {
            Deadline.clear();
        }
    }

    @Test
    void thousandsOfParagraphsWithAFindingEachAreAssessedInOnePass() {
        // a finding found its paragraph by a walk back from the last one: 80,000 x 80,000 steps
        String unit = "The cat sat on teh mat.\n\n";
        String text = unit.repeat(80_000);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 80_000; i++) findings.add(speller(i * unit.length() + 15));
        RiskModel.Assessed a = RiskModel.bundled().assess(text, null, findings);
        assertThat(a.findings()).hasSize(80_000);
        assertThat(a.risk().segments()).hasSize(80_000);
    }
}

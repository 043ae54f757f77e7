package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

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
}

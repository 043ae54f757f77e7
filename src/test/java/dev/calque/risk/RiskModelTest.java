package dev.calque.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.check.Checker;
import dev.calque.model.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped model on a real article: confidences, risks, and how editors' verdicts move a rule. */
class RiskModelTest {
    static final Path SEED = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt");

    @Test
    void everyFindingOfTheSeedGetsAConfidenceAndTheArticleARiskFromItsParagraphs() throws Exception {
        String text = Files.readString(SEED);
        Checker checker = Checker.builder().rules(Path.of("rules")).build();
        List<Finding> findings = checker.check(text);
        RiskModel.Assessed a = RiskModel.bundled().assess(text, null, findings);
        assertThat(a.findings()).hasSameSizeAs(findings);
        for (int i = 0; i < findings.size(); i++) {
            Finding f = a.findings().get(i);
            assertThat(f.rule()).isEqualTo(findings.get(i).rule()); // same order
            assertThat(f.confidence()).isNotNull().isBetween(0.0, 1.0);
        }
        assertThat(a.risk().segments()).hasSizeGreaterThan(3);
        double none = 1;
        for (var s : a.risk().segments()) {
            assertThat(s.risk()).isBetween(0.0, 1.0);
            none *= 1 - s.risk();
        }
        assertThat(a.risk().risk()).isCloseTo(1 - none, org.assertj.core.data.Offset.offset(0.002));
    }

    @Test
    void aLongParagraphFullOfUnknownWordsIsRiskierThanAShortCleanOne() {
        RiskModel m = RiskModel.bundled();
        double clean = m.segmentRisk("The minister said on Monday that talks would resume.", null, List.of());
        double odd = m.segmentRisk("The minister, quoth the communiqué, woud repudiatee the accordd of the "
                + "tripartite commisssion , which the opposition deems unconstitutionnal and the syndicates reject "
                + "as a provocation of the goverment against the workers and their familes in the regions .", null, List.of());
        assertThat(odd).isGreaterThan(clean);
    }

    private static Finding finding(String rule, String passage) {
        return new Finding(rule, rule, "Fluency/Grammar", dev.calque.model.Severity.MINOR, "", List.of(), 4, 4 + passage.length(),
                1, 5, 1, 5 + passage.length(), passage, "", 0, Finding.LANGUAGETOOL);
    }

    @Test
    void aRuleDismissedByEditorsDropsAndOneConfirmedRises() {
        RiskModel m = RiskModel.bundled();
        String text = "The the committee met on Monday.";
        String rule = "ENGLISH_WORD_REPEAT_RULE";
        Finding f = finding(rule, "The the");
        double before = m.confidence(f, text, null, 1);
        double dismissed5 = m.withVerdicts(List.of(new RuleVerdicts(rule, 0, 5))).confidence(f, text, null, 1);
        double dismissed50 = m.withVerdicts(List.of(new RuleVerdicts(rule, 0, 50))).confidence(f, text, null, 1);
        double confirmed50 = m.withVerdicts(List.of(new RuleVerdicts(rule, 50, 0))).confidence(f, text, null, 1);
        assertThat(dismissed5).isLessThan(before);
        assertThat(dismissed50).isLessThan(dismissed5);
        assertThat(confirmed50).isGreaterThan(before);
        // a verdict on another rule changes nothing here
        assertThat(m.withVerdicts(List.of(new RuleVerdicts("OTHER_RULE", 0, 50))).confidence(f, text, null, 1))
                .isEqualTo(before);
    }

    @Test
    void aRuleTrainingNeverSawStartsFromItsGroupAndVerdictsStillMoveIt() {
        RiskModel m = RiskModel.bundled();
        String text = "A brand new rule fired here.";
        Finding f = finding("NEVER_SEEN_RULE_X", "brand");
        double before = m.confidence(f, text, null, 1);
        assertThat(m.rates().rate("NEVER_SEEN_RULE_X", Finding.LANGUAGETOOL, "Fluency/Grammar"))
                .isEqualTo(m.rates().rate("NEVER_SEEN_RULE_Y", Finding.LANGUAGETOOL, "Fluency/Grammar"));
        assertThat(m.withVerdicts(List.of(new RuleVerdicts("NEVER_SEEN_RULE_X", 0, 30))).confidence(f, text, null, 1))
                .isLessThan(before);
    }

    @Test
    void theModelFileRoundTrips(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        RiskModel m = RiskModel.bundled();
        Path out = dir.resolve("model.json");
        m.write(out);
        RiskModel back = RiskModel.read(out);
        String text = "The the committee met on Monday.";
        Finding f = finding("ENGLISH_WORD_REPEAT_RULE", "The the");
        assertThat(back.confidence(f, text, null, 1)).isCloseTo(m.confidence(f, text, null, 1),
                org.assertj.core.data.Offset.offset(1e-4));
        assertThat(back.segmentRisk(text, "Le le comité s'est réuni lundi.", List.of(f)))
                .isCloseTo(m.segmentRisk(text, "Le le comité s'est réuni lundi.", List.of(f)), org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void withOriginalsEachParagraphIsJudgedAgainstItsArticlesLengthRatio() {
        String text = "The study included forty patients.\n\nAll of them were older than seventy.\n\n"
                + "Their frailty was measured twice.\n\nResults.";
        List<String> sources = List.of("L'étude a inclus quarante patients.", "Tous avaient plus de soixante-dix ans.",
                "Leur fragilité a été mesurée deux fois.", "Les résultats ont été comparés à ceux d'une cohorte de référence.");
        RiskModel m = RiskModel.bundled();
        RiskModel.Assessed a = m.assess(text, sources, List.of());
        assertThat(a.risk().segments()).hasSize(4);
        List<String> paragraphs = List.of(text.split("\n\n"));
        double ratio = Features.medianLogRatio(paragraphs, sources);
        assertThat(ratio).isFinite();
        for (int i = 0; i < 4; i++) {
            assertThat(a.risk().segments().get(i).risk()).isCloseTo(
                    m.segmentRisk(paragraphs.get(i), sources.get(i), List.of(), ratio), org.assertj.core.data.Offset.offset(6e-4));
        }
        // the short last paragraph differs from its risk judged alone, without the article's habit
        assertThat(m.segmentRisk(paragraphs.get(3), sources.get(3), List.of(), ratio))
                .isNotCloseTo(m.segmentRisk(paragraphs.get(3), sources.get(3), List.of()), org.assertj.core.data.Offset.offset(1e-6));
    }
}

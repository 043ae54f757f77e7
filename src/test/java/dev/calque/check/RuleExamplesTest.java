package dev.calque.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every example of every rule in rules/ behaves as the rule says it does. */
class RuleExamplesTest {

    @Test
    void everyRuleExampleHolds() {
        Checker checker = Checker.builder().rules(Path.of("rules"), Path.of("rules/opt-in")).stockRules(false).build();
        RuleExamples.Report report = RuleExamples.run(checker);
        assertThat(report.rules()).isGreaterThan(0);
        assertThat(report.failures()).extracting(RuleExamples.Failure::oneLine).isEmpty();
    }
}

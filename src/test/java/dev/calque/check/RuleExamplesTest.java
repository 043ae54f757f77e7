package dev.calque.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example of every rule in rules/ behaves as the rule says it does: one test per example, named
 * by the rule and the example, so a failure says which (as LanguageTool's PatternRuleTest does).
 */
class RuleExamplesTest {
    private static final Checker CHECKER = Checker.builder().rules(Path.of("rules"), Path.of("rules/opt-in"))
            .stockRules(false).build();

    @TestFactory
    Stream<DynamicTest> everyRuleExample() {
        List<RuleExamples.Case> cases = RuleExamples.cases(CHECKER);
        assertThat(cases).isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () ->
                assertThat(c.verify(CHECKER)).extracting(RuleExamples.Failure::oneLine).isEmpty()));
    }

    @Test
    void aCorrectionThatStillTriggersTheRuleFails() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("calque-examples");
        // the suggestion repeats the flagged word, so applying it leaves the rule firing
        java.nio.file.Files.writeString(dir.resolve("bad.yml"), """
                rules:
                  - id: LOOPING_FIX
                    kind: substitution
                    category: Fluency/Grammar
                    severity: minor
                    message: "x"
                    swap: {teh: teh teh}
                    examples:
                      - flag: "<marker>teh</marker> cat"
                        correction: teh teh
                      - clean: "the cat"
                """);
        Checker checker = Checker.builder().rules(dir).stockRules(false).build();
        RuleExamples.Report report = RuleExamples.run(checker);
        assertThat(report.failures()).extracting(RuleExamples.Failure::problem)
                .singleElement().asString().startsWith("still flags the corrected text “teh teh cat”");
    }
}

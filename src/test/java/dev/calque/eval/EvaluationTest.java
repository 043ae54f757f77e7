package dev.calque.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.calque.check.Checker;
import dev.calque.eval.EvalResult.Figures;
import dev.calque.eval.EvalResult.JudgmentFigures;
import dev.calque.eval.EvalResult.RuleFigures;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real corpus segments in, real findings out: Calque's rule packs and stock LanguageTool alone. */
class EvaluationTest {
    static final Path DIR = Path.of("src/test/resources/eval");
    static Checker calque;
    static Checker stock;
    static ExecutorService pool;

    @BeforeAll
    static void checkers() {
        calque = Checker.builder().rules(Path.of("rules")).source("fr").build();
        stock = Checker.builder().source("fr").calqueRules(false).build();
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    static Figures run(Checker checker, String file, int minVotes) {
        return Evaluation.run("test", checker, Corpus.read(DIR.resolve(file)), new SpanMatcher(minVotes), pool, 5);
    }

    static RuleFigures rule(Figures f, String id) {
        return f.rules().stream().filter(r -> r.rule().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " did not fire; rules: " + f.rules()));
    }

    @Test
    void aCalqueRuleOnAnAnnotatedSpanIsAHit() {
        Figures f = run(calque, "biomqm.jsonl", 1);
        // "Clinical case. cervical spondylolysis": the annotator marked "cervical" (minor spelling)
        RuleFigures split = rule(f, "BROKEN_SPLIT");
        assertThat(split.findings()).isEqualTo(1);
        assertThat(split.hits()).isEqualTo(1);
        assertThat(split.falseAlarms()).isZero();
        assertThat(split.precision()).isEqualTo(1.0);
        EvalResult.Example hit = split.hitExamples().get(0);
        assertThat(hit.system()).isEqualTo("Huawei_AGI_run1");
        assertThat(hit.seg()).isEqualTo(1);
        assertThat(hit.passage()).isEqualTo("case. cervical");
        assertThat(hit.segment().substring(hit.start(), hit.end())).isEqualTo("case. cervical");
        assertThat(hit.errors()).containsExactly("minor Linguistic_conventions/Spelling");

        assertThat(f.spans().hits() + f.spans().falseAlarms() + f.spans().unconfirmed())
                .isEqualTo(f.spans().judgeableFindings()).isEqualTo(f.findings());
        // 6 segments; segment 2 of both systems has a major omission (no span: never caught by a span)
        assertThat(f.majorByMajorFinding().segments()).isEqualTo(6);
        assertThat(f.majorByMajorFinding().positives()).isEqualTo(2);
        assertThat(f.spans().errorsWithoutSpan()).isEqualTo(2);
        assertThat(f.spans().errors()).isEqualTo(1);
        assertThat(f.spans().errorsCaught()).isEqualTo(1);
        assertThat(f.families().get(0).family()).isEqualTo("Fluency");
        assertThat(f.families().get(0).errorsCaught()).isEqualTo(1);
    }

    @Test
    void onHumanTextEveryFindingIsAFalseAlarmPerThousandWords() {
        Figures f = run(stock, "human.jsonl", 1);
        // LanguageTool: "between 08 to 28" twice, and British "Organisation" in an en-US check
        assertThat(rule(f, "BETWEEN_TO_AND").falseAlarms()).isEqualTo(2);
        assertThat(rule(f, "BETWEEN_TO_AND").falseAlarmExamples()).extracting(EvalResult.Example::passage)
                .containsOnly("between 08 to 28");
        assertThat(rule(f, "MORFOLOGIK_RULE_EN_US").falseAlarmExamples()).extracting(EvalResult.Example::passage)
                .contains("Organisation");
        assertThat(f.findings()).isEqualTo(3);
        assertThat(f.clean().falseAlarms()).isEqualTo(3);
        assertThat(f.spans().falseAlarms()).isEqualTo(3);
        assertThat(f.spans().hits()).isZero();
        assertThat(f.clean().words()).isEqualTo(f.words()).isEqualTo(273);
        assertThat(f.clean().perThousandWords()).isCloseTo(3 * 1000.0 / 273, within(1e-9));
        assertThat(f.majorByAnyFinding().positives()).as("no human segment has a major error").isZero();
    }

    @Test
    void minVotesTurnsAHitOnALoneRatersMarkIntoAFalseAlarm() {
        // "Amini Mahsa Amini": the spelling rule flags "Amini", which one of three raters marked
        RuleFigures oneVote = rule(run(stock, "wmt23.jsonl", 1), "MORFOLOGIK_RULE_EN_US");
        assertThat(oneVote.hits()).isEqualTo(1);
        assertThat(oneVote.falseAlarms()).isZero();
        assertThat(oneVote.hitExamples().get(0).passage()).isEqualTo("Amini");

        Figures twoVotes = run(stock, "wmt23.jsonl", 2);
        RuleFigures r = rule(twoVotes, "MORFOLOGIK_RULE_EN_US");
        assertThat(r.hits()).isZero();
        assertThat(r.falseAlarms()).isEqualTo(oneVote.findings());
        assertThat(twoVotes.spans().errors()).isZero();
        assertThat(twoVotes.majorByAnyFinding().positives()).isZero();
    }

    @Test
    void judgedCorpusCountsFindingsPerJudgmentAndFalseAlarmsOnlyWherePerfect() {
        Figures f = run(stock, "diabla.jsonl", 1);
        assertThat(f.judgments()).extracting(JudgmentFigures::judgment).containsExactly("perfect", "medium");
        JudgmentFigures perfect = f.judgments().get(0);
        JudgmentFigures medium = f.judgments().get(1);
        assertThat(perfect.segments()).isEqualTo(9);
        assertThat(medium.segments()).isEqualTo(3);
        assertThat(perfect.findings() + medium.findings()).isEqualTo(f.findings());
        assertThat(f.clean().segments()).isEqualTo(9);
        assertThat(f.clean().words()).isEqualTo(perfect.words());
        assertThat(f.clean().falseAlarms()).isEqualTo(perfect.findings());
        assertThat(f.spans().falseAlarms()).isEqualTo(perfect.findings());
        int unjudged = f.rules().stream().mapToInt(RuleFigures::unjudged).sum();
        assertThat(unjudged).isEqualTo(medium.findings());
    }
}

package dev.calque.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.check.Checker;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The contrastive test on four human translations of newstest2014 with their French originals
 * (copied from ../shared/eval): errors injected one at a time are flagged, the unmodified texts
 * stay nearly quiet (the opt-in rules on, as in the full run, {@code calque eval --inject --rules rules/opt-in} ; figures in docs/rules-quality.md).
 */
class InjectionTest {

    @Test
    void injectedErrorsAreFlaggedAndHumanTranslationsStayQuiet() {
        Corpus corpus = Corpus.read(Path.of("src/test/resources/eval/human-with-source.jsonl"));
        Checker checker = Checker.builder().rules(Path.of("rules"), Path.of("rules/opt-in")).source("fr").build();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Injection.Result r = Injection.run(checker, corpus.documents(), 15, pool, "fr");
            int injected = 0;
            int flagged = 0;
            for (int[] d : r.detected().values()) {
                flagged += d[0];
                injected += d[1];
            }
            System.out.println("injection: " + flagged + "/" + injected + " flagged; unmodified: "
                    + r.perThousand(r.sourceFindings()) + " per 1,000 words " + r.byRule());
            assertThat(injected).isGreaterThanOrEqualTo(20);
            assertThat((double) flagged / injected).isGreaterThanOrEqualTo(0.75);
            for (Injection.Type t : new Injection.Type[] {Injection.Type.NUMBER, Injection.Type.UNTRANSLATED,
                    Injection.Type.DATE, Injection.Type.NEGATION_ADDED}) {
                assertThat(r.rate(t)).as(t.label).isNotNull().isGreaterThanOrEqualTo(0.75);
            }
            assertThat(r.perThousand(r.sourceFindings())).isLessThanOrEqualTo(3.0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSplitSentenceAndABrokenPhraseAreMadeFromTheTextsStructureAndCheckedWithoutTheOriginal() {
        Corpus corpus = Corpus.read(Path.of("src/test/resources/eval/human-with-source.jsonl"));
        Checker checker = Checker.builder().rules(Path.of("rules")).source("fr").build();
        int made = 0;
        for (EvalDocument d : corpus.documents()) {
            Injection.Case split = Injection.inject(Injection.Type.SPLIT, d, d, new Random(15));
            if (split != null) {
                made++;
                String span = split.target().substring(split.start(), split.end());
                // ". January 10 in Geneva.": a full stop, then the closing phrase capitalized
                assertThat(span).matches("\\. (?:\\p{Lu}|\\d).*\\.");
                assertThat(split.target().length()).isLessThan(d.text().length());
            }
            Injection.Case broken = Injection.inject(Injection.Type.GARBLED, d, d, new Random(15));
            if (broken != null) {
                made++;
                assertThat(broken.target().substring(broken.start(), broken.end())).matches("\\p{Ll}{4,}\\. \\p{Ll}{4,}\\.");
            }
        }
        assertThat(made).isGreaterThanOrEqualTo(4);
        assertThat(Injection.Type.SPLIT.alone).isTrue();
        assertThat(Injection.Type.NUMBER.alone).isFalse();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Injection.Result r = Injection.run(checker, corpus.documents(), 15, pool, "fr");
            assertThat(r.rate(Injection.Type.GARBLED)).isNotNull().isGreaterThanOrEqualTo(0.75);
            assertThat(r.rate(Injection.Type.SPLIT)).isNotNull().isGreaterThanOrEqualTo(0.5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theReferencesBesideMachineTranslationsAreTheHumanTranslationsInjectedInto() {
        // biomedical fr-en gives each MT segment with its original and a human reference: the reference is injected into
        Corpus corpus = Corpus.read(Path.of("src/test/resources/eval/biomqm.jsonl"));
        List<EvalDocument> human = Injection.humanDocuments(corpus);
        assertThat(human).hasSize(1);
        EvalDocument ref = human.get(0);
        assertThat(ref.system()).isEqualTo("reference");
        assertThat(ref.segments()).hasSize(3).allMatch(Segment::clean).allMatch(x -> x.source() != null);
        assertThat(ref.segments().get(0).text()).isEqualTo("Clinical case study. Cervical spondylolysis: a rare incidental finding.");
        assertThat(ref.text()).doesNotContain("fortuitous");
        Injection.Case c = Injection.inject(Injection.Type.UNTRANSLATED, ref, ref, new Random(15));
        assertThat(c).isNotNull();
        assertThat(c.target().substring(c.start(), c.end())).isIn(ref.segments().stream().map(Segment::source).toList());
        // the machine translations themselves are not: annotated, not clean
        assertThat(corpus.documents()).noneMatch(human::contains);
    }
}

package dev.calque.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.check.Checker;
import dev.calque.ingest.IngestLimits;
import dev.calque.ingest.InputProblem;
import dev.calque.ingest.Inputs;
import dev.calque.model.Article;
import dev.calque.model.ArticleResult;
import dev.calque.model.Finding;
import dev.calque.report.ReportWriter;
import dev.calque.report.RunInfo;
import dev.calque.score.MqmScoring;
import dev.calque.score.QualityGate;
import dev.calque.score.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results reach the writers in input order whatever the threads finish first; a cancelled run still finishes. */
class PipelineTest {
    static Checker checker;

    @TempDir
    Path dir;

    @BeforeAll
    static void checker() {
        checker = Checker.builder().rules(Path.of("rules")).stockRules(false).build();
    }

    /** Records what it is handed, in order; cancels the run after {@code cancelAfter} articles. */
    static final class Recorder implements ReportWriter {
        final List<String> seen = new ArrayList<>();
        Pipeline pipeline;
        int cancelAfter = Integer.MAX_VALUE;
        RunSummary finished;

        @Override
        public void start(RunInfo run) {
        }

        @Override
        public void article(ArticleResult r) {
            seen.add(r.article().source());
            if (seen.size() == cancelAfter) pipeline.cancel();
        }

        @Override
        public void unreadable(InputProblem p) {
            seen.add("unreadable " + p.source());
        }

        @Override
        public void finish(RunSummary s) {
            finished = s;
        }

        @Override
        public void close() {
        }
    }

    private static final Triage ALL = new Triage() {
        @Override
        public boolean admit(Article a) {
            return true;
        }

        @Override
        public Kept keep(Article a, List<Finding> findings, List<String> fingerprints) {
            return new Kept(findings, fingerprints, 0);
        }

        @Override
        public void reported(Article a) {
        }
    };

    private Pipeline pipeline(Recorder r, int threads) {
        Pipeline p = new Pipeline(checker, new Inputs(IngestLimits.DEFAULT, System.in, s -> false), MqmScoring.DEFAULT,
                QualityGate.DEFAULT, List.of(r), threads, problem -> { }, null, ALL);
        r.pipeline = p;
        return p;
    }

    /** Long and short articles alternate, so later ones finish first on three threads. */
    private List<String> articles(int n) throws Exception {
        String seed = Files.readString(Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt"));
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path f = dir.resolve(String.format("a%02d.txt", i));
            Files.writeString(f, i % 3 == 0 ? (seed + "\n\n").repeat(4) : "Poutine left Moscou on Monday.\n");
            paths.add(f.toString());
        }
        return paths;
    }

    @Test
    void resultsAndUnreadableInputsAreWrittenInInputOrder() throws Exception {
        List<String> inputs = new ArrayList<>(articles(24));
        inputs.add(7, dir.resolve("missing.txt").toString());
        Recorder r = new Recorder();
        RunSummary s = pipeline(r, 3).run(inputs, null);
        List<String> expected = new ArrayList<>();
        for (String in : inputs) expected.add(in.endsWith("missing.txt") ? "unreadable " + in : in);
        assertThat(r.seen).containsExactlyElementsOf(expected);
        assertThat(s.articles()).isEqualTo(24);
        assertThat(s.unreadable()).isEqualTo(1);
        assertThat(r.finished).isSameAs(s);
    }

    @Test
    void aCancelledRunStopsEarlyAndStillFinishesItsWriters() throws Exception {
        List<String> inputs = articles(60);
        Recorder r = new Recorder();
        r.cancelAfter = 2;
        Pipeline p = pipeline(r, 2);
        RunSummary s = p.run(inputs, null);
        assertThat(p.cancelled()).isTrue();
        assertThat(r.finished).isSameAs(s);
        // every article finished is written, in input order; the one being checked when the run stopped
        // is abandoned, so the written ones need not be a prefix
        assertThat(r.seen).hasSizeBetween(2, 59);
        assertThat(inputs).containsSubsequence(r.seen);
    }
}

package dev.calque.eval;

import dev.calque.check.Checker;
import dev.calque.eval.EvalResult.Clean;
import dev.calque.eval.EvalResult.Detection;
import dev.calque.eval.EvalResult.Example;
import dev.calque.eval.EvalResult.FamilyFigures;
import dev.calque.eval.EvalResult.Figures;
import dev.calque.eval.EvalResult.JudgmentFigures;
import dev.calque.eval.EvalResult.RuleFigures;
import dev.calque.eval.EvalResult.SegmentLevel;
import dev.calque.eval.EvalResult.Spans;
import dev.calque.eval.SpanMatcher.Match;
import dev.calque.eval.SpanMatcher.Outcome;
import dev.calque.model.Finding;
import dev.calque.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Checks every document of a corpus and measures the findings against the annotations. Documents
 * are checked in parallel on the given pool and tallied in corpus order, so the figures and the
 * chosen examples do not depend on the number of threads.
 */
public final class Evaluation {
    /** The MQM families the figures always list, in this order; others follow alphabetically. */
    public static final List<String> FAMILIES = List.of("Fluency", "Style", "Accuracy", "Terminology", "Locale");

    private Evaluation() {
    }

    /**
     * @param label    name of the checker in the figures ({@code calque} or {@code languagetool})
     * @param examples how many hits and false alarms to keep per rule as examples
     */
    public static Figures run(String label, Checker checker, Corpus corpus, SpanMatcher matcher,
                              ExecutorService pool, int examples) {
        long t0 = System.nanoTime();
        List<Future<List<Finding>>> pending = new ArrayList<>();
        for (EvalDocument d : corpus.documents()) pending.add(pool.submit(() -> checker.check(d.text())));
        Tally tally = new Tally(examples, matcher.minVotes());
        try {
            for (int i = 0; i < pending.size(); i++) {
                EvalDocument d = corpus.documents().get(i);
                tally.add(d, matcher.match(d, pending.get(i).get()));
            }
        } catch (InterruptedException e) {
            pending.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            pending.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
        return tally.figures(label, (System.nanoTime() - t0) / 1e9);
    }

    /** Measures findings already made, e.g. in tests: {@code findings.get(i)} belongs to document i. */
    public static Figures measure(String label, Corpus corpus, List<List<Finding>> findings, SpanMatcher matcher,
                                  int examples) {
        Tally tally = new Tally(examples, matcher.minVotes());
        for (int i = 0; i < corpus.documents().size(); i++) {
            EvalDocument d = corpus.documents().get(i);
            tally.add(d, matcher.match(d, findings.get(i)));
        }
        return tally.figures(label, 0);
    }

    static Double ratio(long a, long b) {
        return b == 0 ? null : (double) a / b;
    }

    static Double perThousand(long n, long words) {
        return words == 0 ? null : n * 1000.0 / words;
    }

    static Double f1(Double p, Double r) {
        if (p == null || r == null) return null;
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    private static final class RuleTally {
        final Finding first;
        int findings, hits, falseAlarms, unconfirmed, unjudged;
        final List<Example> hitExamples = new ArrayList<>();
        final List<Example> falseAlarmExamples = new ArrayList<>();

        RuleTally(Finding first) {
            this.first = first;
        }
    }

    private static final class FamilyTally {
        int errors, errorsCaught, majorSegments, majorCaught, majorFlagged, findings, hits, falseAlarms;
    }

    private static final class JudgmentTally {
        int segments, words, findings, flagged;
    }

    private static final class Detector {
        int segments, positives, predicted, truePositives;

        void add(boolean positive, boolean predictedPositive) {
            segments++;
            if (positive) positives++;
            if (predictedPositive) predicted++;
            if (positive && predictedPositive) truePositives++;
        }

        Detection detection() {
            Double p = ratio(truePositives, predicted);
            Double r = ratio(truePositives, positives);
            return new Detection(segments, positives, predicted, truePositives, p, r, f1(p, r));
        }
    }

    /** Running counts over the documents of one corpus for one checker. */
    private static final class Tally {
        final int examples;
        final int minVotes;
        int words, findings, judgeable, hits, falseAlarms, unconfirmed, errors, errorsCaught, errorsWithoutSpan;
        int annotatedSegments, withError, flagged, flaggedWithError;
        int cleanSegments, cleanWords, cleanFalseAlarms, cleanFlagged;
        final Detector byMajor = new Detector();
        final Detector byAny = new Detector();
        final Map<String, RuleTally> rules = new LinkedHashMap<>();
        final Map<String, FamilyTally> families = new TreeMap<>(Comparator.comparingInt(Tally::familyOrder)
                .thenComparing(Comparator.naturalOrder()));
        final Map<String, JudgmentTally> judgments = new TreeMap<>(Comparator.comparingInt(Tally::judgmentOrder)
                .thenComparing(Comparator.naturalOrder()));

        Tally(int examples, int minVotes) {
            this.examples = examples;
            this.minVotes = minVotes;
            for (String f : FAMILIES) families.put(f, new FamilyTally());
        }

        static int familyOrder(String f) {
            int i = FAMILIES.indexOf(f);
            return i < 0 ? FAMILIES.size() : i;
        }

        static int judgmentOrder(String j) {
            int i = List.of("perfect", "medium", "poor").indexOf(j);
            return i < 0 ? 3 : i;
        }

        void add(EvalDocument doc, List<Match> matches) {
            int n = doc.segments().size();
            List<List<Match>> bySegment = new ArrayList<>(n);
            for (int i = 0; i < n; i++) bySegment.add(new ArrayList<>());
            for (Match m : matches) bySegment.get(m.segment()).add(m);
            for (int i = 0; i < n; i++) segment(doc, doc.segments().get(i), bySegment.get(i));
        }

        private void segment(EvalDocument doc, Segment s, List<Match> ms) {
            words += s.words();
            findings += ms.size();
            boolean any = !ms.isEmpty();
            boolean major = ms.stream().anyMatch(m -> m.finding().severity().atLeast(Severity.MAJOR));
            for (Match m : ms) finding(doc, s, m);
            List<AnnotatedError> counted = s.kind() == Segment.Kind.ANNOTATED ? s.countedErrors(minVotes) : List.of();
            if (s.judgeable()) {
                boolean hasMajor = counted.stream().anyMatch(AnnotatedError::isMajor);
                byMajor.add(hasMajor, major);
                byAny.add(hasMajor, any);
            }
            switch (s.kind()) {
                case ANNOTATED -> annotated(counted, ms, any, major);
                case CLEAN -> clean(s, ms, any);
                case JUDGED -> {
                    JudgmentTally j = judgments.computeIfAbsent(s.judgment(), k -> new JudgmentTally());
                    j.segments++;
                    j.words += s.words();
                    j.findings += ms.size();
                    if (any) j.flagged++;
                    if (s.clean()) clean(s, ms, any);
                }
                case UNANNOTATED -> { }
            }
        }

        private void clean(Segment s, List<Match> ms, boolean any) {
            cleanSegments++;
            cleanWords += s.words();
            cleanFalseAlarms += ms.size();
            if (any) cleanFlagged++;
        }

        private void annotated(List<AnnotatedError> counted, List<Match> ms, boolean any, boolean major) {
            annotatedSegments++;
            if (!counted.isEmpty()) withError++;
            if (any) flagged++;
            if (any && !counted.isEmpty()) flaggedWithError++;
            // one error per span and family, however many annotators marked it
            Set<String> spans = new HashSet<>();
            Set<String> majorFamilies = new HashSet<>();
            for (AnnotatedError e : counted) {
                if (e.isMajor()) majorFamilies.add(e.family());
                if (!e.hasSpan()) {
                    errorsWithoutSpan++;
                    continue;
                }
                if (!spans.add(e.start() + ":" + e.end() + ":" + e.family())) continue;
                boolean caught = ms.stream().anyMatch(m -> e.overlaps(m.start(), m.end()));
                FamilyTally f = families.computeIfAbsent(e.family(), k -> new FamilyTally());
                errors++;
                f.errors++;
                if (caught) {
                    errorsCaught++;
                    f.errorsCaught++;
                }
            }
            for (String fam : majorFamilies) {
                FamilyTally f = families.computeIfAbsent(fam, k -> new FamilyTally());
                f.majorSegments++;
                if (major) f.majorCaught++;
                if (any) f.majorFlagged++;
            }
        }

        private void finding(EvalDocument doc, Segment s, Match m) {
            Finding f = m.finding();
            RuleTally r = rules.computeIfAbsent(f.rule(), k -> new RuleTally(f));
            FamilyTally fam = families.computeIfAbsent(f.dimension(), k -> new FamilyTally());
            r.findings++;
            fam.findings++;
            switch (m.outcome()) {
                case HIT -> {
                    hits++;
                    r.hits++;
                    fam.hits++;
                    if (r.hitExamples.size() < examples) r.hitExamples.add(example(doc, s, m));
                }
                case FALSE_ALARM -> {
                    falseAlarms++;
                    r.falseAlarms++;
                    fam.falseAlarms++;
                    if (r.falseAlarmExamples.size() < examples) r.falseAlarmExamples.add(example(doc, s, m));
                }
                case UNCONFIRMED -> {
                    unconfirmed++;
                    r.unconfirmed++;
                }
                case UNJUDGED -> r.unjudged++;
            }
            if (m.outcome() != Outcome.UNJUDGED) judgeable++;
        }

        private static Example example(EvalDocument doc, Segment s, Match m) {
            List<String> errs = new ArrayList<>();
            for (AnnotatedError e : m.errors()) {
                String label = e.severity().label() + " " + e.category();
                if (!errs.contains(label)) errs.add(label);
            }
            Finding f = m.finding();
            return new Example(doc.doc(), doc.system(), s.seg(), f.passage(), m.start(), m.end(), s.text(),
                    f.message(), f.severity().label(), errs);
        }

        Figures figures(String label, double seconds) {
            Spans sp = new Spans(judgeable, hits, falseAlarms, unconfirmed, ratio(hits, judgeable),
                    ratio(judgeable - falseAlarms, judgeable), errors, errorsCaught, ratio(errorsCaught, errors),
                    errorsWithoutSpan);
            Double sp2 = ratio(flaggedWithError, flagged);
            Double sr2 = ratio(flaggedWithError, withError);
            SegmentLevel seg = new SegmentLevel(annotatedSegments, withError, flagged, flaggedWithError, sp2, sr2,
                    f1(sp2, sr2));
            Clean clean = new Clean(cleanSegments, cleanWords, cleanFalseAlarms,
                    perThousand(cleanFalseAlarms, cleanWords), cleanFlagged);
            List<FamilyFigures> fams = new ArrayList<>();
            families.forEach((name, f) -> fams.add(new FamilyFigures(name, f.errors, f.errorsCaught,
                    ratio(f.errorsCaught, f.errors), f.majorSegments, f.majorCaught,
                    ratio(f.majorCaught, f.majorSegments), f.majorFlagged, ratio(f.majorFlagged, f.majorSegments),
                    f.findings, f.hits, f.falseAlarms)));
            List<RuleFigures> rs = new ArrayList<>();
            for (RuleTally r : rules.values()) {
                int judged = r.findings - r.unjudged;
                Finding f = r.first;
                rs.add(new RuleFigures(f.rule(), f.ruleName(), f.category(), f.severity().label(), f.origin(),
                        r.findings, r.hits, r.falseAlarms, r.unconfirmed, r.unjudged, ratio(r.hits, judged),
                        ratio(judged - r.falseAlarms, judged), perThousand(r.findings, words),
                        r.hitExamples, r.falseAlarmExamples));
            }
            rs.sort(Comparator.comparingInt(RuleFigures::falseAlarms).reversed()
                    .thenComparing(Comparator.comparingInt(RuleFigures::findings).reversed())
                    .thenComparing(RuleFigures::rule));
            List<JudgmentFigures> js = new ArrayList<>();
            judgments.forEach((name, j) -> js.add(new JudgmentFigures(name, j.segments, j.words, j.findings,
                    perThousand(j.findings, j.words), j.flagged, ratio(j.flagged, j.segments))));
            return new Figures(label, Math.round(seconds * 10) / 10.0, words, findings, perThousand(findings, words),
                    sp, seg, byMajor.detection(), byAny.detection(), clean, fams, rs, js);
        }
    }
}

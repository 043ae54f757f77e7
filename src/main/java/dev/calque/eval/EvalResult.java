package dev.calque.eval;

import java.util.List;
import java.util.Map;

/**
 * Everything one {@code calque eval} run measured: the model every eval output (console, JSON,
 * Markdown, and later Allure) is written from. Writers only format it. Ratios are {@code null}
 * where their denominator is zero.
 *
 * @param source   the source language given with {@code --from}, or {@code auto} when each corpus's
 *                 {@code pair} chose it
 * @param minVotes annotators needed for an error to count (see {@link Segment#countedErrors})
 * @param corpora  one result per corpus file, in command-line order
 */
public record EvalResult(String calqueVersion, String languageToolVersion, String target, String source,
                         String rulePackHash, int minVotes, List<CorpusResult> corpora) {

    public EvalResult {
        corpora = List.copyOf(corpora);
    }

    /**
     * One corpus file, measured for Calque and (with {@code --baseline-lt}) for stock LanguageTool alone.
     *
     * @param source       source language the rule packs were chosen for
     * @param kinds        segments of each {@link Segment.Kind}
     * @param calque       figures of the configured checker
     * @param languageTool figures of stock LanguageTool alone, or {@code null} without a baseline run
     */
    public record CorpusResult(String file, String corpus, String source, int documents, int segments, int words,
                               Map<String, Integer> kinds, int maxAnnotators, Figures calque, Figures languageTool) {
        public CorpusResult {
            kinds = Map.copyOf(kinds);
        }

        public boolean annotated() {
            return kinds.getOrDefault(Segment.Kind.ANNOTATED.name(), 0) > 0;
        }

        public boolean human() {
            return kinds.getOrDefault(Segment.Kind.CLEAN.name(), 0) > 0;
        }

        public boolean judged() {
            return kinds.getOrDefault(Segment.Kind.JUDGED.name(), 0) > 0;
        }
    }

    /**
     * What one checker did on one corpus.
     *
     * @param findings             all findings
     * @param perThousandWords     findings per 1,000 words
     * @param spans                span-level matching on judgeable segments
     * @param segments             segment-level "has an error" on annotated segments
     * @param majorByMajorFinding  "has a major error" predicted by a major-or-worse finding (the headline)
     * @param majorByAnyFinding    "has a major error" predicted by any finding
     * @param clean                human and judged-perfect segments, where every finding is a false alarm
     * @param families             per MQM family, Fluency, Style, Accuracy, Terminology, Locale first
     * @param rules                per rule, noisiest first
     * @param judgments            per reader judgment (DiaBLa), empty otherwise
     */
    public record Figures(String checker, double seconds, int words, int findings, Double perThousandWords,
                          Spans spans, SegmentLevel segments, Detection majorByMajorFinding,
                          Detection majorByAnyFinding, Clean clean, List<FamilyFigures> families,
                          List<RuleFigures> rules, List<JudgmentFigures> judgments) {
        public Figures {
            families = List.copyOf(families);
            rules = List.copyOf(rules);
            judgments = List.copyOf(judgments);
        }
    }

    /**
     * Span-level matching.
     *
     * @param judgeableFindings findings in annotated or clean segments
     * @param hits              findings overlapping a counted error span
     * @param falseAlarms       findings in a segment without a counted error
     * @param unconfirmed       findings in a segment with errors, but overlapping none of their spans
     * @param precision         hits / judgeable findings
     * @param segmentPrecision  (judgeable findings - false alarms) / judgeable findings
     * @param errors            counted error spans (identical span and family from several annotators once)
     * @param errorsCaught      of those, overlapped by at least one finding
     * @param recall            errorsCaught / errors
     * @param errorsWithoutSpan counted errors with no span in the target (omissions): never caught
     */
    public record Spans(int judgeableFindings, int hits, int falseAlarms, int unconfirmed, Double precision,
                        Double segmentPrecision, int errors, int errorsCaught, Double recall, int errorsWithoutSpan) {
    }

    /** Segment-level "has an error" over annotated segments: flagged = has at least one finding. */
    public record SegmentLevel(int annotatedSegments, int withError, int flagged, int flaggedWithError,
                               Double precision, Double recall, Double f1) {
    }

    /** A binary segment-level detection task and how the prediction did. */
    public record Detection(int segments, int positives, int predicted, int truePositives, Double precision,
                            Double recall, Double f1) {
    }

    /** Human (or judged-perfect) segments: every finding there is a false alarm. */
    public record Clean(int segments, int words, int falseAlarms, Double perThousandWords, int segmentsFlagged) {
    }

    /**
     * One MQM family.
     *
     * @param errors           counted error spans of this family
     * @param errorsCaught     of those, overlapped by any finding
     * @param majorSegments    segments with a counted major-or-worse error of this family
     * @param majorCaught      of those, segments where the checker has a major-or-worse finding
     * @param majorFlagged     of those, segments where the checker has any finding
     * @param findings         findings whose category is in this family
     * @param hits             of those, hits (of an error of any family)
     * @param falseAlarms      of those, false alarms
     */
    public record FamilyFigures(String family, int errors, int errorsCaught, Double recall, int majorSegments,
                                int majorCaught, Double majorRecall, int majorFlagged, Double majorRecallAny,
                                int findings, int hits, int falseAlarms) {
    }

    /**
     * One rule, with examples for a tuner to click through.
     *
     * @param unjudged           findings in segments without human evidence (unannotated, or judged
     *                           medium/poor)
     * @param precision          hits / judgeable findings
     * @param segmentPrecision   (judgeable findings - false alarms) / judgeable findings
     * @param perThousandWords   findings per 1,000 words of the corpus
     * @param hitExamples        the first hits, in corpus order
     * @param falseAlarmExamples the first false alarms, in corpus order
     */
    public record RuleFigures(String rule, String name, String category, String severity, String origin,
                              int findings, int hits, int falseAlarms, int unconfirmed, int unjudged,
                              Double precision, Double segmentPrecision, Double perThousandWords,
                              List<Example> hitExamples, List<Example> falseAlarmExamples) {
        public RuleFigures {
            hitExamples = List.copyOf(hitExamples);
            falseAlarmExamples = List.copyOf(falseAlarmExamples);
        }
    }

    /**
     * One finding shown with its segment.
     *
     * @param start  offset of the passage in {@code segment}
     * @param errors the annotated errors it overlaps, as {@code severity category} (empty for a false alarm)
     */
    public record Example(String doc, String system, int seg, String passage, int start, int end, String segment,
                          String message, String severity, List<String> errors) {
        public Example {
            errors = List.copyOf(errors);
        }
    }

    /** Segments a reader judged one way (DiaBLa: perfect, medium, poor). */
    public record JudgmentFigures(String judgment, int segments, int words, int findings, Double perThousandWords,
                                  int segmentsFlagged, Double shareFlagged) {
    }
}

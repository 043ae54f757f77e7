package dev.calque.report.allure;

import dev.calque.eval.EvalResult;
import dev.calque.eval.EvalResult.CorpusResult;
import dev.calque.eval.EvalResult.Example;
import dev.calque.eval.EvalResult.Figures;
import dev.calque.eval.EvalResult.RuleFigures;
import dev.calque.model.Finding;
import dev.calque.model.MqmCategory;
import dev.calque.model.Severity;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.category.Category;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Allure report of {@code calque eval}: per corpus and per checker (Calque, and stock
 * LanguageTool with {@code --baseline-lt}), an overall test case with the corpus's figures, then one
 * test case per rule, so a tuner can click from the noisiest rules to their worst false alarms.
 *
 * <p>Each test case carries the rule's figures as parameters (precision first) and in its name; its
 * steps are the rule's example false alarms (worst severity first, status failed) and hits (status
 * passed), each with the segment, the flagged passage marked, the annotated errors it overlaps and
 * an HTML attachment of the segment with the passage highlighted.
 *
 * <p>Status of a rule, from its judged findings (those in annotated or clean segments):
 * <ul>
 *   <li>{@code failed}: more than half are false alarms (segment precision below
 *       {@link #THRESHOLD}): a rule that fires mostly on clean text;</li>
 *   <li>{@code broken}: not mostly false alarms, but fewer than half hit an annotated error span
 *       (span precision below {@link #THRESHOLD}): it fires in faulty segments, mostly beside the
 *       error the annotators marked;</li>
 *   <li>{@code passed}: at least half of its judged findings hit an annotated error;</li>
 *   <li>{@code skipped}: no judged finding at all (unannotated segments only): no evidence.</li>
 * </ul>
 */
public final class EvalAllureReport {
    /** Precision below this fails (false alarms) or breaks (beside the span) a rule. */
    public static final double THRESHOLD = 0.5;
    static final String REPORT_NAME = "Calque eval";
    static final String FAILED_MESSAGE = "Fires mostly on clean text";
    static final String BROKEN_MESSAGE = "Fires mostly beside the annotated errors";
    static final String SKIPPED_MESSAGE = "No judged findings";

    private final FileSystemResultsWriter writer;
    private final long now = System.currentTimeMillis();

    private EvalAllureReport(FileSystemResultsWriter writer) {
        this.writer = writer;
    }

    /**
     * Writes the results and the rendered report into {@code reportDir} ({@code index.html},
     * {@code allure-results/}, {@code history/}), replacing the previous eval report only when complete.
     */
    public static void write(EvalResult result, Path reportDir) throws IOException {
        try (StagedReport report = new StagedReport(reportDir, REPORT_NAME, "Calque eval")) {
            EvalAllureReport r = new EvalAllureReport(report.writer());
            for (CorpusResult c : result.corpora()) {
                r.corpus(c, c.calque(), "Calque");
                if (c.languageTool() != null) r.corpus(c, c.languageTool(), "stock LanguageTool");
            }
            report.finish(categories(), environment(result));
        }
    }

    private void corpus(CorpusResult c, Figures f, String checker) throws IOException {
        writer.write(overall(c, checker, f));
        for (RuleFigures rule : f.rules()) writer.write(rule(c, checker, rule));
    }

    /** The figure a tuner reads first: the whole checker on the corpus, in a test case of its own. */
    static final String OVERALL = "Overall";

    private TestResult overall(CorpusResult c, String checker, Figures f) {
        String fullName = "eval:" + c.file() + ":" + checker + ":" + OVERALL;
        List<Parameter> p = new ArrayList<>();
        p.add(Steps.param("Words", String.format(Locale.ROOT, "%,d in %,d segments", c.words(), c.segments())));
        p.add(Steps.param("Findings", String.format(Locale.ROOT, "%,d", f.findings())));
        p.add(Steps.param("Per 1,000 words", number(f.perThousandWords())));
        StringBuilder name = new StringBuilder(OVERALL + " · " + String.format(Locale.ROOT, "%,d", f.findings())
                + plural(f.findings(), " finding", " findings") + ", " + number(f.perThousandWords()) + " per 1,000 words");
        if (c.annotated() && f.spans() != null) {
            p.add(Steps.param("Precision", percent(f.spans().precision()) + " (" + f.spans().hits() + " hits of "
                    + f.spans().judgeableFindings() + " judged)"));
            p.add(Steps.param("Error recall", percent(f.spans().recall()) + " (" + f.spans().errorsCaught() + " of "
                    + f.spans().errors() + " annotated errors)"));
            name.append(" · precision ").append(percent(f.spans().precision()));
        }
        if (c.annotated() && f.segments() != null) {
            p.add(Steps.param("Segment has an error: P / R / F1", percent(f.segments().precision()) + " / "
                    + percent(f.segments().recall()) + " / " + percent(f.segments().f1())));
        }
        if (c.annotated() && f.majorByMajorFinding() != null) {
            p.add(Steps.param("Has a major error (major finding): P / R", percent(f.majorByMajorFinding().precision())
                    + " / " + percent(f.majorByMajorFinding().recall())));
        }
        if (c.human() && f.clean() != null) {
            p.add(Steps.param("False alarms per 1,000 words (clean text)", number(f.clean().perThousandWords())
                    + " (" + f.clean().falseAlarms() + ")"));
            name.append(" · ").append(number(f.clean().perThousandWords())).append(" false alarms per 1,000 words");
        }
        p.add(Steps.param("Seconds", String.format(Locale.ROOT, "%.1f", f.seconds())));
        List<Label> labels = labels(c, checker);
        labels.add(AllureWriter.label("tag", "overall"));
        return testCase(UUID.randomUUID().toString(), fullName)
                .setName(name.toString())
                .setStatus(Status.PASSED)
                .setStatusDetails(new StatusDetails().setMessage("The whole checker on " + c.file()
                        + "; each rule follows in its own test case."))
                .setDescription("**Corpus:** `" + c.file().replace("`", "'") + "` (" + c.corpus() + ") · **Checker:** "
                        + checker + "\n\nThe figures of `calque eval` for the corpus; the trend chart follows them from run "
                        + "to run. Each rule's own test case follows, its status from its precision.")
                .setLabels(labels)
                .setParameters(p);
    }

    private static String number(Double d) {
        return d == null ? "n/a" : String.format(Locale.ROOT, "%.2f", d);
    }

    private TestResult rule(CorpusResult c, String checker, RuleFigures r) throws IOException {
        String fullName = "eval:" + c.file() + ":" + checker + ":" + r.rule();
        String uuid = UUID.randomUUID().toString();
        int judged = r.findings() - r.unjudged();
        List<StepResult> steps = new ArrayList<>();
        List<Example> alarms = new ArrayList<>(r.falseAlarmExamples());
        alarms.sort(Comparator.comparing((Example e) -> severity(e.severity())).reversed()); // stable: corpus order within
        int n = 0;
        for (Example e : alarms) steps.add(step(uuid, ++n, r, e, false));
        for (Example e : r.hitExamples()) steps.add(step(uuid, ++n, r, e, true));

        List<Label> labels = labels(c, checker);
        labels.add(AllureWriter.label("feature", MqmCategory.dimensionOf(r.category())));
        labels.add(AllureWriter.label("story", r.category()));
        labels.add(AllureWriter.label("tag", r.origin()));

        return testCase(uuid, fullName)
                .setName(name(r, judged))
                .setStatus(status(r, judged))
                .setStatusDetails(new StatusDetails().setMessage(message(r, judged)))
                .setDescription(description(c, checker, r))
                .setLabels(labels)
                .setParameters(parameters(r, judged))
                .setSteps(steps);
    }

    /** A finished test case of this report, identified across runs by its full name. */
    private TestResult testCase(String uuid, String fullName) {
        return new TestResult()
                .setUuid(uuid)
                .setHistoryId(AllureWriter.stableId(fullName))
                .setTestCaseId(AllureWriter.stableId(fullName))
                .setFullName(fullName)
                .setStage(Stage.FINISHED)
                .setStart(now)
                .setStop(now);
    }

    /** The suites of a corpus's test case: report, corpus file, checker. */
    private static List<Label> labels(CorpusResult c, String checker) {
        List<Label> labels = new ArrayList<>();
        labels.add(AllureWriter.label("parentSuite", REPORT_NAME));
        labels.add(AllureWriter.label("suite", c.file()));
        labels.add(AllureWriter.label("subSuite", checker));
        labels.add(AllureWriter.label("framework", "calque"));
        return labels;
    }

    /** The documented status rule (see the class comment). */
    static Status status(RuleFigures r, int judged) {
        if (judged == 0) return Status.SKIPPED;
        if (r.segmentPrecision() != null && r.segmentPrecision() < THRESHOLD) return Status.FAILED;
        if (r.precision() != null && r.precision() < THRESHOLD) return Status.BROKEN;
        return Status.PASSED;
    }

    private static String name(RuleFigures r, int judged) {
        String figures = judged == 0 ? "no judged findings (" + r.findings() + " unjudged)"
                : "precision " + percent(r.precision()) + " · " + r.hits() + plural(r.hits(), " hit", " hits") + ", "
                + r.falseAlarms() + plural(r.falseAlarms(), " false alarm", " false alarms") + " of " + judged;
        return r.rule() + " · " + figures;
    }

    private static String message(RuleFigures r, int judged) {
        return switch (status(r, judged)) {
            case SKIPPED -> SKIPPED_MESSAGE + ": every finding is in a segment without annotations";
            case FAILED -> FAILED_MESSAGE + ": " + r.falseAlarms() + " of " + judged
                    + " judged findings are in segments with no annotated error";
            case BROKEN -> BROKEN_MESSAGE + ": only " + r.hits() + " of " + judged
                    + " judged findings overlap an annotated error span";
            default -> r.hits() + " of " + judged + " judged findings overlap an annotated error span";
        };
    }

    private static List<Parameter> parameters(RuleFigures r, int judged) {
        List<Parameter> p = new ArrayList<>();
        p.add(Steps.param("Precision", percent(r.precision()) + " (" + r.hits() + " hits of " + judged + " judged)"));
        p.add(Steps.param("Segment precision", percent(r.segmentPrecision())
                + " (" + (judged - r.falseAlarms()) + " of " + judged + " not false alarms)"));
        p.add(Steps.param("Findings", Integer.toString(r.findings())));
        p.add(Steps.param("Hits", Integer.toString(r.hits())));
        p.add(Steps.param("False alarms", Integer.toString(r.falseAlarms())));
        p.add(Steps.param("Unconfirmed", Integer.toString(r.unconfirmed())));
        p.add(Steps.param("Unjudged", Integer.toString(r.unjudged())));
        p.add(Steps.param("Per 1,000 words", number(r.perThousandWords())));
        return p;
    }

    private static String description(CorpusResult c, String checker, RuleFigures r) {
        StringBuilder d = new StringBuilder();
        d.append("**Rule:** ").append(Steps.markdown(r.rule()));
        if (r.name() != null && !r.name().isBlank()) d.append(" — ").append(Steps.markdown(r.name()));
        d.append("  \n**Category:** ").append(Steps.markdown(r.category())).append(" · **Severity:** ").append(Steps.markdown(String.valueOf(r.severity())))
                .append(" · **Origin:** ").append(Steps.markdown(String.valueOf(r.origin()))).append("  \n");
        d.append("**Corpus:** ").append(Steps.markdown(c.file())).append(" (").append(c.segments())
                .append(" segments, ").append(c.words()).append(" words) · **Checker:** ").append(checker).append("\n\n");
        d.append(String.format(Locale.ROOT, "Precision %s, segment precision %s: %d findings, %d hits, %d false alarms, "
                        + "%d unconfirmed (in a faulty segment, beside its error spans), %d unjudged.%n%n",
                percent(r.precision()), percent(r.segmentPrecision()), r.findings(), r.hits(), r.falseAlarms(),
                r.unconfirmed(), r.unjudged()));
        d.append("Status: *failed* when more than half of the judged findings are false alarms, *broken* when fewer "
                + "than half hit an annotated error span, *passed* otherwise. Steps: example false alarms (worst first), "
                + "then example hits; each has the segment with the passage highlighted attached.");
        return d.toString();
    }

    private StepResult step(String uuid, int number, RuleFigures r, Example e, boolean hit) throws IOException {
        String where = e.doc() + " seg " + e.seg();
        String passage = "\"" + Steps.shorten(Steps.oneLine(e.passage())) + "\"";
        String name = hit ? "Hit · " + where + " · " + passage + " ↔ " + String.join(", ", e.errors())
                : "False alarm [" + e.severity() + "] · " + where + " · " + passage;
        List<Parameter> params = new ArrayList<>();
        params.add(Steps.param("Segment", marked(e)));
        params.add(Steps.param("Annotated errors", hit ? String.join("; ", e.errors()) : "none in this segment"));
        params.add(Steps.param("Document", e.doc() + " · system " + e.system() + " · segment " + e.seg()));

        Finding f = finding(r, e);
        String source = uuid + "-example-" + number + ".html";
        writer.write(source, new ByteArrayInputStream(ArticleHtml.render(where, e.segment(), List.of(f))
                .getBytes(StandardCharsets.UTF_8)));
        return new StepResult()
                .setName(name)
                .setStatus(hit ? Status.PASSED : Status.FAILED)
                .setStage(Stage.FINISHED)
                .setStatusDetails(new StatusDetails().setMessage(e.message()))
                .setParameters(params)
                .setAttachments(List.of(new Attachment().setName("Segment with the flagged passage")
                        .setType("text/html").setSource(source)))
                .setStart(now)
                .setStop(now);
    }

    /** The example as a finding in its segment, so {@link ArticleHtml} can highlight it. */
    private static Finding finding(RuleFigures r, Example e) {
        int start = Math.max(0, Math.min(e.start(), e.segment().length()));
        int end = Math.max(start, Math.min(e.end(), e.segment().length()));
        return new Finding(r.rule(), r.name() == null ? "" : r.name(), r.category(), severity(e.severity()),
                e.message() == null ? "" : e.message(), List.of(), start, end, 1, start + 1, 1, end + 1,
                e.passage(), e.segment(), 0, r.origin());
    }

    /** The segment on one line with the flagged passage between ⟦ and ⟧. */
    static String marked(Example e) {
        String s = e.segment();
        int start = Math.max(0, Math.min(e.start(), s.length()));
        int end = Math.max(start, Math.min(e.end(), s.length()));
        return Steps.oneLine(s.substring(0, start) + "⟦" + s.substring(start, end) + "⟧" + s.substring(end));
    }

    private static List<Category> categories() {
        return List.of(
                new Category().setName(FAILED_MESSAGE)
                        .setDescription("Rules whose judged findings are mostly false alarms (segment precision below "
                                + percent(THRESHOLD) + ")")
                        .setMatchedStatuses(List.of(io.qameta.allure.entity.Status.FAILED))
                        .setMessageRegex("(?s)" + FAILED_MESSAGE + ".*"),
                new Category().setName(BROKEN_MESSAGE)
                        .setDescription("Rules that fire in faulty segments but mostly not on the annotated span "
                                + "(precision below " + percent(THRESHOLD) + ")")
                        .setMatchedStatuses(List.of(io.qameta.allure.entity.Status.BROKEN))
                        .setMessageRegex("(?s)" + BROKEN_MESSAGE + ".*"));
    }

    private static Map<String, String> environment(EvalResult r) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Calque", r.calqueVersion());
        p.put("LanguageTool", r.languageToolVersion());
        p.put("Source language", r.source());
        p.put("Target language", r.target());
        p.put("Rule packs (SHA-256)", r.rulePackHash());
        p.put("Min votes", Integer.toString(r.minVotes()));
        List<String> files = new ArrayList<>();
        for (CorpusResult c : r.corpora()) files.add(c.file());
        p.put("Corpora", String.join(", ", files));
        p.put("Status rule", "failed: segment precision < " + percent(THRESHOLD) + "; broken: precision < "
                + percent(THRESHOLD));
        return p;
    }

    private static Severity severity(String label) {
        try {
            return Severity.parse(label);
        } catch (IllegalArgumentException e) {
            return Severity.NEUTRAL;
        }
    }


    static String percent(Double ratio) {
        return ratio == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    private static String plural(int n, String one, String many) {
        return n == 1 ? one : many;
    }
}

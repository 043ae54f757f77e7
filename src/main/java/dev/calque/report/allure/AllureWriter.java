package dev.calque.report.allure;

import dev.calque.ingest.InputProblem;
import dev.calque.model.Article;
import dev.calque.model.ArticleResult;
import dev.calque.model.Finding;
import dev.calque.model.MqmCategory;
import dev.calque.model.Severity;
import dev.calque.report.ReportWriter;
import dev.calque.report.RunInfo;
import dev.calque.score.RunSummary;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.category.Category;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The Allure report of a run: one Allure test result per article (written with Allure's own model
 * into {@code allure-results/}), rendered in-process into one self-contained {@code index.html}.
 *
 * <p>Staging, history, build order and publishing: see {@link StagedReport}.
 */
public final class AllureWriter implements ReportWriter {
    /** MQM dimensions (each MQM-Core name with its older names), so categories exist before a rule uses them. */
    static final List<String> MQM_DIMENSIONS = MqmCategory.DIMENSION_NAMES.stream()
            .filter(d -> MqmCategory.Dimension.named(d) != MqmCategory.Dimension.OTHER).toList();
    static final String ATTACHMENT_NAME = "Article with flagged passages";
    static final String PAIRED_ATTACHMENT_NAME = "Original and translation side by side, flagged passages on both";

    private final Path reportDir;
    private final boolean majorIsBlocker;
    private final String reportName;
    private StagedReport report;
    private FileSystemResultsWriter writer;
    private RunInfo run;
    private final Set<String> dimensions = new LinkedHashSet<>(MQM_DIMENSIONS);

    /**
     * @param majorIsBlocker show articles whose worst finding is major as Allure "blocker" rather
     *                       than "normal" (critical findings are always "critical")
     */
    public AllureWriter(Path reportDir, boolean majorIsBlocker) {
        this.reportDir = reportDir.toAbsolutePath().normalize();
        this.majorIsBlocker = majorIsBlocker;
        this.reportName = "Calque report";
    }

    public AllureWriter(Path reportDir) {
        this(reportDir, false);
    }

    @Override
    public void start(RunInfo info) throws IOException {
        this.run = info;
        report = new StagedReport(reportDir, reportName, "Calque run");
        writer = report.writer();
        for (var r : info.rules()) dimensions.add(r.dimension());
    }

    @Override
    public void article(ArticleResult r) throws IOException {
        Article a = r.article();
        long now = System.currentTimeMillis();
        String uuid = UUID.randomUUID().toString();
        List<Finding> findings = r.findings();
        Severity failOn = run.gate().failOn();

        // most confident first; each step keeps its mark number in the attached article (text order)
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) order.add(i);
        order.sort(java.util.Comparator.comparingDouble((Integer i) -> -findings.get(i).confidenceOr(-1)));
        List<StepResult> steps = new ArrayList<>(findings.size());
        for (int i : order) steps.add(Steps.step(findings.get(i), i + 1, failOn, now));

        Set<String> stories = new LinkedHashSet<>();
        Set<String> rules = new LinkedHashSet<>();
        for (Finding f : findings) {
            stories.add(f.dimension());
            rules.add(f.rule());
            dimensions.add(f.dimension());
        }
        List<Label> labels = baseLabels(a.group());
        for (String s : stories) labels.add(label("story", s));
        for (String rule : rules) labels.add(label("tag", rule));
        labels.add(label("severity", allureSeverity(r.checked().worst())));

        String source = uuid + "-article.html";
        writer.write(source, new ByteArrayInputStream(
                ArticleHtml.render(a.title(), a.text(), findings, r.checked().original()).getBytes(StandardCharsets.UTF_8)));

        checkedIds.add(a.id());
        TestResult t = new TestResult()
                .setUuid(uuid)
                .setHistoryId(stableId(a.id()))
                .setTestCaseId(stableId(a.id()))
                .setFullName(a.id())
                .setName(a.title() == null || a.title().isBlank() ? a.source() : a.title())
                .setStatus(r.failed() ? Status.FAILED : Status.PASSED)
                .setStatusDetails(new StatusDetails().setMessage(message(r)))
                .setStage(Stage.FINISHED)
                .setDescription(description(r))
                .setLabels(labels)
                .setParameters(List.of(
                        Steps.param("Source language", run.source() == null ? "unknown" : run.source()),
                        Steps.param("Target language", run.target()),
                        Steps.param("Words", Integer.toString(r.score().words())),
                        Steps.param("MQM score", String.format(Locale.ROOT, "%.1f", r.score().score())),
                        Steps.param("Risk of a major error", r.score().risk() == null ? "not estimated"
                                : String.format(Locale.ROOT, "%.2f", r.score().risk().risk()))))
                .setSteps(steps)
                .setAttachments(List.of(new Attachment()
                        .setName(r.checked().original() == null ? ATTACHMENT_NAME : PAIRED_ATTACHMENT_NAME).setType("text/html").setSource(source)))
                .setStart(now - r.checkNanos() / 1_000_000)
                .setStop(now);
        writer.write(t);
    }

    /** Articles written this run: a problem about one of them (its text cut to the limit) is a test case of its own, not a retry. */
    private final java.util.Set<String> checkedIds = new java.util.HashSet<>();

    @Override
    public void unreadable(InputProblem p) throws IOException {
        long now = System.currentTimeMillis();
        List<Label> labels = baseLabels(p.group());
        labels.add(label("severity", "critical"));
        String id = checkedIds.contains(p.source()) ? p.source() + "#unreadable" : p.source();
        writer.write(new TestResult()
                .setUuid(UUID.randomUUID().toString())
                .setHistoryId(stableId(id))
                .setTestCaseId(stableId(id))
                .setFullName(p.source())
                .setName(p.source())
                .setStatus(Status.BROKEN)
                .setStatusDetails(new StatusDetails().setMessage("Unreadable: " + p.reason()))
                .setStage(Stage.FINISHED)
                .setLabels(labels)
                .setStart(now)
                .setStop(now));
    }

    @Override
    public void finish(RunSummary summary) throws IOException {
        if (report == null || !report.open()) return;
        report.finish(categories(), environment());
    }

    @Override
    public void close() throws IOException {
        if (report != null) report.close();
    }

    /** Failed articles fall into one category per MQM dimension they have findings in. */
    private List<Category> categories() {
        List<Category> out = new ArrayList<>();
        for (String d : dimensions) {
            out.add(new Category().setName(d)
                    .setDescription("Articles failing the gate with findings in the MQM dimension " + d)
                    .setMatchedStatuses(List.of(io.qameta.allure.entity.Status.FAILED))
                    .setMessageRegex("(?s).*\\[" + java.util.regex.Pattern.quote(d) + "\\].*"));
        }
        out.add(new Category().setName("Unreadable input")
                .setMatchedStatuses(List.of(io.qameta.allure.entity.Status.BROKEN))
                .setMessageRegex("(?s)Unreadable: .*"));
        return out;
    }

    private Map<String, String> environment() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Calque", run.calqueVersion());
        p.put("LanguageTool", run.languageToolVersion());
        p.put("Source language", run.source() == null ? "unknown" : run.source());
        p.put("Target language", run.target());
        p.put("Rule packs (SHA-256)", run.rulePackHash());
        p.put("Quality gate", run.gate().describe());
        p.put("Started", run.started().toString());
        return p;
    }

    private String message(ArticleResult r) {
        ArrayList<String> parts = new ArrayList<>();
        for (Severity s : new Severity[] {Severity.CRITICAL, Severity.MAJOR, Severity.MINOR}) {
            int n = r.score().count(s);
            if (n > 0) parts.add(n + " " + s.label());
        }
        String counts = parts.isEmpty() ? "no findings" : String.join(", ", parts);
        String head = r.failed() ? "Fails the gate (" + run.gate().describe() + "): " + counts
                : counts.equals("no findings") ? "No findings" : "Passes the gate with " + counts;
        StringBuilder m = new StringBuilder(head)
                .append(String.format(Locale.ROOT, " · MQM score %.1f", r.score().score()));
        Set<String> dims = new LinkedHashSet<>();
        for (Finding f : r.findings()) if (f.severity() != Severity.NEUTRAL) dims.add(f.dimension());
        if (!dims.isEmpty()) {
            m.append("\nMQM dimensions:");
            for (String d : dims) m.append(" [").append(d).append(']');
        }
        if (r.note() != null) m.append("\nNote: ").append(r.note());
        return m.toString();
    }

    private String description(ArticleResult r) {
        Article a = r.article();
        StringBuilder d = new StringBuilder();
        d.append("**Source:** ").append(Steps.markdown(a.source())).append("  \n");
        d.append("**Input:** ").append(Steps.markdown(a.group())).append("  \n");
        d.append("**Words:** ").append(r.score().words())
                .append(String.format(Locale.ROOT, " · **MQM score:** %.1f · **Penalty:** %.1f", r.score().score(), r.score().penalty()));
        if (r.note() != null) d.append("  \n**Note:** ").append(Steps.markdown(r.note()));
        d.append("\n\nEach step is one finding; its number is the mark number in the attached article.");
        return d.toString();
    }

    private List<Label> baseLabels(String group) {
        List<Label> labels = new ArrayList<>();
        labels.add(label("parentSuite", "Calque"));
        labels.add(label("suite", group));
        labels.add(label("feature", group));
        labels.add(label("framework", "calque"));
        return labels;
    }

    private String allureSeverity(Severity worst) {
        if (worst == null) return "trivial";
        return switch (worst) {
            case CRITICAL -> "critical";
            case MAJOR -> majorIsBlocker ? "blocker" : "normal";
            case MINOR -> "minor";
            case NEUTRAL -> "trivial";
        };
    }

    static Label label(String name, String value) {
        return new Label().setName(name).setValue(value == null ? "" : value);
    }

    /** The same article gets the same id in every run, so Allure's history and retries line up. */
    static String stableId(String id) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("calque:" + id).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}

package dev.calque.report;

import dev.calque.ingest.InputProblem;
import dev.calque.model.Article;
import dev.calque.model.ArticleResult;
import dev.calque.model.Finding;
import dev.calque.model.Fingerprints;
import dev.calque.model.Severity;
import dev.calque.rules.RuleInfo;
import dev.calque.score.RunSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, the format code-scanning tools read (GitHub code scanning, GitLab, IDE viewers).
 * One run; results are streamed as articles arrive. The run's {@code tool} object is written last:
 * Calque's rules are known at the start and keep their indices, stock LanguageTool rules get the
 * next indices in the order they first appear (only their ids are remembered until then).
 */
public final class SarifWriter extends JsonReportWriter {
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private RunInfo run;
    private final Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    private final List<String> stockIds = new ArrayList<>();
    private final List<InputProblem> unreadable = new ArrayList<>();
    /** Each article's note (text cut, original not paired, findings not all listed): {uri, note}. */
    private final List<String[]> notes = new ArrayList<>();
    /** Per-article score lines for the run properties: small, one per article. */
    private final List<ArticleLine> articles = new ArrayList<>();

    private record ArticleLine(String source, String title, int words, double score, boolean failed, int findings,
                               int suppressed) {
    }

    public SarifWriter(Destination dest) throws IOException {
        super(dest);
    }

    @Override
    public void start(RunInfo info) throws IOException {
        this.run = info;
        for (RuleInfo r : info.rules()) ruleIndex.putIfAbsent(r.id(), ruleIndex.size());
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        g.writeObjectFieldStart("automationDetails");
        g.writeStringField("id", "calque/" + info.source() + "-" + info.target() + "/");
        g.writeEndObject();
        g.writeStringField("columnKind", "utf16CodeUnits");
        g.writeArrayFieldStart("results");
        g.flush();
    }

    @Override
    public void article(ArticleResult r) throws IOException {
        Article a = r.article();
        articles.add(new ArticleLine(a.source(), a.title(), r.score().words(), r.score().score(), r.failed(),
                r.findings().size(), r.suppressed()));
        String uri = Locations.uri(a.source());
        if (r.note() != null) notes.add(new String[] {uri, r.note()});
        boolean inFile = Locations.positionsInFile(a);
        for (int i = 0; i < r.findings().size(); i++) {
            Finding f = r.findings().get(i);
            g.writeStartObject();
            g.writeStringField("ruleId", f.rule());
            g.writeNumberField("ruleIndex", indexOf(f.rule()));
            // a hint (confidence below --min-confidence) never fails the gate: a note, as GitHub's notice
            g.writeStringField("level", run.gate() != null && run.gate().hint(f) ? "note" : level(f.severity()));
            // SARIF's rank: the finding's confidence (risk model) as a percentage
            if (f.confidence() != null) g.writeNumberField("rank", Math.round(f.confidence() * 1000) / 10.0);
            message(f.message() + (f.suggestions().isEmpty() ? ""
                    : " Suggestion: " + String.join(" | ", f.suggestions())));
            g.writeArrayFieldStart("locations");
            g.writeStartObject();
            g.writeObjectFieldStart("physicalLocation");
            artifactLocation(uri);
            g.writeObjectFieldStart("region");
            Locations.Region at = Locations.position(a, f);
            g.writeNumberField("startLine", at.line());
            g.writeNumberField("startColumn", at.column());
            g.writeNumberField("endLine", at.endLine());
            g.writeNumberField("endColumn", at.endColumn());
            g.writeNumberField("charOffset", at.start());
            g.writeNumberField("charLength", at.end() - at.start());
            g.writeObjectFieldStart("snippet");
            g.writeStringField("text", f.passage());
            g.writeEndObject();
            g.writeEndObject();
            // SARIF wants the context a proper superset of the region: a finding that is its whole
            // sentence ("January 10 in Geneva.") has none beyond itself
            int ctxStart = f.sentenceStart();
            int ctxEnd = ctxStart + f.sentence().length();
            if (ctxStart <= f.start() && f.end() <= ctxEnd && ctxEnd - ctxStart > f.end() - f.start()) {
                int from = Locations.offset(a, ctxStart);
                int to = Locations.offset(a, ctxEnd);
                g.writeObjectFieldStart("contextRegion");
                g.writeNumberField("charOffset", from);
                g.writeNumberField("charLength", to - from);
                g.writeObjectFieldStart("snippet");
                g.writeStringField("text", f.sentence());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            String original = a.metadata().get("original");
            if (f.hasSource() && original != null) {
                // the original's passage, so a viewer can show both sides
                g.writeArrayFieldStart("relatedLocations");
                g.writeStartObject();
                g.writeNumberField("id", 1);
                g.writeObjectFieldStart("physicalLocation");
                artifactLocation(Locations.uri(original));
                g.writeObjectFieldStart("region");
                g.writeNumberField("charOffset", f.sourceStart());
                g.writeNumberField("charLength", f.sourceEnd() - f.sourceStart());
                g.writeObjectFieldStart("snippet");
                g.writeStringField("text", f.sourcePassage());
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
                message(f.segmentId() == null ? "the original" : "the original (segment " + f.segmentId() + ")");
                g.writeEndObject();
                g.writeEndArray();
            }
            g.writeObjectFieldStart("partialFingerprints");
            g.writeStringField(Fingerprints.SARIF_KEY, r.fingerprints().get(i));
            g.writeEndObject();
            g.writeObjectFieldStart("properties");
            g.writeStringField("mqmCategory", f.category());
            g.writeStringField("mqmSeverity", f.severity().label());
            g.writeStringField("article", a.source());
            g.writeStringField("articleTitle", a.title());
            g.writeNumberField("articleScore", round(r.score().score()));
            g.writeBooleanField("articleFailed", r.failed());
            if (r.score().risk() != null) g.writeNumberField("articleRisk", r.score().risk().risk());
            if (!inFile) {
                // lines and columns count in the text Calque extracted, not in the file's markup
                g.writeStringField("positionsIn", "extracted text (" + a.mediaType() + ")");
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.flush();
    }

    private int indexOf(String ruleId) {
        Integer i = ruleIndex.get(ruleId);
        if (i == null) {
            i = ruleIndex.size();
            ruleIndex.put(ruleId, i);
            stockIds.add(ruleId);
        }
        return i;
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, MAJOR -> "error";
            case MINOR -> "warning";
            case NEUTRAL -> "note";
        };
    }

    @Override
    public void unreadable(InputProblem p) {
        unreadable.add(p);
    }

    @Override
    public void finish(RunSummary s) throws IOException {
        g.writeEndArray();
        writeTool();
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", s.unreadable() == 0);
        g.writeStringField("startTimeUtc", run.started().toString());
        g.writeStringField("endTimeUtc", run.started().plus(s.elapsed()).toString());
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (InputProblem p : unreadable) notification("error", p.oneLine(), Locations.uri(p.source()), "unreadable-input");
        for (String[] n : notes) notification("note", n[1], n[0], "article-note");
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        writeRunProperties(s);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        complete();
    }

    /** SARIF's {@code artifactLocation}: the file a location is in. */
    private void artifactLocation(String uri) throws IOException {
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri);
        g.writeEndObject();
    }

    /** SARIF's {@code message}: plain text. */
    private void message(String text) throws IOException {
        g.writeObjectFieldStart("message");
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    /** One tool execution notification: what happened to an input, beside the results. */
    private void notification(String level, String text, String uri, String id) throws IOException {
        g.writeStartObject();
        g.writeStringField("level", level);
        message(text);
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        artifactLocation(uri);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("descriptor");
        g.writeStringField("id", id);
        g.writeEndObject();
        g.writeEndObject();
    }

    private void writeTool() throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "Calque");
        g.writeStringField("version", run.calqueVersion());
        g.writeStringField("informationUri", informationUri());
        g.writeArrayFieldStart("rules");
        for (RuleInfo r : run.rules()) writeRule(r);
        for (String id : stockIds) {
            RuleInfo r = run.describe().apply(id);
            writeRule(r != null ? r : new RuleInfo(id, id, "Other", Severity.MINOR, id, "languagetool", "languagetool",
                    List.of()));
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** LanguageTool's page for each of its rules (description, examples, the rule's source). */
    private static final String LANGUAGETOOL_RULE = "https://community.languagetool.org/rule/show/";

    /**
     * Where to learn about Calque: the README of the installation that wrote the log (the launcher
     * says where it is), else of the working folder. Calque has no web site; its documentation ships with it.
     */
    static String informationUri() {
        String home = System.getProperty("calque.home");
        java.nio.file.Path readme = java.nio.file.Path.of(home != null ? home : "", "README.md").toAbsolutePath().normalize();
        return readme.toUri().toString();
    }

    private void writeRule(RuleInfo r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("name", r.name());
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", r.name());
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", r.explanation());
        g.writeEndObject();
        g.writeObjectFieldStart("help");
        g.writeStringField("text", r.explanation() + " (MQM " + r.category() + ", " + r.severity().label() + ")");
        g.writeEndObject();
        if (r.isStock()) g.writeStringField("helpUri", LANGUAGETOOL_RULE + java.net.URLEncoder.encode(r.id(),
                java.nio.charset.StandardCharsets.UTF_8) + "?lang=en");
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(r.severity()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("mqmCategory", r.category());
        g.writeStringField("mqmSeverity", r.severity().label());
        g.writeStringField("origin", r.isStock() ? "languagetool" : "calque");
        g.writeStringField("source", r.source());
        g.writeArrayFieldStart("tags");
        g.writeString("translation-quality");
        g.writeString("mqm/" + r.dimension());
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private void writeRunProperties(RunSummary s) throws IOException {
        g.writeObjectFieldStart("properties");
        g.writeNumberField("mqmScore", round(s.score()));
        g.writeNumberField("articles", s.articles());
        g.writeNumberField("failed", s.failed());
        g.writeNumberField("unreadable", s.unreadable());
        g.writeNumberField("suppressed", s.suppressed());
        g.writeNumberField("skipped", s.skipped());
        g.writeNumberField("words", s.words());
        g.writeStringField("gate", run.gate().describe());
        g.writeStringField("rulePackHash", run.rulePackHash());
        g.writeStringField("languageTool", run.languageToolVersion());
        g.writeStringField("sourceLanguage", run.source());
        g.writeStringField("targetLanguage", run.target());
        g.writeStringField("verdict", s.verdict());
        g.writeArrayFieldStart("articleScores");
        for (ArticleLine a : articles) {
            g.writeStartObject();
            g.writeStringField("source", a.source());
            g.writeStringField("title", a.title());
            g.writeNumberField("words", a.words());
            g.writeNumberField("mqmScore", round(a.score()));
            g.writeStringField("status", a.failed() ? "failed" : "passed");
            g.writeNumberField("findings", a.findings());
            g.writeNumberField("suppressed", a.suppressed());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}

package dev.calque.report;

import dev.calque.ingest.InputProblem;
import dev.calque.model.Article;
import dev.calque.model.ArticleResult;
import dev.calque.model.Finding;
import dev.calque.model.Severity;
import dev.calque.score.RunSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One JSON document per run, streamed article by article (schema in the README): memory stays flat
 * however many articles the run has.
 */
public final class JsonWriter extends JsonReportWriter {
    private final List<InputProblem> unreadable = new ArrayList<>();

    public JsonWriter(Destination dest) throws IOException {
        super(dest);
    }

    @Override
    public void start(RunInfo run) throws IOException {
        g.writeStartObject();
        g.writeNumberField("schemaVersion", 1);
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", "Calque");
        g.writeStringField("version", run.calqueVersion());
        g.writeStringField("languagetool", run.languageToolVersion());
        g.writeEndObject();
        g.writeObjectFieldStart("run");
        g.writeStringField("source", run.source());
        g.writeStringField("target", run.target());
        g.writeStringField("rulePackHash", run.rulePackHash());
        g.writeStringField("started", run.started().toString());
        g.writeStringField("gate", run.gate().describe());
        g.writeEndObject();
        g.writeArrayFieldStart("articles");
        this.gate = run.gate();
    }

    @Override
    public void article(ArticleResult r) throws IOException {
        Article a = r.article();
        g.writeStartObject();
        g.writeStringField("source", a.source());
        g.writeStringField("id", a.id());
        g.writeStringField("input", a.group());
        g.writeStringField("title", a.title());
        g.writeStringField("mediaType", a.mediaType());
        if (!a.metadata().isEmpty()) {
            g.writeObjectFieldStart("metadata");
            for (Map.Entry<String, String> e : a.metadata().entrySet()) g.writeStringField(e.getKey(), e.getValue());
            g.writeEndObject();
        }
        g.writeNumberField("words", r.score().words());
        g.writeNumberField("penalty", round(r.score().penalty()));
        g.writeNumberField("score", round(r.score().score()));
        g.writeStringField("status", r.failed() ? "failed" : "passed");
        if (r.note() != null) g.writeStringField("note", r.note());
        g.writeNumberField("suppressed", r.suppressed());
        writeRisk(r.score().risk());
        g.writeArrayFieldStart("findings");
        for (int i = 0; i < r.findings().size(); i++) writeFinding(r.findings().get(i), r.fingerprints().get(i));
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
    }

    private void writeFinding(Finding f, String fingerprint) throws IOException {
        g.writeStartObject();
        g.writeStringField("fingerprint", fingerprint);
        g.writeStringField("rule", f.rule());
        g.writeStringField("ruleName", f.ruleName());
        g.writeStringField("category", f.category());
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("message", f.message());
        g.writeArrayFieldStart("suggestions");
        for (String s : f.suggestions()) g.writeString(s);
        g.writeEndArray();
        g.writeNumberField("start", f.start());
        g.writeNumberField("end", f.end());
        g.writeNumberField("line", f.line());
        g.writeNumberField("column", f.column());
        g.writeNumberField("endLine", f.endLine());
        g.writeNumberField("endColumn", f.endColumn());
        g.writeStringField("passage", f.passage());
        g.writeStringField("sentence", f.sentence());
        g.writeStringField("origin", f.origin());
        if (f.hasSource()) {
            g.writeStringField("sourcePassage", f.sourcePassage());
            g.writeNumberField("sourceStart", f.sourceStart());
            g.writeNumberField("sourceEnd", f.sourceEnd());
        }
        if (f.segmentId() != null) g.writeStringField("segmentId", f.segmentId());
        if (f.confidence() != null) g.writeNumberField("confidence", f.confidence());
        // below --min-confidence: shown as a hint, never fails the gate (as on the console)
        if (gate != null && gate.hint(f)) g.writeBooleanField("hint", true);
        g.writeEndObject();
    }

    private dev.calque.score.QualityGate gate;

    /** The article's risk of a major error and each paragraph's (offsets into the text), when estimated. */
    private void writeRisk(dev.calque.model.ArticleRisk risk) throws IOException {
        if (risk == null) return;
        g.writeNumberField("risk", risk.risk());
        g.writeArrayFieldStart("segments");
        for (dev.calque.model.ArticleRisk.Segment s : risk.segments()) {
            g.writeStartObject();
            g.writeNumberField("start", s.start());
            g.writeNumberField("end", s.end());
            g.writeNumberField("risk", s.risk());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    @Override
    public void unreadable(InputProblem p) {
        unreadable.add(p);
    }

    @Override
    public void finish(RunSummary s) throws IOException {
        g.writeEndArray();
        g.writeArrayFieldStart("unreadable");
        for (InputProblem p : unreadable) {
            g.writeStartObject();
            g.writeStringField("source", p.source());
            g.writeStringField("input", p.group());
            g.writeStringField("reason", p.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("summary");
        g.writeNumberField("articles", s.articles());
        g.writeNumberField("failed", s.failed());
        g.writeNumberField("unreadable", s.unreadable());
        g.writeNumberField("words", s.words());
        g.writeObjectFieldStart("findings");
        for (Severity sev : new Severity[] {Severity.CRITICAL, Severity.MAJOR, Severity.MINOR}) {
            g.writeNumberField(sev.label(), s.count(sev));
        }
        g.writeEndObject();
        g.writeNumberField("suppressed", s.suppressed());
        g.writeNumberField("skipped", s.skipped());
        g.writeNumberField("score", round(s.score()));
        g.writeStringField("verdict", s.verdict());
        g.writeNumberField("seconds", s.elapsed().toMillis() / 1000.0);
        g.writeEndObject();
        g.writeEndObject();
        complete();
    }
}

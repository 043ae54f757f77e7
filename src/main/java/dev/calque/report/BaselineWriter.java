package dev.calque.report;

import dev.calque.ingest.InputProblem;
import dev.calque.model.ArticleResult;
import dev.calque.model.Finding;
import dev.calque.score.RunSummary;
import java.io.IOException;

/**
 * The baseline file ({@code calque baseline}): every current finding by fingerprint, with enough
 * around it (rule, passage, where) for a person reading a diff of the file. Read back by
 * {@link dev.calque.score.Suppressions}.
 */
public final class BaselineWriter extends JsonReportWriter {
    private int count;

    public BaselineWriter(Destination dest) throws IOException {
        super(dest);
    }

    @Override
    public void start(RunInfo run) throws IOException {
        g.writeStartObject();
        g.writeNumberField("schemaVersion", 1);
        g.writeStringField("created", run.started().toString());
        g.writeStringField("calque", run.calqueVersion());
        g.writeStringField("rulePackHash", run.rulePackHash());
        g.writeArrayFieldStart("findings");
    }

    @Override
    public void article(ArticleResult r) throws IOException {
        for (int i = 0; i < r.findings().size(); i++) {
            Finding f = r.findings().get(i);
            g.writeStartObject();
            g.writeStringField("fingerprint", r.fingerprints().get(i));
            g.writeStringField("rule", f.rule());
            g.writeStringField("severity", f.severity().label());
            g.writeStringField("passage", f.passage());
            g.writeStringField("source", r.article().source());
            g.writeNumberField("line", f.line());
            g.writeEndObject();
            count++;
        }
        g.flush();
    }

    public int count() {
        return count;
    }

    @Override
    public void unreadable(InputProblem problem) {
        // an unreadable input has no findings to record; the command reports it
    }

    @Override
    public void finish(RunSummary summary) throws IOException {
        g.writeEndArray();
        g.writeEndObject();
        complete();
    }
}

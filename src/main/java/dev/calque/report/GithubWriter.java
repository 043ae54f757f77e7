package dev.calque.report;

import dev.calque.ingest.InputProblem;
import dev.calque.model.Article;
import dev.calque.model.ArticleResult;
import dev.calque.model.Finding;
import dev.calque.score.RunSummary;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the file and line
 * ({@code ::error} for major and critical, {@code ::warning} for minor, {@code ::notice} for
 * neutral remarks). Positions are given only when they point into the file (plain text read as
 * it is); for HTML, PDF or feed items the annotation names the file and the message says where
 * in the extracted text the passage is.
 */
public final class GithubWriter implements ReportWriter {
    private final Destination dest;
    private final PrintWriter out;

    public GithubWriter(Destination dest) {
        this.dest = dest;
        this.out = new PrintWriter(new OutputStreamWriter(dest.stream(), StandardCharsets.UTF_8), false);
    }

    @Override
    public void start(RunInfo run) {
        this.gate = run.gate();
        // annotations only
    }

    @Override
    public void article(ArticleResult r) {
        Article a = r.article();
        String file = Locations.file(a.source());
        boolean inFile = file != null && Locations.positionsInFile(a);
        for (Finding f : r.findings()) {
            Map<String, String> props = new LinkedHashMap<>();
            if (file != null) props.put("file", file);
            if (inFile) {
                Locations.Region at = Locations.position(a, f);
                props.put("line", Integer.toString(at.line()));
                props.put("col", Integer.toString(at.column()));
                props.put("endLine", Integer.toString(at.endLine()));
                props.put("endColumn", Integer.toString(at.endColumn()));
            }
            props.put("title", f.ruleName() + " [" + f.rule() + "] (" + f.category() + ", " + f.severity().label() + ")");
            String where = inFile ? "" : (file == null ? a.source() + " " : "")
                    + "(line " + f.line() + ", column " + f.column() + " of the extracted text) ";
            String message = where + "“" + f.passage() + "”: " + f.message()
                    + (f.suggestions().isEmpty() ? "" : " → " + String.join(" | ", f.suggestions()))
                    + RiskText.confidence(f, gate)
                    + String.format(Locale.ROOT, " · article MQM %.1f%s%s", r.score().score(), RiskText.risk(r),
                    r.failed() ? ", fails the gate" : "");
            out.print(command(gate != null && gate.hint(f) ? "notice" : level(f), props, message));
        }
        out.flush();
    }

    private dev.calque.score.QualityGate gate;

    private static String level(Finding f) {
        return switch (f.severity()) {
            case CRITICAL, MAJOR -> "error";
            case MINOR -> "warning";
            case NEUTRAL -> "notice";
        };
    }

    @Override
    public void unreadable(InputProblem p) {
        Map<String, String> props = new LinkedHashMap<>();
        String file = Locations.file(p.source());
        if (file != null) props.put("file", file);
        props.put("title", "Calque could not read this input");
        out.print(command("error", props, p.oneLine()));
        out.flush();
    }

    @Override
    public void finish(RunSummary s) throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("title", "Calque verdict");
        out.print(command(s.failed() > 0 || s.unreadable() > 0 ? "error" : "notice", props, s.verdict()));
        out.flush();
        // a PrintWriter keeps its write errors to itself: a half-written output must not be moved into place
        if (out.checkError()) throw new OutputFailure(dest.name(), "write failed (the disk is full, or the reader has gone)");
        dest.commit();
    }

    /** One workflow command line, escaped as the runner expects. */
    static String command(String name, Map<String, String> props, String message) {
        StringBuilder b = new StringBuilder("::").append(name);
        boolean first = true;
        for (Map.Entry<String, String> e : props.entrySet()) {
            b.append(first ? ' ' : ',').append(e.getKey()).append('=').append(escapeProperty(e.getValue()));
            first = false;
        }
        return b.append("::").append(escapeData(message)).append('\n').toString();
    }

    static String escapeData(String s) {
        // line breaks as the runner expects; any other control character (an escape sequence) shown escaped
        String t = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
        return dev.calque.ingest.Printable.of(t);
    }

    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }

    @Override
    public void close() throws IOException {
        out.flush();
        dest.close();
    }
}

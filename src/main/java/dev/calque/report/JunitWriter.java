package dev.calque.report;

import dev.calque.ingest.InputProblem;
import dev.calque.model.Article;
import dev.calque.model.ArticleResult;
import dev.calque.model.Finding;
import dev.calque.model.Severity;
import dev.calque.score.RunSummary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * JUnit XML (the Ant/Surefire dialect GitLab, Jenkins and Allure read): one test case per article,
 * named by its title and classed by the input it came from; a {@code <failure>} for an article the
 * gate fails, listing its findings; an {@code <error>} for an input that could not be read. The
 * counts must precede the test cases, so test cases go to a temporary file until the run ends.
 */
public final class JunitWriter implements ReportWriter {
    private final Destination dest;
    private final Path buffer;
    private final Writer cases;
    private RunInfo run;
    private int errors;

    public JunitWriter(Destination dest) throws IOException {
        this.dest = dest;
        this.buffer = Files.createTempFile("calque-junit-", ".xml.part");
        this.cases = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(buffer), StandardCharsets.UTF_8));
    }

    @Override
    public void start(RunInfo info) {
        this.run = info;
    }

    @Override
    public void article(ArticleResult r) throws IOException {
        Article a = r.article();
        String summary = String.format(Locale.ROOT, "MQM score %.1f · %d words · %d critical, %d major, %d minor",
                r.score().score(), r.score().words(), r.score().count(Severity.CRITICAL), r.score().count(Severity.MAJOR),
                r.score().count(Severity.MINOR)) + RiskText.risk(r);
        cases.write("    <testcase classname=\"" + attr(a.group()) + "\" name=\"" + attr(name(a)) + "\" file=\""
                + attr(a.source()) + "\" time=\"" + String.format(Locale.ROOT, "%.3f", r.checkSeconds()) + "\">\n");
        StringBuilder body = new StringBuilder();
        for (Finding f : r.findings()) {
            body.append(String.format(Locale.ROOT, "%d:%d %s %s [%s] “%s”: %s%s%s%n", f.line(), f.column(),
                    f.severity().label(), f.category(), f.rule(), f.passage(), f.message(),
                    f.suggestions().isEmpty() ? "" : " → " + String.join(" | ", f.suggestions()),
                    RiskText.confidence(f, run.gate())));
        }
        if (r.suppressed() > 0) body.append(r.suppressed()).append(" finding(s) suppressed by baseline/suppressions\n");
        if (r.note() != null) body.append(r.note()).append('\n');
        if (r.failed()) {
            Severity worst = r.checked().worst();
            cases.write("      <failure type=\"" + (worst == null ? "score" : worst.label()) + "\" message=\""
                    + attr(summary + " · fails the gate (" + run.gate().describe() + ")"
                    + (r.findings().isEmpty() ? "" : " · " + firstFindings(r))) + "\">");
            cases.write(text(body.toString()));
            cases.write("</failure>\n");
        } else if (body.length() > 0) {
            cases.write("      <system-out>" + text(summary + "\n" + body) + "</system-out>\n");
        }
        cases.write("    </testcase>\n");
    }

    /** The findings, shortened: the message attribute is what most CI front pages show. */
    private static String firstFindings(ArticleResult r) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (Finding f : r.findings()) {
            if (n == 5) {
                b.append("; …");
                break;
            }
            if (n++ > 0) b.append("; ");
            b.append(f.line()).append(':').append(f.column()).append(' ').append(f.severity().label()).append(' ')
                    .append(f.rule()).append(" “").append(f.passage()).append('”');
        }
        return b.toString();
    }

    private static String name(Article a) {
        return a.title() == null || a.title().isBlank() ? a.source() : a.title();
    }

    @Override
    public void unreadable(InputProblem p) throws IOException {
        errors++;
        cases.write("    <testcase classname=\"" + attr(p.group()) + "\" name=\"" + attr(p.source()) + "\" file=\""
                + attr(p.source()) + "\" time=\"0\">\n");
        cases.write("      <error type=\"unreadable\" message=\"" + attr(p.reason()) + "\">" + text(p.oneLine())
                + "</error>\n");
        cases.write("    </testcase>\n");
    }

    @Override
    public void finish(RunSummary s) throws IOException {
        cases.close();
        Writer out = new BufferedWriter(new OutputStreamWriter(dest.stream(), StandardCharsets.UTF_8));
        int tests = s.articles() + errors;
        String counts = String.format(Locale.ROOT, "tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\" time=\"%.3f\"",
                tests, s.failed(), errors, s.elapsed().toMillis() / 1000.0);
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"calque\" " + counts + ">\n");
        out.write("  <testsuite name=\"calque " + attr(run.source() + "-" + run.target()) + "\" " + counts
                + " timestamp=\"" + run.started().toString().replaceFirst("(\\.\\d+)?Z$", "") + "\">\n");
        out.write("    <properties>\n");
        property(out, "calque.version", run.calqueVersion());
        property(out, "languagetool.version", run.languageToolVersion());
        property(out, "mqm.score", String.format(Locale.ROOT, "%.2f", s.score()));
        property(out, "words", Long.toString(s.words()));
        property(out, "findings.critical", Integer.toString(s.count(Severity.CRITICAL)));
        property(out, "findings.major", Integer.toString(s.count(Severity.MAJOR)));
        property(out, "findings.minor", Integer.toString(s.count(Severity.MINOR)));
        property(out, "suppressed", Integer.toString(s.suppressed()));
        property(out, "skipped.unchanged", Integer.toString(s.skipped()));
        property(out, "gate", run.gate().describe());
        property(out, "rule.pack.hash", run.rulePackHash());
        property(out, "verdict", s.verdict());
        out.write("    </properties>\n");
        out.flush();
        try (Reader in = Files.newBufferedReader(buffer, StandardCharsets.UTF_8)) {
            in.transferTo(out);
        }
        out.write("  </testsuite>\n</testsuites>\n");
        out.flush();
        dest.commit();
    }

    private static void property(Writer out, String name, String value) throws IOException {
        out.write("      <property name=\"" + attr(name) + "\" value=\"" + attr(value) + "\"/>\n");
    }

    /** Character data: markup escaped, characters XML 1.0 forbids dropped. */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> {
                    if (Characters.xmlAllowed(c)) b.appendCodePoint(c);
                }
            }
        });
        return b.toString();
    }

    /** Attribute values: also quotes, and line breaks kept as character references. */
    static String attr(String s) {
        if (s == null) return "";
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }


    @Override
    public void close() throws IOException {
        try {
            cases.close();
        } finally {
            Files.deleteIfExists(buffer);
            dest.close();
        }
    }
}

package dev.calque.report;

import dev.calque.ingest.InputProblem;
import dev.calque.ingest.Printable;
import dev.calque.model.ArticleResult;
import dev.calque.model.Finding;
import dev.calque.model.Severity;
import dev.calque.score.RunSummary;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The readable console format: findings grouped by article, each with its location, the passage
 * marked in its sentence, the message, the suggestion, rule id, MQM category and severity. Colour
 * only on a terminal; without colour the passage is marked with ⟦ ⟧ so it survives piping.
 */
public final class ConsoleWriter implements ReportWriter {
    private static final int CONTEXT = 70;
    private final Destination dest;
    private final PrintWriter out;
    private final boolean color;
    private final boolean showPassed;

    public ConsoleWriter(Destination dest, boolean color, boolean showPassed) {
        this.dest = dest;
        this.out = new PrintWriter(new OutputStreamWriter(dest.stream(), StandardCharsets.UTF_8), false);
        this.color = color;
        this.showPassed = showPassed;
    }

    private boolean byConfidence;
    private dev.calque.score.QualityGate gate;

    /** Lists each article's findings most confident first ({@code --sort confidence}) instead of by position. */
    public ConsoleWriter sortByConfidence(boolean on) {
        this.byConfidence = on;
        return this;
    }

    @Override
    public void start(RunInfo run) {
        this.gate = run.gate();
        // nothing before the first article: the first finding should appear as soon as it is ready
    }

    @Override
    public void article(ArticleResult r) {
        if (r.findings().isEmpty() && !showPassed) return;
        String verdict = r.failed() ? paint("FAILED", "1;31") : paint("passed", "32");
        out.printf(Locale.ROOT, "%s %s%n", paint(Printable.of(r.article().source()), "1"),
                paint(String.format(Locale.ROOT, "· %s · %d words · MQM %.1f%s · ", quote(Printable.of(r.article().title()), 60),
                        r.score().words(), r.score().score(), RiskText.risk(r)), "2") + verdict);
        if (r.note() != null) out.println("  " + paint("note: " + Printable.of(r.note()), "2"));
        for (Finding f : byConfidence ? RiskText.byConfidence(r.findings()) : r.findings()) {
            out.printf(Locale.ROOT, "  %s  %s  %s  %s%s%n",
                    paint(f.line() + ":" + f.column(), "36"),
                    severity(f.severity()),
                    f.category(),
                    paint(f.rule(), "2"),
                    paint(RiskText.confidence(f, gate), "2"));
            out.println("      " + marked(f));
            if (f.hasSource()) {
                String original = f.sourcePassage().replaceAll("\\s+", " ").strip();
                out.println("      " + paint("original: " + (original.isEmpty() ? "—" : Printable.of(clip(original))), "2"));
            }
            out.println("      " + Printable.of(f.message()));
            if (!f.suggestions().isEmpty()) {
                out.println("      " + paint("→ " + Printable.of(String.join(" | ",
                        f.suggestions().stream().map(x -> clipMiddle(x, 2 * CONTEXT)).toList())), "32"));
            }
        }
        out.println();
        out.flush();
    }

    @Override
    public void unreadable(InputProblem p) {
        // already said on stderr, one line per input, as it happened; the verdict counts it
    }

    @Override
    public void finish(RunSummary s) throws IOException {
        out.println((s.failed() > 0 || s.unreadable() > 0 ? paint("✗", "1;31") : paint("✓", "1;32")) + " " + s.verdict());
        out.flush();
        // a PrintWriter keeps its write errors to itself: a half-written output must not be moved into place
        if (out.checkError()) throw new OutputFailure(dest.name(), "write failed (the disk is full, or the reader has gone)");
        dest.commit();
    }

    @Override
    public void close() throws IOException {
        out.flush();
        dest.close();
    }

    private String severity(Severity s) {
        String label = String.format(Locale.ROOT, "%-8s", s.label());
        return switch (s) {
            case CRITICAL -> paint(label, "1;35");
            case MAJOR -> paint(label, "1;31");
            case MINOR -> paint(label, "33");
            default -> label;
        };
    }

    /** The sentence around the passage, shortened to a window, with the passage marked. */
    private String marked(Finding f) {
        String s = f.sentence();
        // the sentence was stripped of leading white space: find the passage near its offset
        int idx = s.indexOf(f.passage(), Math.max(0, f.start() - f.sentenceStart() - 4));
        if (idx < 0) idx = s.indexOf(f.passage());
        if (idx < 0) {
            String passage = Printable.of(clipMiddle(f.passage(), 2 * CONTEXT));
            return color ? paint(passage, "1;4;31") : "⟦" + passage + "⟧";
        }
        int from = idx;
        int to = idx + f.passage().length();
        int a = Math.max(0, from - CONTEXT);
        int b = Math.min(s.length(), to + CONTEXT);
        // line breaks become spaces; every other control character (an escape sequence in the article) is shown escaped
        String before = Printable.of(((a > 0 ? "…" : "") + s.substring(a, from)).replace('\n', ' '));
        String after = Printable.of((s.substring(to, b) + (b < s.length() ? "…" : "")).replace('\n', ' '));
        String passage = Printable.of(clipMiddle(s.substring(from, to), 2 * CONTEXT).replace('\n', ' '));
        return before + (color ? paint(passage, "1;4;31") : "⟦" + passage + "⟧") + after;
    }

    /**
     * A passage or suggestion longer than a line, its middle left out: the start and end an editor needs to
     * find it (a 3,000-character "word" of a broken page would otherwise fill the screen, once per finding).
     */
    static String clipMiddle(String s, int max) {
        if (s.length() <= max) return s;
        int head = max * 2 / 3;
        int tail = s.length() - (max - head - 1);
        if (Character.isLowSurrogate(s.charAt(head))) head--; // never half a character
        if (Character.isLowSurrogate(s.charAt(tail))) tail++;
        return s.substring(0, head) + "…" + s.substring(tail);
    }

    /** The original's sentence, shortened like the translation's window. */
    private static String clip(String s) {
        return s.length() <= 4 * CONTEXT ? s : s.substring(0, 4 * CONTEXT - 1) + "…";
    }

    private static String quote(String t, int max) {
        String q = t.length() > max ? t.substring(0, max - 1) + "…" : t;
        return "“" + q + "”";
    }

    private String paint(String s, String code) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}

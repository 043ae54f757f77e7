package dev.calque.eval;

import dev.calque.eval.EvalResult.CorpusResult;
import dev.calque.eval.EvalResult.Detection;
import dev.calque.eval.EvalResult.FamilyFigures;
import dev.calque.eval.EvalResult.Figures;
import dev.calque.eval.EvalResult.JudgmentFigures;
import dev.calque.eval.EvalResult.RuleFigures;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an {@link EvalResult} as readable tables: aligned plain text for the console, or Markdown
 * for {@code docs/rules-quality.md}. With a baseline run, stock LanguageTool's figures stand beside
 * Calque's in every table.
 */
public final class EvalTableWriter {
    private final boolean markdown;
    private final int top;

    /** @param top how many rules to list per corpus (0: all) */
    public EvalTableWriter(boolean markdown, int top) {
        this.markdown = markdown;
        this.top = top;
    }

    public String render(EvalResult result) {
        StringBuilder out = new StringBuilder();
        for (CorpusResult c : result.corpora()) corpus(out, c, result.minVotes());
        if (result.corpora().size() > 1) overview(out, result);
        return out.toString();
    }

    private void heading(StringBuilder out, String text) {
        out.append(markdown ? "### " + text + "\n\n" : text + "\n");
    }

    private void corpus(StringBuilder out, CorpusResult c, int minVotes) {
        boolean base = c.languageTool() != null;
        out.append(markdown ? "## " + c.file() + "\n\n" : "== " + c.file() + "\n");
        out.append(String.format(Locale.ROOT, "%s documents, %s segments, %s words, checked as a translation from "
                + "'%s'; %s.%n", n(c.documents()), n(c.segments()), n(c.words()), c.source(), evidence(c, minVotes)));
        out.append('\n');

        TextTable summary = base ? new TextTable("", "LanguageTool alone", "Calque") : new TextTable("", "Calque");
        row(summary, base, "findings", c, f -> n(f.findings()));
        row(summary, base, "findings per 1,000 words", c, f -> d(f.perThousandWords()));
        if (c.annotated()) {
            row(summary, base, "span precision (hits / judged findings)", c,
                    f -> pct(f.spans().precision()) + " (" + f.spans().hits() + "/" + f.spans().judgeableFindings() + ")");
            row(summary, base, "false alarms (in error-free segments)", c,
                    f -> n(f.spans().falseAlarms()) + " (" + pct(share(f.spans().falseAlarms(), f.spans().judgeableFindings())) + ")");
            row(summary, base, "annotated error spans caught (span recall)", c,
                    f -> pct(f.spans().recall()) + " (" + f.spans().errorsCaught() + "/" + f.spans().errors() + ")");
            row(summary, base, "segment has an error: P / R / F1 (any finding)", c,
                    f -> prf(f.segments().precision(), f.segments().recall(), f.segments().f1()));
            row(summary, base, "has a major error: P / R / F1 (major finding)", c, f -> prf(f.majorByMajorFinding()));
            row(summary, base, "has a major error: P / R / F1 (any finding)", c, f -> prf(f.majorByAnyFinding()));
        }
        if (c.human() || c.judged()) {
            row(summary, base, c.human() ? "false alarms per 1,000 words (human text)"
                    : "false alarms per 1,000 words (judged perfect)", c,
                    f -> d(f.clean().perThousandWords()) + " (" + f.clean().falseAlarms() + ")");
            row(summary, base, "clean segments with a finding", c,
                    f -> pct(share(f.clean().segmentsFlagged(), f.clean().segments())) + " ("
                            + f.clean().segmentsFlagged() + "/" + f.clean().segments() + ")");
        }
        row(summary, base, "seconds", c, f -> d(f.seconds()));
        out.append(summary.render(markdown)).append('\n');
        if (c.annotated()) {
            out.append("Major-error rows end with (true positives/predicted/actual) segments.\n\n");
        }

        if (c.judged()) {
            heading(out, "By reader judgment (findings per 1,000 words, share of segments with a finding)");
            TextTable t = base ? new TextTable("JUDGMENT", "SEGMENTS", "WORDS", "LT PER 1K", "LT FLAGGED",
                    "CALQUE PER 1K", "CALQUE FLAGGED") : new TextTable("JUDGMENT", "SEGMENTS", "WORDS", "PER 1K", "FLAGGED");
            for (JudgmentFigures j : c.calque().judgments()) {
                JudgmentFigures lt = base ? c.languageTool().judgments().stream()
                        .filter(x -> x.judgment().equals(j.judgment())).findFirst().orElse(null) : null;
                if (base) {
                    t.row(j.judgment(), n(j.segments()), n(j.words()), lt == null ? "–" : d(lt.perThousandWords()),
                            lt == null ? "–" : pct(lt.shareFlagged()), d(j.perThousandWords()), pct(j.shareFlagged()));
                } else {
                    t.row(j.judgment(), n(j.segments()), n(j.words()), d(j.perThousandWords()), pct(j.shareFlagged()));
                }
            }
            out.append(t.render(markdown)).append('\n');
        }

        if (c.annotated()) {
            heading(out, "By MQM family (error spans caught; segments with a major error of the family caught by a "
                    + "major finding / by any finding; the checker's findings in the family)");
            TextTable t = base
                    ? new TextTable("FAMILY", "ERRORS", "LT CAUGHT", "CALQUE CAUGHT", "MAJOR SEGS", "LT MAJOR/ANY",
                        "CALQUE MAJOR/ANY", "CALQUE FINDINGS", "HITS", "FALSE ALARMS")
                    : new TextTable("FAMILY", "ERRORS", "CAUGHT", "MAJOR SEGS", "MAJOR/ANY", "FINDINGS", "HITS",
                        "FALSE ALARMS");
            Map<String, FamilyFigures> ltFam = new HashMap<>();
            if (base) for (FamilyFigures f : c.languageTool().families()) ltFam.put(f.family(), f);
            for (FamilyFigures f : c.calque().families()) {
                if (f.errors() == 0 && f.majorSegments() == 0 && f.findings() == 0
                        && !Evaluation.FAMILIES.contains(f.family())) continue;
                String caught = pct(f.recall());
                String major = pct(f.majorRecall()) + " / " + pct(f.majorRecallAny());
                if (base) {
                    FamilyFigures l = ltFam.get(f.family());
                    t.row(f.family(), n(f.errors()), l == null ? "–" : pct(l.recall()), caught, n(f.majorSegments()),
                            l == null ? "–" : pct(l.majorRecall()) + " / " + pct(l.majorRecallAny()), major,
                            n(f.findings()), n(f.hits()), n(f.falseAlarms()));
                } else {
                    t.row(f.family(), n(f.errors()), caught, n(f.majorSegments()), major, n(f.findings()), n(f.hits()),
                            n(f.falseAlarms()));
                }
            }
            out.append(t.render(markdown)).append('\n');
        }

        rules(out, c, base);
    }

    private void rules(StringBuilder out, CorpusResult c, boolean base) {
        List<RuleFigures> rules = c.calque().rules();
        if (rules.isEmpty()) {
            out.append("No rule fired.\n\n");
            return;
        }
        int shown = top > 0 ? Math.min(top, rules.size()) : rules.size();
        heading(out, "Rules, noisiest first" + (shown < rules.size() ? " (" + shown + " of " + rules.size() + ")" : ""));
        boolean judged = c.annotated() || c.human() || c.judged();
        Map<String, RuleFigures> lt = new HashMap<>();
        if (base) for (RuleFigures r : c.languageTool().rules()) lt.put(r.rule(), r);
        TextTable t;
        if (judged) {
            t = base ? new TextTable("RULE", "ORIGIN", "SEV", "FINDINGS", "PER 1K", "HITS", "FALSE ALARMS", "P(SPAN)",
                    "P(SEGMENT)", "LT ALONE: FINDINGS", "LT ALONE: FALSE ALARMS")
                    : new TextTable("RULE", "ORIGIN", "SEV", "FINDINGS", "PER 1K", "HITS", "FALSE ALARMS", "P(SPAN)",
                    "P(SEGMENT)");
        } else {
            t = base ? new TextTable("RULE", "ORIGIN", "SEV", "FINDINGS", "PER 1K", "LT ALONE: FINDINGS")
                    : new TextTable("RULE", "ORIGIN", "SEV", "FINDINGS", "PER 1K");
        }
        t.left(3);
        for (RuleFigures r : rules.subList(0, shown)) {
            RuleFigures l = lt.get(r.rule());
            String origin = "calque".equals(r.origin()) ? "calque" : "LT";
            if (judged) {
                String[] cells = {r.rule(), origin, r.severity(), n(r.findings()), d(r.perThousandWords()), n(r.hits()),
                    n(r.falseAlarms()), pct(r.precision()), pct(r.segmentPrecision())};
                if (base) {
                    cells = java.util.Arrays.copyOf(cells, cells.length + 2);
                    cells[cells.length - 2] = l == null ? "–" : n(l.findings());
                    cells[cells.length - 1] = l == null ? "–" : n(l.falseAlarms());
                }
                t.row(cells);
            } else if (base) {
                t.row(r.rule(), origin, r.severity(), n(r.findings()), d(r.perThousandWords()),
                        l == null ? "–" : n(l.findings()));
            } else {
                t.row(r.rule(), origin, r.severity(), n(r.findings()), d(r.perThousandWords()));
            }
        }
        out.append(t.render(markdown)).append('\n');
    }

    private void overview(StringBuilder out, EvalResult result) {
        boolean base = result.corpora().stream().allMatch(c -> c.languageTool() != null);
        out.append(markdown ? "## All corpora\n\n" : "== All corpora\n");
        TextTable t = base
                ? new TextTable("CORPUS", "WORDS", "LT PER 1K", "CALQUE PER 1K", "MAJOR ERROR P / R: LT (ANY FINDING)",
                    "CALQUE (MAJOR FINDING)", "CALQUE (ANY FINDING)", "FALSE ALARMS PER 1K CLEAN: LT", "CALQUE")
                : new TextTable("CORPUS", "WORDS", "PER 1K", "MAJOR ERROR P / R (MAJOR FINDING)", "(ANY FINDING)",
                    "FALSE ALARMS PER 1K CLEAN");
        for (CorpusResult c : result.corpora()) {
            if (base) {
                t.row(c.file(), n(c.words()), d(c.languageTool().perThousandWords()), d(c.calque().perThousandWords()),
                        pr(c, c.languageTool().majorByAnyFinding()), pr(c, c.calque().majorByMajorFinding()),
                        pr(c, c.calque().majorByAnyFinding()), cleanRate(c, c.languageTool()), cleanRate(c, c.calque()));
            } else {
                t.row(c.file(), n(c.words()), d(c.calque().perThousandWords()), pr(c, c.calque().majorByMajorFinding()),
                        pr(c, c.calque().majorByAnyFinding()), cleanRate(c, c.calque()));
            }
        }
        out.append(t.render(markdown)).append('\n');
        // the same news written by machines and by people: how much more often does each checker fire on MT?
        for (CorpusResult human : result.corpora()) {
            if (!human.human() || human.corpus().isEmpty()) continue;
            for (CorpusResult mt : result.corpora()) {
                if (mt == human || mt.human() || !mt.corpus().equals(human.corpus())) continue;
                String line = "Machine vs human (" + mt.file() + " / " + human.file() + "), findings per 1,000 words: "
                        + (base ? "LanguageTool alone " + ratio(mt.languageTool(), human.languageTool()) + ", " : "")
                        + "Calque " + ratio(mt.calque(), human.calque());
                out.append(line).append(markdown ? "\n\n" : "\n");
            }
        }
    }

    private static String ratio(Figures mt, Figures human) {
        Double a = mt.perThousandWords();
        Double b = human.perThousandWords();
        if (a == null || b == null || b == 0) return "–";
        return d(a) + " vs " + d(b) + " = " + String.format(Locale.ROOT, "%.2f×", a / b);
    }

    private static String pr(CorpusResult c, Detection det) {
        if (!c.annotated()) return "–";
        return pct(det.precision()) + " / " + pct(det.recall());
    }

    private static String cleanRate(CorpusResult c, Figures f) {
        return c.human() || c.judged() ? d(f.clean().perThousandWords()) : "–";
    }

    private static String evidence(CorpusResult c, int minVotes) {
        if (c.annotated()) {
            return "MQM error spans" + (c.maxAnnotators() > 1 ? " from up to " + c.maxAnnotators()
                    + " annotators, an error counted when " + minVotes + (minVotes == 1 ? " annotator" : " annotators")
                    + " marked its family in the segment" : "");
        }
        if (c.human()) return "human translations: every finding is a false alarm";
        if (c.judged()) return "reader judgments, no spans: findings in segments judged perfect are false alarms";
        return "no annotation: findings are only counted";
    }

    private interface Cell {
        String of(Figures f);
    }

    private static void row(TextTable t, boolean base, String label, CorpusResult c, Cell cell) {
        if (base) t.row(label, cell.of(c.languageTool()), cell.of(c.calque()));
        else t.row(label, cell.of(c.calque()));
    }

    private static Double share(int a, int b) {
        return Evaluation.ratio(a, b);
    }

    private static String prf(Detection det) {
        return prf(det.precision(), det.recall(), det.f1()) + " (" + det.truePositives() + "/" + det.predicted() + "/"
                + det.positives() + ")";
    }

    private static String prf(Double p, Double r, Double f) {
        return pct(p) + " / " + pct(r) + " / " + pct(f);
    }

    static String pct(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    static String d(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String n(int v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}

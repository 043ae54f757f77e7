package dev.calque.report.allure;

import dev.calque.model.AlignedOriginal;
import dev.calque.model.Finding;
import dev.calque.report.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The whole article as one HTML page with every flagged passage marked: background colour, an
 * underline style and a written label per severity (so colour is never the only cue), the message
 * and suggestion on hover and in a numbered list below, and an anchor {@code #f<n>} per finding whose
 * number matches the step in the report.
 */
final class ArticleHtml {
    private ArticleHtml() {
    }

    private static final String STYLE = """
            body{font:16px/1.6 Georgia,serif;max-width:46em;margin:1em auto;padding:0 1em;color:#111;background:#fff}
            .text{white-space:pre-wrap}
            mark{color:#000;padding:0 1px;border-radius:2px}
            mark.critical{background:#f9c6c6;text-decoration:underline double #8b0000 2px}
            mark.major{background:#fde2b8;text-decoration:underline solid #8a4b00 2px}
            mark.minor{background:#fff3a8;text-decoration:underline dotted #5c5000 2px}
            mark.neutral{background:#dfe8f5;text-decoration:underline dashed #1f3a66 1px}
            mark:target,a:target+mark{outline:3px solid #1a4fd6}
            sup.tag{font:bold 11px/1 system-ui,sans-serif;margin-left:2px;padding:1px 3px;border:1px solid #333;border-radius:3px;background:#fff;color:#000}
            sup.tag a{color:inherit;text-decoration:none}
            ol.notes{font:14px/1.5 system-ui,sans-serif;border-top:1px solid #999;margin-top:2em;padding-top:1em}
            ol.notes li{margin-bottom:.6em}
            .sev{font-weight:bold;text-transform:uppercase}
            .legend{font:13px system-ui,sans-serif;color:#333;margin-bottom:1em}
            body.pair{max-width:none}
            table.aligned{border-collapse:collapse;width:100%;table-layout:fixed}
            table.aligned th,table.aligned td{border:1px solid #bbb;padding:.3em .5em;vertical-align:top;text-align:left}
            table.aligned td.orig,table.aligned td.tran{white-space:pre-wrap}
            table.aligned th.link,table.aligned td.link{width:6.5em;font:12px/1.4 system-ui,sans-serif;color:#333}
            table.aligned tr.gap td.link{background:#f1d9ff}
            table.aligned td.none{color:#555;font:italic 13px system-ui,sans-serif}
            mark.aligned{background:none;outline:1px dashed #555;text-decoration:none}
            .origline{display:block;color:#333}
            """;

    private static final String[] ICON = {"·", "▽", "▲", "◆"};

    static String render(String title, String text, List<Finding> findings) {
        return render(title, text, findings, null);
    }

    /**
     * The article page; checked beside an original, the text is a table of the alignment instead: one
     * row per sentence link (its type and confidence in the middle), the original on the left with the
     * passage each finding names, the translation on the right with the finding's own passage.
     */
    static String render(String title, String text, List<Finding> findings, AlignedOriginal original) {
        StringBuilder h = new StringBuilder(text.length() * (original == null ? 2 : 4) + 2048);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title)).append("</title><style>").append(STYLE).append("</style></head><body")
                .append(original == null ? "" : " class=\"pair\"").append('>');
        h.append("<h1>").append(Html.escape(title)).append("</h1>");
        h.append("<p class=\"legend\">").append(findings.size()).append(findings.size() == 1 ? " flagged passage" : " flagged passages")
                .append(". Marks: <mark class=\"critical\">◆ critical</mark> <mark class=\"major\">▲ major</mark> ")
                .append("<mark class=\"minor\">▽ minor</mark>; hover a mark for the message, or read the numbered notes below.");
        if (original != null) {
            h.append(" Beside the original (").append(Html.escape(original.source())).append(", ").append(Html.escape(original.language()))
                    .append("): one row per aligned sentence; in the original, <mark class=\"aligned\">dashed</mark> is the ")
                    .append("sentence a finding is aligned with, coloured the words it names.");
        }
        h.append("</p>");
        List<Mark> marks = targetMarks(findings);
        if (original == null) {
            h.append("<div class=\"text\">");
            appendMarked(h, text, 0, text.length(), marks, "f");
            h.append("</div>");
        } else {
            appendTable(h, text, original, marks, sourceMarks(findings, original.text()));
        }
        if (!findings.isEmpty()) {
            h.append("<ol class=\"notes\">");
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                h.append("<li id=\"note").append(i + 1).append("\"><a href=\"#f").append(i + 1).append("\">↑</a> <span class=\"sev\">")
                        .append(ICON[f.severity().ordinal()]).append(' ').append(f.severity().label()).append("</span> ")
                        .append(Html.escape(f.category())).append(" · “").append(Html.escape(f.passage())).append("” (line ").append(f.line())
                        .append(", column ").append(f.column()).append("): ").append(Html.escape(f.message()));
                if (!f.suggestions().isEmpty()) h.append(" <b>Suggestion:</b> ").append(Html.escape(String.join(" / ", Steps.cap(f.suggestions()))));
                h.append(" <small>[").append(Html.escape(f.rule())).append("]</small>");
                if (original != null && f.hasSource()) {
                    h.append("<span class=\"origline\">Original: “").append(Html.escape(Steps.oneLine(f.sourcePassage()))).append("”")
                            .append(f.segmentId() == null ? "" : " (segment " + Html.escape(f.segmentId()) + ")").append("</span>");
                }
                h.append("</li>");
            }
            h.append("</ol>");
        }
        return h.append("</body></html>").toString();
    }

    /**
     * A highlighted span: {@code number} is the finding's (1-based, the note it links to), {@code rank}
     * orders marks covering the same piece (the higher shows), {@code css} is the mark's class.
     */
    private record Mark(int start, int end, int number, int rank, String css, String title, String tag) {
    }

    private static List<Mark> targetMarks(List<Finding> findings) {
        List<Mark> out = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            out.add(new Mark(f.start(), f.end(), i + 1, 10 + f.severity().ordinal(), f.severity().label(),
                    (i + 1) + ". " + hover(f), (i + 1) + " " + ICON[f.severity().ordinal()] + " " + f.severity().label()));
        }
        return out;
    }

    /**
     * The original's side of each finding that names one: its aligned passage (dashed), and inside it,
     * coloured, the words the finding is about: the first passage its message quotes from the original
     * (“1,5 milliard”), else its own passage where the original writes it the same way (a name, a copy).
     */
    private static List<Mark> sourceMarks(List<Finding> findings, String original) {
        List<Mark> out = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (!f.hasSource() || f.sourceEnd() > original.length() || f.sourceStart() >= f.sourceEnd()) continue;
            String title = (i + 1) + ". " + hover(f);
            String tag = (i + 1) + " " + ICON[f.severity().ordinal()] + " " + f.severity().label();
            int[] exact = namedIn(f, original);
            out.add(new Mark(f.sourceStart(), f.sourceEnd(), i + 1, 0, "aligned", title, exact == null ? tag : null));
            if (exact != null) {
                out.add(new Mark(exact[0], exact[1], i + 1, 10 + f.severity().ordinal(), f.severity().label(), title, tag));
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("“([^”]{1,200})”");

    /** Where, inside the finding's original passage, the words it is about are; null when none can be told. */
    private static int[] namedIn(Finding f, String original) {
        List<String> candidates = new ArrayList<>();
        java.util.regex.Matcher m = QUOTED.matcher(f.message());
        while (m.find()) candidates.add(m.group(1).strip());
        candidates.add(f.passage().strip());
        String span = original.substring(f.sourceStart(), f.sourceEnd());
        for (String c : candidates) {
            // a quote of the whole original sentence says nothing more than the dashed mark
            if (c.length() < 2 || c.length() >= span.strip().length()) continue;
            int at = span.indexOf(c);
            if (at >= 0) return new int[] {f.sourceStart() + at, f.sourceStart() + at + c.length()};
        }
        return null;
    }

    private static void appendTable(StringBuilder h, String text, AlignedOriginal original, List<Mark> targetMarks,
                                    List<Mark> sourceMarks) {
        List<AlignedOriginal.Row> rows = original.rows();
        int[][] tgt = cells(rows, text, true);
        int[][] src = cells(rows, original.text(), false);
        h.append("<table class=\"aligned\"><thead><tr><th>Original (").append(Html.escape(original.language()))
                .append(")</th><th class=\"link\">Link · confidence</th><th>Translation</th></tr></thead><tbody>");
        for (int r = 0; r < rows.size(); r++) {
            AlignedOriginal.Row row = rows.get(r);
            boolean gap = row.link().startsWith("0") || row.link().endsWith("0");
            h.append("<tr id=\"row").append(r + 1).append('"').append(gap ? " class=\"gap\"" : "").append('>');
            if (src[r] == null) {
                h.append("<td class=\"orig none\">nothing in the original</td>");
            } else {
                h.append("<td class=\"orig\" lang=\"").append(Html.escape(original.language())).append("\">");
                appendMarked(h, original.text(), src[r][0], src[r][1], sourceMarks, "s");
                h.append("</td>");
            }
            h.append("<td class=\"link\">").append(Html.escape(row.link())).append(String.format(Locale.ROOT, " · %.2f", row.confidence()));
            if (gap) h.append(row.link().endsWith("0") ? "<br>omitted?" : "<br>added?");
            if (row.segmentId() != null) h.append("<br>segment ").append(Html.escape(row.segmentId()));
            h.append("</td>");
            if (tgt[r] == null) {
                h.append("<td class=\"tran none\">nothing in the translation</td>");
            } else {
                h.append("<td class=\"tran\">");
                appendMarked(h, text, tgt[r][0], tgt[r][1], targetMarks, "f");
                h.append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    /**
     * The span of each row's cell on one side, or null for a row with nothing there. A cell runs from its
     * link's start to the next cell's start (the first from 0, the last to the end), white space at its
     * end left out, so every character of the text is in exactly one cell and every finding has a home.
     */
    private static int[][] cells(List<AlignedOriginal.Row> rows, String text, boolean target) {
        int[][] out = new int[rows.size()][];
        int previous = -1;
        for (int r = 0; r < rows.size(); r++) {
            AlignedOriginal.Row row = rows.get(r);
            int s = clamp(target ? row.targetStart() : row.sourceStart(), text);
            int e = clamp(target ? row.targetEnd() : row.sourceEnd(), text);
            if (e <= s) continue;
            if (previous < 0) s = 0;
            else out[previous][1] = Math.max(out[previous][0], s);
            out[r] = new int[] {s, e};
            previous = r;
        }
        if (previous >= 0) out[previous][1] = text.length();
        for (int[] c : out) {
            if (c == null) continue;
            while (c[1] > c[0] && Character.isWhitespace(text.charAt(c[1] - 1))) c[1]--;
        }
        return out;
    }

    /**
     * Writes {@code text[from, to)}, split at every mark boundary; each piece is marked with the mark of
     * highest rank covering it, so overlapping findings stay visible. Each finding gets its anchor
     * ({@code prefix + number}) where it starts and its label where it ends, even when it starts in white
     * space left out of a cell.
     */
    private static void appendMarked(StringBuilder h, String text, int from, int to, List<Mark> marks, String prefix) {
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(from);
        cuts.add(to);
        for (Mark k : marks) {
            cuts.add(clamp(k.start(), from, to));
            cuts.add(clamp(k.end(), from, to));
        }
        List<Integer> bounds = new ArrayList<>(cuts);
        java.util.Set<Integer> anchored = new java.util.HashSet<>();
        for (int b = 0; b + 1 < bounds.size(); b++) {
            int pieceFrom = bounds.get(b);
            int pieceTo = bounds.get(b + 1);
            Mark top = null;
            StringBuilder titles = new StringBuilder();
            for (Mark k : marks) {
                int s = clamp(k.start(), text);
                int e = clamp(k.end(), text);
                if (s < e && s < to && e > from && clamp(s, from, to) == pieceFrom && anchored.add(k.number())) {
                    h.append("<a id=\"").append(prefix).append(k.number()).append("\"></a>");
                }
                if (s <= pieceFrom && e >= pieceTo && s < e) {
                    if (top == null || k.rank() > top.rank()) top = k;
                    if (titles.indexOf(k.title()) < 0) {
                        if (titles.length() > 0) titles.append("\n");
                        titles.append(k.title());
                    }
                }
            }
            String piece = Html.escape(text.substring(pieceFrom, pieceTo));
            if (top == null) {
                h.append(piece);
            } else {
                h.append("<mark class=\"").append(top.css()).append("\" title=\"").append(Html.escape(titles.toString()))
                        .append("\" aria-label=\"").append(top.css()).append(" finding\">").append(piece).append("</mark>");
            }
            // the label closes the last piece of each mark that has one: number, icon and severity in words
            for (Mark k : marks) {
                int s = clamp(k.start(), text);
                int e = clamp(k.end(), text);
                if (k.tag() != null && s < e && s < to && e > from && clamp(e, from, to) == pieceTo) {
                    h.append("<sup class=\"tag\"><a href=\"#note").append(k.number()).append("\">").append(Html.escape(k.tag()))
                            .append("</a></sup>");
                }
            }
        }
    }

    private static String hover(Finding f) {
        String s = "[" + f.severity().label().toUpperCase(Locale.ROOT) + "] " + f.category() + ": " + f.message();
        if (!f.suggestions().isEmpty()) s += " Suggestion: " + String.join(" / ", Steps.cap(f.suggestions()));
        return s;
    }

    private static int clamp(int offset, String text) {
        return Math.max(0, Math.min(offset, text.length()));
    }

    private static int clamp(int offset, int from, int to) {
        return Math.max(from, Math.min(offset, to));
    }
}

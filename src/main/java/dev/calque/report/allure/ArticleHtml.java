package dev.calque.report.allure;

import dev.calque.model.Finding;
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
            """;

    private static final String[] ICON = {"·", "▽", "▲", "◆"};

    static String render(String title, String text, List<Finding> findings) {
        StringBuilder h = new StringBuilder(text.length() * 2 + 2048);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title><style>").append(STYLE).append("</style></head><body>");
        h.append("<h1>").append(esc(title)).append("</h1>");
        h.append("<p class=\"legend\">").append(findings.size()).append(findings.size() == 1 ? " flagged passage" : " flagged passages")
                .append(". Marks: <mark class=\"critical\">◆ critical</mark> <mark class=\"major\">▲ major</mark> ")
                .append("<mark class=\"minor\">▽ minor</mark>; hover a mark for the message, or read the numbered notes below.</p>");
        h.append("<div class=\"text\">");
        appendMarked(h, text, findings);
        h.append("</div>");
        if (!findings.isEmpty()) {
            h.append("<ol class=\"notes\">");
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                h.append("<li id=\"note").append(i + 1).append("\"><a href=\"#f").append(i + 1).append("\">↑</a> <span class=\"sev\">")
                        .append(ICON[f.severity().ordinal()]).append(' ').append(f.severity().label()).append("</span> ")
                        .append(esc(f.category())).append(" · “").append(esc(f.passage())).append("” (line ").append(f.line())
                        .append(", column ").append(f.column()).append("): ").append(esc(f.message()));
                if (!f.suggestions().isEmpty()) h.append(" <b>Suggestion:</b> ").append(esc(String.join(" / ", Steps.cap(f.suggestions()))));
                h.append(" <small>[").append(esc(f.rule())).append("]</small></li>");
            }
            h.append("</ol>");
        }
        return h.append("</body></html>").toString();
    }

    /**
     * Splits the text at every finding boundary; each piece is marked with the worst finding covering
     * it, so overlapping findings stay visible and every finding still gets its anchor at its start.
     */
    private static void appendMarked(StringBuilder h, String text, List<Finding> findings) {
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(text.length());
        for (Finding f : findings) {
            cuts.add(clamp(f.start(), text));
            cuts.add(clamp(f.end(), text));
        }
        List<Integer> bounds = new ArrayList<>(cuts);
        for (int b = 0; b + 1 < bounds.size(); b++) {
            int from = bounds.get(b);
            int to = bounds.get(b + 1);
            Finding worst = null;
            StringBuilder titles = new StringBuilder();
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                int s = clamp(f.start(), text);
                int e = clamp(f.end(), text);
                if (s == from) h.append("<a id=\"f").append(i + 1).append("\"></a>");
                if (s <= from && e >= to && s < e) {
                    if (worst == null || f.severity().compareTo(worst.severity()) > 0) worst = f;
                    if (titles.length() > 0) titles.append("\n");
                    titles.append(i + 1).append(". ").append(hover(f));
                }
            }
            String piece = esc(text.substring(from, to));
            if (worst == null) {
                h.append(piece);
            } else {
                String sev = worst.severity().label();
                h.append("<mark class=\"").append(sev).append("\" title=\"").append(esc(titles.toString()))
                        .append("\" aria-label=\"").append(sev).append(" finding\">").append(piece).append("</mark>");
            }
            // the label closes the last piece of each finding: number, icon and severity in words
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                if (clamp(f.end(), text) == to && clamp(f.start(), text) < to) {
                    h.append("<sup class=\"tag\"><a href=\"#note").append(i + 1).append("\">").append(i + 1).append(' ')
                            .append(ICON[f.severity().ordinal()]).append(' ').append(f.severity().label()).append("</a></sup>");
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

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

package dev.calque.report.xliff;

import dev.calque.model.Finding;
import dev.calque.model.Article;
import dev.calque.model.Texts;
import dev.calque.model.BilingualFile;
import dev.calque.model.BilingualSegment;
import dev.calque.model.ArticleResult;
import dev.calque.report.Characters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an XLIFF 2.1 file from checked articles: one {@code <file>} per article, one {@code <unit>}
 * per unit of a bilingual file (its segments kept) or per paragraph of any other article, and every
 * finding an ITS Localization Quality Issue on the exact passage, as an {@code <sm/>}/{@code <em/>}
 * pair in the target (they may overlap, unlike {@code <mrk>}). An article without an original gets
 * empty {@code <source>} elements: the file then carries the translation and its findings only.
 */
final class XliffBuilder {
    static final String XLIFF2 = "urn:oasis:names:tc:xliff:document:2.0";

    private XliffBuilder() {
    }

    /** One segment of the output: its ids, its original, its translation and where that lies in the article text. */
    private record Piece(String unitId, String segmentId, String source, String target, int start) {
    }

    static String build(List<ArticleResult> results, String srcLang, String trgLang) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        String src = srcLang;
        String trg = trgLang;
        for (ArticleResult r : results) {
            BilingualFile f = r.article().bilingual();
            if (f != null && f.srcLang() != null) src = f.srcLang();
            if (f != null && f.trgLang() != null) trg = f.trgLang();
            if (f != null) break;
        }
        x.append("<xliff xmlns=\"").append(XLIFF2).append("\" xmlns:its=\"").append(ItsQuality.NS)
                .append("\" its:version=\"2.0\" version=\"2.1\" srcLang=\"").append(attr(src)).append("\" trgLang=\"")
                .append(attr(trg)).append("\">\n");
        int fileNo = 0;
        for (ArticleResult r : results) {
            fileNo++;
            x.append(" <file id=\"f").append(fileNo).append("\" original=\"").append(attr(r.article().source())).append("\">\n");
            appendUnits(x, r);
            x.append(" </file>\n");
        }
        if (results.isEmpty()) {
            // the schema wants a file with a unit: an empty run still writes a valid document
            x.append(" <file id=\"f1\">\n  <unit id=\"none\">\n   <segment>\n    <source/>\n   </segment>\n  </unit>\n </file>\n");
        }
        x.append("</xliff>\n");
        return x.toString();
    }

    private static void appendUnits(StringBuilder x, ArticleResult r) {
        Article a = r.article();
        List<Piece> pieces = pieces(a);
        Map<String, List<Piece>> units = new LinkedHashMap<>();
        for (Piece p : pieces) units.computeIfAbsent(p.unitId(), k -> new ArrayList<>()).add(p);
        List<Finding> findings = new ArrayList<>(r.findings());
        findings.sort(Comparator.comparingInt(Finding::start));
        int[] marker = {0};
        for (Map.Entry<String, List<Piece>> u : units.entrySet()) {
            x.append("  <unit id=\"").append(attr(nmtoken(u.getKey()))).append("\">\n");
            for (Piece p : u.getValue()) {
                x.append("   <segment").append(p.segmentId() == null ? "" : " id=\"" + attr(nmtoken(p.segmentId())) + "\"")
                        .append(">\n    <source>").append(text(p.source())).append("</source>\n    <target>");
                x.append(annotated(p, findings, marker)).append("</target>\n   </segment>\n");
            }
            x.append("  </unit>\n");
        }
    }

    private static List<Piece> pieces(Article a) {
        List<Piece> out = new ArrayList<>();
        BilingualFile f = a.bilingual();
        if (f != null) {
            int[] starts = f.starts();
            for (int i = 0; i < f.segments().size(); i++) {
                BilingualSegment s = f.segments().get(i);
                if (starts[i] + s.target().length() > a.text().length()) break;
                out.add(new Piece(s.unitId(), s.segmentId(), s.source(), s.target(), starts[i]));
            }
            return out;
        }
        int n = 0;
        for (int[] p : Texts.paragraphs(a.text())) {
            n++;
            out.add(new Piece("p" + n, null, "", a.text().substring(p[0], p[1]), p[0]));
        }
        return out;
    }

    /** The target with an {@code <sm/>}...{@code <em/>} pair around each finding that starts in it. */
    private static String annotated(Piece p, List<Finding> findings, int[] marker) {
        int end = p.start() + p.target().length();
        Map<Integer, StringBuilder> at = new java.util.TreeMap<>();
        for (Finding f : findings) {
            if (f.start() < p.start() || f.start() >= end) continue;
            int s = f.start() - p.start();
            int e = Math.min(f.end(), end) - p.start();
            String id = "calque" + (++marker[0]);
            at.computeIfAbsent(e, k -> new StringBuilder()).append("<em startRef=\"").append(id).append("\"/>");
            at.computeIfAbsent(s, k -> new StringBuilder()).append(sm(id, f));
        }
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (Map.Entry<Integer, StringBuilder> m : at.entrySet()) {
            out.append(text(p.target().substring(last, m.getKey())));
            out.append(ends(m.getValue()));
            last = m.getKey();
        }
        out.append(text(p.target().substring(last)));
        return out.toString();
    }

    /** At one position, the markers that end there come before those that start there. */
    private static String ends(StringBuilder markers) {
        String all = markers.toString();
        StringBuilder ems = new StringBuilder();
        StringBuilder sms = new StringBuilder();
        for (String m : all.split("(?=<)")) (m.startsWith("<em") ? ems : sms).append(m);
        return ems.toString() + sms;
    }

    static String sm(String id, Finding f) {
        return "<sm id=\"" + id + "\" type=\"its:any\" its:locQualityIssueType=\"" + ItsQuality.issueType(f.category())
                + "\" its:locQualityIssueSeverity=\"" + ItsQuality.severity(f.severity())
                + "\" its:locQualityIssueComment=\"" + attr(ItsQuality.comment(f)) + "\"/>";
    }

    /** XLIFF ids are NMTOKENs: letters, digits, . - _ : */
    static String nmtoken(String id) {
        String t = id.replaceAll("[^\\p{L}\\p{N}._:-]", "_");
        return t.isEmpty() ? "_" : t;
    }

    /**
     * Element text: markup escaped; a character XML 1.0 forbids (a C0 control, U+FFFE, U+FFFF) written
     * as XLIFF 2's {@code <cp hex="..."/>}, a surrogate without its pair as U+FFFD (it is no character).
     */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        Characters.paired(s).codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> {
                    if (Characters.xmlAllowed(c)) b.appendCodePoint(c);
                    else b.append("<cp hex=\"").append(String.format("%04X", c)).append("\"/>");
                }
            }
        });
        return b.toString();
    }

    /** Attribute values: also quotes and line breaks escaped; characters XML 1.0 forbids left out (no {@code <cp>} there). */
    static String attr(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        Characters.xml(s).codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\n' -> b.append("&#10;");
                case '\r' -> b.append("&#13;");
                case '\t' -> b.append("&#9;");
                default -> b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}

package dev.calque.eval;

import java.util.ArrayList;
import java.util.List;

/** A small table rendered either as aligned plain text or as a Markdown table. */
final class TextTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private int leftColumns = 1;

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    TextTable row(String... cells) {
        if (cells.length != headers.size()) throw new IllegalArgumentException("row width " + cells.length);
        rows.add(List.of(cells));
        return this;
    }

    /** The first n columns hold text and are left-aligned (default 1). */
    TextTable left(int n) {
        leftColumns = n;
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Text columns left-aligned, the others (figures) right-aligned. */
    String render(boolean markdown) {
        StringBuilder out = new StringBuilder();
        if (markdown) {
            markdownLine(out, headers);
            out.append('|');
            for (int i = 0; i < headers.size(); i++) out.append(i < leftColumns ? " --- |" : " ---: |");
            out.append('\n');
            for (List<String> r : rows) markdownLine(out, r);
            return out.toString();
        }
        int[] width = new int[headers.size()];
        for (int i = 0; i < width.length; i++) width[i] = headers.get(i).length();
        for (List<String> r : rows) for (int i = 0; i < width.length; i++) width[i] = Math.max(width[i], r.get(i).length());
        line(out, headers, width, leftColumns);
        for (List<String> r : rows) line(out, r, width, leftColumns);
        return out.toString();
    }

    private static void markdownLine(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String c : cells) out.append(' ').append(c.replace("|", "\\|")).append(" |");
        out.append('\n');
    }

    private static void line(StringBuilder out, List<String> cells, int[] width, int leftColumns) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - c.length());
            if (i > 0) l.append("  ");
            l.append(i < leftColumns ? c + pad : pad + c);
        }
        out.append(l.toString().stripTrailing()).append('\n');
    }
}

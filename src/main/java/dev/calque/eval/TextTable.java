package dev.calque.eval;

import java.util.ArrayList;
import java.util.List;

/** A small table rendered either as aligned plain text or as a Markdown table. */
final class TextTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    TextTable row(String... cells) {
        if (cells.length != headers.size()) throw new IllegalArgumentException("row width " + cells.length);
        rows.add(List.of(cells));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** First column left-aligned, the others (figures) right-aligned. */
    String render(boolean markdown) {
        StringBuilder out = new StringBuilder();
        if (markdown) {
            line(out, headers, null, true);
            out.append('|');
            for (int i = 0; i < headers.size(); i++) out.append(i == 0 ? " --- |" : " ---: |");
            out.append('\n');
            for (List<String> r : rows) line(out, r, null, true);
            return out.toString();
        }
        int[] width = new int[headers.size()];
        for (int i = 0; i < width.length; i++) width[i] = headers.get(i).length();
        for (List<String> r : rows) for (int i = 0; i < width.length; i++) width[i] = Math.max(width[i], r.get(i).length());
        line(out, headers, width, false);
        for (List<String> r : rows) line(out, r, width, false);
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width, boolean markdown) {
        if (markdown) {
            out.append('|');
            for (String c : cells) out.append(' ').append(c.replace("|", "\\|")).append(" |");
            out.append('\n');
            return;
        }
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - c.length());
            if (i > 0) l.append("  ");
            l.append(i == 0 ? c + pad : pad + c);
        }
        out.append(l.toString().stripTrailing()).append('\n');
    }
}

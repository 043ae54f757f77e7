package dev.calque.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.model.Severity;
import dev.calque.eval.AnnotatedError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * An MQM-annotated corpus (the JSON Lines of {@code ../shared/eval/README.md}, plain or gzipped) with
 * what the risk model needs beside the target text: the source and whether the row is a human
 * translation. Unlike {@link dev.calque.eval.Corpus}, a human row with annotations is annotated
 * (the training sets annotate their human references), and a row without annotations is kept as
 * unannotated.
 */
public record RiskCorpus(Path file, String pair, List<Doc> docs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One segment: {@code errors} is {@code null} when the row has no annotation; {@code pair} its own language pair. */
    public record Row(String doc, String system, int seg, String text, String source, boolean human,
                      List<AnnotatedError> errors, int annotators, String pair) {
        public boolean annotated() {
            return errors != null;
        }

        /** Counted errors: not neutral, not in the source text. */
        public List<AnnotatedError> counted() {
            List<AnnotatedError> out = new ArrayList<>();
            if (errors != null) for (AnnotatedError e : errors) if (e.isError()) out.add(e);
            return out;
        }

        public boolean hasMajor() {
            return counted().stream().anyMatch(AnnotatedError::isMajor);
        }

        /**
         * The share of the row's annotators who marked a counted error overlapping [from, to): the
         * chance that one annotator, drawn at random, marks the passage.
         */
        public double hitShare(int from, int to) {
            java.util.Set<String> marked = new java.util.HashSet<>(), all = new java.util.HashSet<>();
            for (AnnotatedError e : counted()) {
                all.add(e.annotator());
                if (e.overlaps(from, to)) marked.add(e.annotator());
            }
            int n = Math.max(Math.max(annotators, all.size()), 1);
            return Math.min(1.0, marked.size() / (double) n);
        }

        /** Whether the span [from, to) of this row's text overlaps a counted error. */
        public boolean hit(int from, int to) {
            for (AnnotatedError e : counted()) if (e.overlaps(from, to)) return true;
            return false;
        }
    }

    /** The rows of one {@code doc} and {@code system} joined like {@link dev.calque.eval.EvalDocument}. */
    public record Doc(String doc, String system, List<Row> rows, String text, int[] starts) {
        static Doc of(List<Row> rows) {
            StringBuilder text = new StringBuilder();
            int[] starts = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                if (i > 0) text.append("\n\n");
                starts[i] = text.length();
                text.append(rows.get(i).text());
            }
            return new Doc(rows.get(0).doc(), rows.get(0).system(), List.copyOf(rows), text.toString(), starts);
        }

        /** Index of the row holding a document offset. */
        public int rowAt(int offset) {
            int i = java.util.Arrays.binarySearch(starts, offset);
            return i >= 0 ? i : Math.max(0, -i - 2);
        }
    }

    public String sourceLanguage() {
        int dash = pair.indexOf('-');
        return dash > 0 ? pair.substring(0, dash) : null;
    }

    public int segments() {
        return docs.stream().mapToInt(d -> d.rows().size()).sum();
    }

    /** @throws IOException naming the file when it cannot be read or a line is not a segment */
    public static RiskCorpus read(Path file) throws IOException {
        Map<String, List<Row>> byDoc = new LinkedHashMap<>();
        String pair = null;
        int lineNo = 0;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    throw new IOException(file + ":" + lineNo + ": not a JSON object");
                }
                if (pair == null) pair = n.path("pair").asText("");
                String text = n.path("text").asText("").replace('\n', ' ').replace('\r', ' ');
                List<AnnotatedError> errors = null;
                if (n.path("errors").isArray()) {
                    errors = new ArrayList<>();
                    for (JsonNode e : n.get("errors")) {
                        Integer start = e.hasNonNull("start") ? e.get("start").asInt() : null;
                        Integer end = e.hasNonNull("end") ? e.get("end").asInt() : null;
                        if (start != null && (end == null || start < 0 || end < start || end > text.length())) {
                            start = null;
                            end = null;
                        }
                        String category = e.path("category").asText("");
                        String family = e.path("family").asText(category.contains("/")
                                ? category.substring(0, category.indexOf('/')) : category);
                        Severity sev;
                        try {
                            sev = Severity.parse(e.path("severity").asText("minor"));
                        } catch (IllegalArgumentException ex) {
                            sev = Severity.MINOR;
                        }
                        errors.add(new AnnotatedError(start, end, category, family, sev, e.path("annotator").asText("")));
                    }
                }
                Row row = new Row(n.path("doc").asText(""), n.path("system").asText(""), n.path("seg").asInt(),
                        text, n.path("source").asText(""), n.path("human").asBoolean(false), errors,
                        n.path("annotators").asInt(1), n.path("pair").asText(""));
                byDoc.computeIfAbsent(row.doc() + '\u0000' + row.system(), k -> new ArrayList<>()).add(row);
            }
        }
        if (byDoc.isEmpty()) throw new IOException(file + ": holds no segments");
        List<Doc> docs = new ArrayList<>();
        for (List<Row> rows : byDoc.values()) {
            rows.sort(Comparator.comparingInt(Row::seg));
            docs.add(Doc.of(rows));
        }
        return new RiskCorpus(file, pair == null ? "" : pair, docs);
    }
}

package dev.calque.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.model.MqmCategory;
import dev.calque.model.Severity;
import dev.calque.model.Texts;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An evaluation corpus in the JSON Lines format of {@code eval/README.md}: one segment a line,
 * grouped into documents by {@code doc} and {@code system}, in {@code seg} order.
 *
 * @param file      where it was read from
 * @param corpus    the {@code corpus} field of its lines (the first one seen)
 * @param pair      the {@code pair} field of its lines, e.g. {@code zh-en} ({@code ""} when absent)
 * @param documents documents in order of first appearance
 * @param references the human translations some corpora give beside each machine translation (field
 *                  {@code reference}, with its {@code source}): one document per {@code doc}, system
 *                  {@code "reference"}, its segments clean; empty when the corpus has none
 */
public record Corpus(Path file, String corpus, String pair, List<EvalDocument> documents, List<EvalDocument> references) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Corpus {
        documents = List.copyOf(documents);
        references = List.copyOf(references);
    }

    public Corpus(Path file, String corpus, String pair, List<EvalDocument> documents) {
        this(file, corpus, pair, documents, List.of());
    }

    public String name() {
        Path n = file.getFileName();
        return n == null ? file.toString() : n.toString();
    }

    /** The source language from {@code pair} ({@code zh} for {@code zh-en}), or {@code null} when unknown. */
    public String sourceLanguage() {
        int dash = pair.indexOf('-');
        return dash > 0 ? pair.substring(0, dash) : null;
    }

    public int segments() {
        return documents.stream().mapToInt(d -> d.segments().size()).sum();
    }

    public int words() {
        return documents.stream().mapToInt(EvalDocument::words).sum();
    }

    /** How many segments of each kind the corpus holds. */
    public Map<Segment.Kind, Integer> kinds() {
        Map<Segment.Kind, Integer> n = new EnumMap<>(Segment.Kind.class);
        for (EvalDocument d : documents) for (Segment s : d.segments()) n.merge(s.kind(), 1, Integer::sum);
        return n;
    }

    /** Most annotators any segment had. */
    public int maxAnnotators() {
        return documents.stream().flatMap(d -> d.segments().stream()).mapToInt(Segment::annotators).max().orElse(0);
    }

    /** @throws CorpusException naming the file and line when it cannot be read or parsed */
    public static Corpus read(Path file) {
        Map<String, List<Segment>> byDoc = new LinkedHashMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        Map<String, Map<Integer, Segment>> references = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        String corpus = null;
        String pair = null;
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                JsonNode row;
                try {
                    row = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new CorpusException(file, lineNo, "not a JSON object: " + e.getOriginalMessage());
                }
                if (row == null || !row.isObject()) throw new CorpusException(file, lineNo, "not a JSON object");
                String doc = text(row, "doc", file, lineNo);
                String system = row.path("system").asText("");
                JsonNode segNode = row.get("seg");
                if (segNode == null || !segNode.canConvertToInt()) {
                    throw new CorpusException(file, lineNo, "missing or non-integer \"seg\"");
                }
                int seg = segNode.asInt();
                if (!seen.add(doc + '\u0000' + system + '\u0000' + seg)) {
                    throw new CorpusException(file, lineNo, "segment " + seg + " of doc " + doc + " (" + system
                            + ") appears twice");
                }
                if (corpus == null) corpus = row.path("corpus").asText("");
                if (pair == null) pair = row.path("pair").asText("");
                Segment s = segment(row, seg, file, lineNo);
                String key = doc + '\u0000' + system;
                byDoc.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
                keys.putIfAbsent(key, new String[] {doc, system});
                String reference = row.path("reference").asText("");
                if (!reference.isBlank() && s.source() != null) {
                    // the same reference stands beside every system's output: the first one is kept
                    String r = reference.replace('\n', ' ').replace('\r', ' ');
                    references.computeIfAbsent(doc, k -> new LinkedHashMap<>()).putIfAbsent(seg, new Segment(seg, r,
                            Segment.Kind.CLEAN, List.of(), 0, null, List.of(), Texts.wordCount(r), s.source()));
                }
            }
        } catch (NoSuchFileException e) {
            throw new CorpusException(file, 0, "file not found");
        } catch (IOException e) {
            throw new CorpusException(file, lineNo, "cannot be read: " + e.getMessage());
        }
        if (byDoc.isEmpty()) throw new CorpusException(file, 0, "holds no segments");
        List<EvalDocument> docs = new ArrayList<>();
        for (Map.Entry<String, List<Segment>> e : byDoc.entrySet()) {
            List<Segment> segs = new ArrayList<>(e.getValue());
            segs.sort(Comparator.comparingInt(Segment::seg));
            String[] k = keys.get(e.getKey());
            docs.add(EvalDocument.of(k[0], k[1], segs));
        }
        List<EvalDocument> refs = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Segment>> e : references.entrySet()) {
            List<Segment> segs = new ArrayList<>(e.getValue().values());
            segs.sort(Comparator.comparingInt(Segment::seg));
            refs.add(EvalDocument.of(e.getKey(), "reference", segs));
        }
        return new Corpus(file, corpus == null ? "" : corpus, pair == null ? "" : pair, docs, refs);
    }

    private static Segment segment(JsonNode row, int seg, Path file, int lineNo) {
        String text = text(row, "text", file, lineNo);
        // one segment is one paragraph of its document: line breaks inside it would split it
        text = text.replace('\n', ' ').replace('\r', ' '); // same length: error offsets stay valid
        JsonNode errorsNode = row.get("errors");
        boolean human = row.path("human").asBoolean(false);
        String judgment = row.hasNonNull("judgment") ? row.get("judgment").asText() : null;
        List<String> problems = new ArrayList<>();
        for (JsonNode p : row.path("problems")) problems.add(p.asText());
        List<AnnotatedError> errors = new ArrayList<>();
        Segment.Kind kind;
        if (human) {
            kind = Segment.Kind.CLEAN;
        } else if (errorsNode != null && errorsNode.isArray()) {
            kind = Segment.Kind.ANNOTATED;
            int i = 0;
            for (JsonNode e : errorsNode) {
                i++;
                errors.add(error(e, text, file, lineNo, i));
            }
        } else if (errorsNode != null && !errorsNode.isNull()) {
            throw new CorpusException(file, lineNo, "\"errors\" must be a list or null");
        } else if (judgment != null) {
            kind = Segment.Kind.JUDGED;
        } else {
            kind = Segment.Kind.UNANNOTATED;
        }
        String source = row.hasNonNull("source") ? row.get("source").asText().replace('\n', ' ').replace('\r', ' ') : null;
        return new Segment(seg, text, kind, errors, row.path("annotators").asInt(0), judgment, problems,
                Texts.wordCount(text), source);
    }

    private static AnnotatedError error(JsonNode e, String text, Path file, int lineNo, int index) {
        String where = "error " + index + ": ";
        Integer start = e.hasNonNull("start") ? e.get("start").asInt() : null;
        Integer end = e.hasNonNull("end") ? e.get("end").asInt() : null;
        if ((start == null) != (end == null)) throw new CorpusException(file, lineNo, where + "start and end must both be set or both null");
        if (start != null && (start < 0 || end < start || end > text.length())) {
            throw new CorpusException(file, lineNo, where + "span " + start + "-" + end + " lies outside the text ("
                    + text.length() + " characters)");
        }
        Severity severity;
        try {
            severity = Severity.parse(e.path("severity").asText(null));
        } catch (IllegalArgumentException ex) {
            throw new CorpusException(file, lineNo, where + ex.getMessage());
        }
        String category = e.path("category").asText("");
        String family = e.hasNonNull("family") ? e.get("family").asText()
                : MqmCategory.dimensionOf(category);
        return new AnnotatedError(start, end, category, family, severity, e.path("annotator").asText(""));
    }

    private static String text(JsonNode row, String field, Path file, int lineNo) {
        JsonNode n = row.get(field);
        if (n == null || !n.isTextual()) throw new CorpusException(file, lineNo, "missing or non-text \"" + field + "\"");
        return n.asText();
    }
}

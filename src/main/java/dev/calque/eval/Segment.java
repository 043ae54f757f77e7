package dev.calque.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of an evaluation corpus: a translated segment and what humans said about it.
 *
 * @param seg        position in its document (1-based in the corpora)
 * @param text       the English text that is checked
 * @param kind       what the human evidence is
 * @param errors     annotated spans (empty unless {@link Kind#ANNOTATED})
 * @param annotators how many annotators rated the segment (0 when unknown)
 * @param judgment   the reader's judgment for {@link Kind#JUDGED} segments (DiaBLa: perfect, medium, poor)
 * @param problems   the problem types the reader named with the judgment
 * @param words      word count of {@code text}
 * @param source     the original the segment translates (the corpus's {@code source}), or {@code null}
 */
public record Segment(int seg, String text, Kind kind, List<AnnotatedError> errors, int annotators,
                      String judgment, List<String> problems, int words, String source) {

    /** A segment whose corpus gives no original. */
    public Segment(int seg, String text, Kind kind, List<AnnotatedError> errors, int annotators,
                   String judgment, List<String> problems, int words) {
        this(seg, text, kind, errors, annotators, judgment, problems, words, null);
    }

    /** What a corpus line tells about its segment. */
    public enum Kind {
        /** MQM error spans ({@code errors} is a list, possibly empty: an empty list means no error). */
        ANNOTATED,
        /** A human translation or original ({@code "human": true}): taken as free of errors. */
        CLEAN,
        /** A reader's overall judgment instead of spans ({@code errors: null} with a {@code judgment}). */
        JUDGED,
        /** No human evidence at all (machine output, {@code errors: null}): findings are only counted. */
        UNANNOTATED
    }

    public static final String PERFECT = "perfect";

    public Segment {
        errors = List.copyOf(errors);
        problems = List.copyOf(problems);
    }

    /**
     * Whether every finding here is a false alarm: a human translation, or a segment whose reader
     * judged it perfect.
     */
    public boolean clean() {
        return kind == Kind.CLEAN || (kind == Kind.JUDGED && PERFECT.equals(judgment));
    }

    /** Whether findings here can be judged right or wrong against the human evidence. */
    public boolean judgeable() {
        return kind == Kind.ANNOTATED || clean();
    }

    /**
     * The errors that count: not neutral, not in the source, and marked in that MQM family by at
     * least {@code minVotes} distinct annotators (or by all of them, when fewer rated the segment).
     */
    public List<AnnotatedError> countedErrors(int minVotes) {
        List<AnnotatedError> real = new ArrayList<>();
        for (AnnotatedError e : errors) if (e.isError()) real.add(e);
        if (minVotes <= 1 || real.isEmpty()) return real;
        Map<String, Set<String>> voters = new HashMap<>();
        for (AnnotatedError e : real) voters.computeIfAbsent(e.family(), f -> new HashSet<>()).add(e.annotator());
        int needed = annotators > 0 ? Math.min(minVotes, annotators) : minVotes;
        List<AnnotatedError> counted = new ArrayList<>();
        for (AnnotatedError e : real) if (voters.get(e.family()).size() >= needed) counted.add(e);
        return counted;
    }
}

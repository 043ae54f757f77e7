package dev.calque.eval;

import dev.calque.model.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a document's findings back to its segments and judges each against the human evidence.
 * A finding belongs to the segment where it starts; its span is clipped to that segment.
 */
public final class SpanMatcher {
    private final int minVotes;

    /** @param minVotes annotators needed for an error to count (1 = every annotated error counts) */
    public SpanMatcher(int minVotes) {
        if (minVotes < 1) throw new IllegalArgumentException("--min-votes must be at least 1");
        this.minVotes = minVotes;
    }

    public int minVotes() {
        return minVotes;
    }

    /** How a finding compares with what humans said about its segment. */
    public enum Outcome {
        /** overlaps a counted (non-neutral) error span */
        HIT,
        /** in a segment with no counted error: annotated error-free, human, or judged perfect */
        FALSE_ALARM,
        /** in a segment with counted errors, but overlapping none of their spans */
        UNCONFIRMED,
        /** in a segment with no usable evidence (unannotated, or judged medium/poor) */
        UNJUDGED
    }

    /**
     * One finding placed in its segment.
     *
     * @param segment index of the segment in the document
     * @param start   offset in the segment's text
     * @param end     end offset in the segment's text (clipped to it)
     * @param errors  the counted errors it overlaps
     */
    public record Match(Finding finding, int segment, int start, int end, Outcome outcome, List<AnnotatedError> errors) {
        public Match {
            errors = List.copyOf(errors);
        }
    }

    /** @param findings the checker's findings in {@code doc.text()} */
    public List<Match> match(EvalDocument doc, List<Finding> findings) {
        List<List<AnnotatedError>> counted = new ArrayList<>();
        for (Segment s : doc.segments()) counted.add(s.countedErrors(minVotes));
        List<Match> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            int i = doc.segmentAt(f.start());
            Segment s = doc.segments().get(i);
            int len = s.text().length();
            int start = Math.min(f.start() - doc.start(i), len);
            int end = Math.max(start, Math.min(f.end() - doc.start(i), len));
            List<AnnotatedError> overlapped = new ArrayList<>();
            Outcome outcome;
            if (s.clean()) {
                outcome = Outcome.FALSE_ALARM;
            } else if (s.kind() != Segment.Kind.ANNOTATED) {
                outcome = Outcome.UNJUDGED;
            } else if (counted.get(i).isEmpty()) {
                outcome = Outcome.FALSE_ALARM;
            } else {
                for (AnnotatedError e : counted.get(i)) if (e.overlaps(start, end)) overlapped.add(e);
                outcome = overlapped.isEmpty() ? Outcome.UNCONFIRMED : Outcome.HIT;
            }
            out.add(new Match(f, i, start, end, outcome, overlapped));
        }
        return out;
    }
}

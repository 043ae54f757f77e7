package dev.calque.rules.bilingual;

import dev.calque.model.BilingualSegment;
import dev.calque.rules.RuleInfo;
import java.util.List;

/**
 * A rule that reads a translation beside its original, one aligned segment at a time (a unit of a
 * bilingual file). Its matches are offsets in the segment's target text.
 */
public interface BilingualRule {
    RuleInfo info();

    /** The examples it carries, each an original and a translation. */
    List<BilingualExample> examples();

    /** @param glossary the run's glossary ({@code --glossary}), empty when none was given */
    List<SegmentMatch> check(BilingualSegment segment, Glossary glossary);

    /**
     * One suspect passage of a segment's target (end exclusive), and the passage of the segment's
     * original it answers to ({@code sourceStart} -1: the whole original segment).
     */
    record SegmentMatch(int start, int end, String message, List<String> suggestions, int sourceStart, int sourceEnd) {
        public SegmentMatch {
            suggestions = List.copyOf(suggestions);
        }

        public SegmentMatch(int start, int end, String message, List<String> suggestions) {
            this(start, end, message, suggestions, -1, -1);
        }
    }
}

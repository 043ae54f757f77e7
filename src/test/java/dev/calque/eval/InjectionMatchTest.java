package dev.calque.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which findings of an injected text count as flagging the injection: one over the injected span that
 * the unmodified text did not have at that place. An old finding elsewhere with the same rule and
 * passage (a false alarm on another "not") must not stand for the new one.
 */
class InjectionMatchTest {
    // the injected "not" comes before the old false alarm: matched by rule and passage in document order, it was taken for it
    private static final String CLEAN = "The talks have ended.\n\nSometimes for the best and sometimes not.";
    private static final String ADDED = "The talks have not ended.\n\nSometimes for the best and sometimes not.";

    private static EvalDocument doc(String text) {
        List<Segment> segments = new java.util.ArrayList<>();
        int n = 0;
        for (String p : text.split(EvalDocument.SEPARATOR)) {
            segments.add(new Segment(n++, p, Segment.Kind.CLEAN, List.of(), 0, null, List.of(), p.split(" ").length, p));
        }
        return EvalDocument.of("d", "ref", segments);
    }

    private static Finding not(String text, int from) {
        int at = text.indexOf("not", from);
        return new Finding("SOURCE_NEGATION", "n", "Accuracy/Mistranslation", dev.calque.model.Severity.MAJOR, "", List.of(),
                at, at + 3, 1, 1, 1, 1, "not", "", 0, Finding.LANGUAGETOOL);
    }

    private static Injection.Case added() {
        int at = ADDED.indexOf("not");
        return new Injection.Case(Injection.Type.NEGATION_ADDED, doc(CLEAN), ADDED, ADDED, at, at + 3);
    }

    @Test
    void anOldFalseAlarmElsewhereDoesNotStandForTheInjectedOne() {
        List<Finding> before = List.of(not(CLEAN, 0));
        Finding old = not(ADDED, ADDED.indexOf("Sometimes"));
        assertThat(Injection.flagged(added(), before, List.of(not(ADDED, 0), old))).isTrue();
        // the injected one missed: only the old false alarm, shifted by the change, is found again
        assertThat(Injection.flagged(added(), before, List.of(old))).isFalse();
    }

    @Test
    void aFindingThatWasAlreadyInsideTheChangedSpanIsNoFlag() {
        // two paragraphs swapped: the old "not" moved with its paragraph, still inside the span, is no flag
        String clean = "The talks have not ended, he said.\n\nThe minister left for Geneva on Monday.";
        String swapped = "The minister left for Geneva on Monday.\n\nThe talks have not ended, he said.";
        Injection.Case c = new Injection.Case(Injection.Type.PARAGRAPHS_SWAPPED, doc(clean), swapped, swapped, 0, swapped.length());
        List<Finding> before = List.of(not(clean, 0));
        assertThat(Injection.flagged(c, before, List.of(not(swapped, 0)))).isFalse();
        Finding order = new Finding("SOURCE_ORDER", "o", "Accuracy/Mistranslation", dev.calque.model.Severity.MAJOR, "",
                List.of(), 0, 10, 1, 1, 1, 1, swapped.substring(0, 10), "", 0, Finding.LANGUAGETOOL);
        assertThat(Injection.flagged(c, before, List.of(not(swapped, 0), order))).isTrue();
    }
}

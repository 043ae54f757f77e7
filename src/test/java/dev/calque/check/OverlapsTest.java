package dev.calque.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.model.Finding;
import dev.calque.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One finding per passage: Calque's over stock, then the more severe, the wider, the more specific. */
class OverlapsTest {
    private static final String TEXT = "Vladimir Poutine swept to AFP that the strongman of the Kremlin left.";

    private static Finding f(String rule, String passage, Severity s, String origin) {
        int start = TEXT.indexOf(passage);
        return new Finding(rule, rule, "Accuracy/Mistranslation", s, "m", List.of(), start, start + passage.length(),
                1, start + 1, 1, start + passage.length() + 1, passage, TEXT, 0, origin);
    }

    /** Rules named GENERIC* rank below the others, as consistency and fragment rules do in a checker. */
    private static List<String> resolve(Finding... findings) {
        return Overlaps.resolve(List.of(findings), x -> x.rule().startsWith("GENERIC") ? 1 : 0).stream()
                .map(Finding::rule).toList();
    }

    @Test
    void calqueWinsOverAStockRuleOnOverlappingTextWhateverTheSeverity() {
        assertThat(resolve(f("SPELLING", "Poutine", Severity.CRITICAL, Finding.LANGUAGETOOL),
                f("NAME_FORM", "Vladimir Poutine", Severity.MINOR, Finding.CALQUE))).containsExactly("NAME_FORM");
        // partial overlap is enough
        assertThat(resolve(f("NAME_FORM", "Poutine", Severity.MINOR, Finding.CALQUE),
                f("GRAMMAR", "Poutine swept", Severity.MAJOR, Finding.LANGUAGETOOL))).containsExactly("NAME_FORM");
    }

    @Test
    void nestedCalqueFindingsKeepTheMoreSevereThenTheWider() {
        assertThat(resolve(f("WIDE", "the strongman of the Kremlin", Severity.MINOR, Finding.CALQUE),
                f("NARROW", "strongman", Severity.MAJOR, Finding.CALQUE))).containsExactly("NARROW");
        assertThat(resolve(f("NARROW", "strongman", Severity.MAJOR, Finding.CALQUE),
                f("WIDE", "the strongman of the Kremlin", Severity.MAJOR, Finding.CALQUE))).containsExactly("WIDE");
    }

    @Test
    void onTheSameSpanAndSeverityTheSpecificRuleWins() {
        assertThat(resolve(f("GENERIC_CONSISTENCY", "Poutine", Severity.MAJOR, Finding.CALQUE),
                f("NAME_FORM", "Poutine", Severity.MAJOR, Finding.CALQUE))).containsExactly("NAME_FORM");
        assertThat(resolve(f("NAME_FORM", "Poutine", Severity.MAJOR, Finding.CALQUE),
                f("GENERIC_CONSISTENCY", "Poutine", Severity.MAJOR, Finding.CALQUE))).containsExactly("NAME_FORM");
    }

    @Test
    void crossingCalqueFindingsAndSeparateOnesAreAllKeptInTextOrder() {
        assertThat(resolve(f("LATER", "that the strongman", Severity.MINOR, Finding.CALQUE),
                f("CROSSING", "AFP that", Severity.MINOR, Finding.CALQUE),
                f("FIRST", "Vladimir", Severity.MINOR, Finding.LANGUAGETOOL)))
                .containsExactly("FIRST", "CROSSING", "LATER");
    }
}

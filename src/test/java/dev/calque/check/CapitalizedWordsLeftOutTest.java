package dev.calque.check;

import dev.calque.model.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bundled policy (rules/en/languagetool.yml, ignoreCapitalized) keeps LanguageTool's speller quiet
 * on capitalized words, names in news, and leaves it as it was on everything else.
 */
class CapitalizedWordsLeftOutTest {
    static final String TEXT = "The envoy Xavrenko met the ministr in Genvea on Tuesday.";

    static List<Finding> spelling(Checker checker) {
        return checker.check(TEXT).stream().filter(f -> f.rule().equals("MORFOLOGIK_RULE_EN_US")).toList();
    }

    @Test
    void namesAreLeftAloneAndLowercaseMisspellingsStillFlaggedWithSuggestions() {
        Checker checker = Checker.builder().rules(Path.of("rules")).build();
        List<Finding> found = spelling(checker);
        assertThat(found).extracting(Finding::passage).containsExactly("ministr");
        assertThat(found.get(0).suggestions()).contains("minister");
        assertThat(found.get(0).origin()).isEqualTo(Finding.LANGUAGETOOL);
        assertThat(checker.stockRuleInfos()).extracting(r -> r.id())
                .contains("MORFOLOGIK_RULE_EN_US").noneMatch(id -> id.startsWith("CALQUE_"));
    }

    @Test
    void withoutThePolicyTheSpellerFlagsNamesToo() {
        Checker checker = Checker.builder().build(); // no rule folder: stock LanguageTool as it comes
        assertThat(spelling(checker)).extracting(Finding::passage).contains("Xavrenko", "ministr", "Genvea");
    }

    @Test
    void aSwitchedOffSpellerStaysOff() {
        Checker checker = Checker.builder().rules(Path.of("rules")).disable(Set.of("MORFOLOGIK_RULE_EN_US")).build();
        assertThat(spelling(checker)).isEmpty();
    }
}

package dev.calque.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.model.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled policy (rules/en/languagetool.yml, {@code ignoreOtherVariants} with {@code mixedVariants})
 * reports a British spelling in en-US text only where the text also writes American spellings. Two real
 * MT outputs of the same biomedical abstract (biomqm dev, doc28): one writes "division of labor" and then
 * "division of labour", the other "labour" throughout.
 */
class MixedVariantsTest {
    private static final Checker CHECKER = Checker.builder().rules(Path.of("rules")).build();

    private static List<Finding> spelling(String file) throws IOException {
        String text = Files.readString(Path.of("src/test/resources/variants", file));
        return CHECKER.check(text).stream().filter(f -> f.rule().equals("MORFOLOGIK_RULE_EN_US")).toList();
    }

    @Test
    void aTextMixingVarietiesHasItsBritishSpellingReportedSayingSo() throws IOException {
        List<Finding> found = spelling("biomqm-doc28-Huawei_AGI_run1.txt").stream()
                .filter(f -> !f.passage().equals("canadian")).toList(); // a real error too, reported anyway
        assertThat(found).extracting(Finding::passage).containsExactly("labour");
        assertThat(found.get(0).message()).contains("'labour' is British English")
                .contains("writes American spellings ('labor')");
        assertThat(found.get(0).suggestions()).contains("labor");
    }

    @Test
    void aConsistentlyBritishTextIsTheWritersChoice() throws IOException {
        assertThat(spelling("biomqm-doc28-TMT_run1.txt")).extracting(Finding::passage).doesNotContain("labour");
    }

    @Test
    void theTrainingRunSeesTheSpellerAsItComes() throws IOException {
        Checker raw = Checker.builder().rules(Path.of("rules")).spellCapitalized(true).build();
        String text = Files.readString(Path.of("src/test/resources/variants/biomqm-doc28-TMT_run1.txt"));
        assertThat(raw.check(text)).extracting(Finding::passage).contains("labour");
    }
}

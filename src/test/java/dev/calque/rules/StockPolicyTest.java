package dev.calque.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calque.model.MqmCategory;
import dev.calque.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.ITSIssueType;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;

/** The labels of LanguageTool's stock rules are data in rules/en/languagetool.yml. */
class StockPolicyTest {
    private static final Language EN = Languages.getLanguageForShortCode("en-US");

    @TempDir
    Path dir;

    /** A stock rule of one ITS issue type, to describe. */
    private static Rule ruleOf(ITSIssueType type) {
        Rule r = new Rule() {
            @Override
            public String getId() {
                return "SOME_STOCK_RULE";
            }

            @Override
            public String getDescription() {
                return "a stock rule";
            }

            @Override
            public RuleMatch[] match(org.languagetool.AnalyzedSentence sentence) {
                return new RuleMatch[0];
            }
        };
        r.setLocQualityIssueType(type);
        return r;
    }

    /** The labels the bundled rules/en gives, type by type, as Calque gave them before they were data. */
    @Test
    void theBundledPackLabelsEveryIssueTypeAsBefore() {
        Map<ITSIssueType, String> expected = Map.ofEntries(
                Map.entry(ITSIssueType.Misspelling, "Fluency/Spelling"),
                Map.entry(ITSIssueType.Grammar, "Fluency/Grammar"),
                Map.entry(ITSIssueType.Typographical, "Fluency/Punctuation"),
                Map.entry(ITSIssueType.Whitespace, "Fluency/Punctuation"),
                Map.entry(ITSIssueType.Duplication, "Fluency/Grammar"),
                Map.entry(ITSIssueType.Style, "Style/Unidiomatic"),
                Map.entry(ITSIssueType.Register, "Style/Register"),
                Map.entry(ITSIssueType.Inconsistency, "Fluency/Inconsistency"),
                Map.entry(ITSIssueType.InconsistentEntities, "Terminology/Inconsistent"),
                Map.entry(ITSIssueType.Terminology, "Terminology/Wrong term"),
                Map.entry(ITSIssueType.Mistranslation, "Accuracy/Mistranslation"),
                Map.entry(ITSIssueType.Untranslated, "Accuracy/Untranslated"),
                Map.entry(ITSIssueType.Addition, "Accuracy/Addition"),
                Map.entry(ITSIssueType.Omission, "Accuracy/Omission"),
                Map.entry(ITSIssueType.LocaleViolation, "Locale/Convention"),
                Map.entry(ITSIssueType.LocaleSpecificContent, "Locale/Convention"),
                Map.entry(ITSIssueType.Numbers, "Locale/Number format"),
                Map.entry(ITSIssueType.Characters, "Fluency/Character encoding"));
        StockPolicy policy = RulePackLoader.load(List.of(Path.of("rules")), "en", "fr", EN).stock();
        for (ITSIssueType t : ITSIssueType.values()) {
            assertThat(MqmCategory.ITS_TYPES).as("ITS name of %s", t).contains(t.toString());
            RuleInfo info = policy.describe(ruleOf(t));
            assertThat(info.category()).as(t.name()).isEqualTo(expected.getOrDefault(t, MqmCategory.ITS_FALLBACK));
            assertThat(info.severity()).as(t.name()).isEqualTo(Severity.MINOR);
        }
    }

    @Test
    void anIssueTypeThatIsNotAnItsNameOrABadCategoryFailsTheLoad() throws Exception {
        Files.writeString(dir.resolve("lt.yml"), "languagetool:\n  types:\n    mispelling: {category: Fluency/Spelling}\n");
        assertThatThrownBy(() -> RulePackLoader.load(List.of(dir), "en", "fr", EN))
                .isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith(dir.resolve("lt.yml") + ":3: languagetool.types: 'mispelling' is not an ITS 2.0 issue type");
        Files.writeString(dir.resolve("lt.yml"), "languagetool:\n  rules:\n    EN_QUOTES: {category: Typography/Quotes}\n");
        assertThatThrownBy(() -> RulePackLoader.load(List.of(dir), "en", "fr", EN))
                .hasMessageContaining("languagetool.rules.EN_QUOTES: MQM category 'Typography/Quotes' does not start with");
    }
}

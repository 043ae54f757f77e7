package dev.calque.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.languagetool.rules.ITSIssueType;

class MqmCategoryTest {

    @Test
    void everyDimensionAndItsOlderNameIsAccepted() {
        for (String d : new String[] {"Accuracy", "Fluency", "Linguistic conventions", "Terminology", "Style",
                "Locale", "Locale conventions", "Design", "Design and markup", "Audience appropriateness", "Other"}) {
            assertTrue(MqmCategory.isValid(d + "/Something"), d);
        }
        assertEquals(MqmCategory.Dimension.LINGUISTIC_CONVENTIONS, MqmCategory.parse("Fluency/Grammar").core());
        assertEquals(MqmCategory.Dimension.LOCALE_CONVENTIONS, MqmCategory.parse("Locale conventions").core());
    }

    @Test
    void theDimensionIsKeptAsWritten() {
        MqmCategory c = MqmCategory.parse("Locale/Number format");
        assertEquals("Locale", c.dimension());
        assertEquals("Number format", c.subtype());
        assertEquals("Locale/Number format", c.toString());
        assertEquals("Fluency", MqmCategory.dimensionOf("Fluency/Spelling"));
        assertEquals("NonTranslation", MqmCategory.dimensionOf("NonTranslation"), "corpora keep their own names");
        assertEquals("", MqmCategory.dimensionOf(null));
    }

    @Test
    void anUnknownDimensionIsRefusedNamingTheCategory() {
        var e = assertThrows(IllegalArgumentException.class, () -> MqmCategory.parse("Acuracy/Mistranslation"));
        assertTrue(e.getMessage().contains("'Acuracy/Mistranslation'"), e.getMessage());
        assertTrue(e.getMessage().contains("Linguistic conventions"), e.getMessage());
        assertFalse(MqmCategory.isValid("accuracy/Mistranslation"), "dimension names are case-sensitive");
        assertFalse(MqmCategory.isValid(""));
        assertThrows(IllegalArgumentException.class, () -> MqmCategory.parse(" "));
    }

    /** The mapping LanguageTool's issue types had before it moved here; every type LanguageTool has is covered. */
    @Test
    void languageToolsIssueTypesMapAsBefore() {
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
        for (ITSIssueType t : ITSIssueType.values()) {
            String want = expected.getOrDefault(t, MqmCategory.ITS_FALLBACK);
            assertEquals(want, MqmCategory.ofIts(t.toString()).path(), t.name());
        }
    }
}

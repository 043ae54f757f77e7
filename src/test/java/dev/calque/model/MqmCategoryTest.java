package dev.calque.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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

}

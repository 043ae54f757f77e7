package dev.calque.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MQM category to ITS issue type and back: the two directions of one table. */
class ItsTypeTest {

    @Test
    void every_its_type_calque_reads_comes_back_as_a_type_of_the_same_category() {
        for (String its : MqmCategory.itsTypes()) {
            MqmCategory c = MqmCategory.ofIts(its);
            assertThat(MqmCategory.ofIts(c.itsType()).path()).as(its + " -> " + c).isEqualTo(c.path());
        }
    }

    @Test
    void calques_own_categories_get_the_issue_types_a_cat_tool_expects() {
        assertThat(MqmCategory.parse("Accuracy/Omission").itsType()).isEqualTo("omission");
        assertThat(MqmCategory.parse("Accuracy/Untranslated").itsType()).isEqualTo("untranslated");
        assertThat(MqmCategory.parse("Accuracy/Mistranslation").itsType()).isEqualTo("mistranslation");
        assertThat(MqmCategory.parse("Linguistic conventions/Spelling").itsType()).isEqualTo("misspelling");
        assertThat(MqmCategory.parse("Fluency/Punctuation").itsType()).isEqualTo("typographical");
        assertThat(MqmCategory.parse("Locale/Number format").itsType()).isEqualTo("numbers");
        assertThat(MqmCategory.parse("Locale/Date format").itsType()).isEqualTo("locale-violation");
        assertThat(MqmCategory.parse("Terminology/Wrong term").itsType()).isEqualTo("terminology");
        assertThat(MqmCategory.parse("Style/Unidiomatic").itsType()).isEqualTo("style");
        assertThat(MqmCategory.parse("Design/Markup").itsType()).isEqualTo("markup");
        assertThat(MqmCategory.parse("Other").itsType()).isEqualTo("other");
    }
}
